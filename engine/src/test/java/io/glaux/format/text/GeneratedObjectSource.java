package io.glaux.format.text;

import io.glaux.format.ObjectSource;

import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * An object whose bytes are made on demand, line by line, so a test can stream a large object without holding it:
 * line {@code i} (from 0) is {@code lineMaker.apply(i)} followed by a newline.
 */
public final class GeneratedObjectSource implements ObjectSource {

    private final String name;
    private final long lines;
    private final LongFunction<byte[]> lineMaker;

    public GeneratedObjectSource(String name, long lines, LongFunction<byte[]> lineMaker) {
        this.name = name;
        this.lines = lines;
        this.lineMaker = lineMaker;
    }

    @Override
    public String name() {
        return name;
    }

    /** Computed by generating every line once; only tests that need it call this. */
    @Override
    public long size() {
        long size = 0;
        for (long i = 0; i < lines; i++) {
            size += lineMaker.apply(i).length + 1;
        }
        return size;
    }

    @Override
    public InputStream open(long offset, long length) {
        if (offset != 0 || length >= 0) {
            throw new UnsupportedOperationException("whole-object reads only");
        }
        return new InputStream() {
            private long next;
            private byte[] current = new byte[0];
            private int position;

            private boolean ensure() {
                while (position >= current.length) {
                    if (next >= lines) {
                        return false;
                    }
                    byte[] line = lineMaker.apply(next++);
                    current = java.util.Arrays.copyOf(line, line.length + 1);
                    current[line.length] = '\n';
                    position = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return ensure() ? current[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                int written = 0;
                while (written < length && ensure()) {
                    int n = Math.min(length - written, current.length - position);
                    System.arraycopy(current, position, buffer, offset + written, n);
                    position += n;
                    written += n;
                }
                return written == 0 ? -1 : written;
            }
        };
    }
}
