package io.glaux.format.text;

import io.glaux.format.ObjectSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** An object held in a byte array, counting the bytes readers take from it. */
public final class BytesObjectSource implements ObjectSource {

    private final String name;
    private final byte[] bytes;
    private final AtomicLong bytesRead = new AtomicLong();

    public BytesObjectSource(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes.clone();
    }

    public static BytesObjectSource of(String text) {
        return new BytesObjectSource("s3://bucket/data/part-0", text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open(long offset, long length) {
        int end = length < 0 ? bytes.length : (int) Math.min(bytes.length, offset + length);
        return new CountingStream(new ByteArrayInputStream(bytes, (int) offset, end - (int) offset), bytesRead);
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Counts the bytes that pass through. */
    static final class CountingStream extends FilterInputStream {
        private final AtomicLong counter;

        CountingStream(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }
}
