package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An in-memory object that counts the bytes and requests readers take from it. */
final class BytesObjectSource implements ObjectSource {

    private final String name;
    private final byte[] bytes;
    private long bytesRead;
    private int requests;

    BytesObjectSource(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
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
        requests++;
        int from = (int) Math.min(offset, bytes.length);
        int count = (int) (length < 0 ? bytes.length - from : Math.min(length, bytes.length - from));
        return new FilterInputStream(new ByteArrayInputStream(bytes, from, count)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
    }

    long bytesRead() {
        return bytesRead;
    }

    int requests() {
        return requests;
    }
}
