package io.glaux.testing;

import io.glaux.format.ObjectSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** An object held in a byte array for format tests, counting the bytes and ranged requests readers take from it. */
public final class BytesObjectSource implements ObjectSource {

    private final String name;
    private final byte[] bytes;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

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
        requests.incrementAndGet();
        int from = (int) Math.min(offset, bytes.length);
        int count = (int) (length < 0 ? bytes.length - from : Math.min(length, bytes.length - from));
        return new CountingStream(new ByteArrayInputStream(bytes, from, count), bytesRead);
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public int requests() {
        return requests.get();
    }

    /** Counts the bytes that pass through. */
    public static final class CountingStream extends FilterInputStream {
        private final AtomicLong counter;

        public CountingStream(InputStream in, AtomicLong counter) {
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
