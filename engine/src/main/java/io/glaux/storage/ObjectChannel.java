package io.glaux.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only {@link SeekableByteChannel} over one object of a store, for readers that seek (Arrow's file reader
 * starts at the footer). Sequential reads continue one ranged read of the store; a seek elsewhere starts another.
 */
public final class ObjectChannel implements SeekableByteChannel {

    private final ObjectStore store;
    private final String bucket;
    private final String key;
    private final long size;
    private long position;
    private InputStream stream;
    private long streamPosition = -1;
    private boolean open = true;
    private byte[] buffer = new byte[0];
    private static final int MAX_BUFFER = 1 << 20;

    /** A channel over an object of known size (from a listing or a HEAD). */
    public ObjectChannel(ObjectStore store, ObjectInfo object) {
        this.store = store;
        this.bucket = object.bucket();
        this.key = object.key();
        this.size = object.size();
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        checkOpen();
        if (position >= size) {
            return -1;
        }
        if (stream == null || streamPosition != position) {
            closeStream();
            stream = store.get(bucket, key, position, -1);
            streamPosition = position;
        }
        int wanted = (int) Math.min(destination.remaining(), size - position);
        if (buffer.length < Math.min(wanted, MAX_BUFFER)) {
            buffer = new byte[Math.min(wanted, MAX_BUFFER)];
        }
        int total = 0;
        while (total < wanted) {
            int n = stream.read(buffer, 0, Math.min(buffer.length, wanted - total));
            if (n < 0) {
                break;
            }
            destination.put(buffer, 0, n);
            total += n;
        }
        position += total;
        streamPosition += total;
        return total == 0 && wanted > 0 ? -1 : total;
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        closeStream();
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void checkOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
