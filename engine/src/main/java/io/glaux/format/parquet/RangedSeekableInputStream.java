package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import org.apache.parquet.io.SeekableInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A seekable stream that issues one ranged read per request instead of holding a connection open.
 *
 * <p>Parquet reads column chunks and the footer with {@code readFully} of a known length: those become exact ranged
 * reads. Thrift-encoded structures (page indexes, and small pieces generally) are read a few bytes at a time through
 * {@code read}: those are served from a small read-ahead window so they do not turn into hundreds of requests. Exact
 * reads that fall inside the window are served from it too.
 */
final class RangedSeekableInputStream extends SeekableInputStream {

    static final int READ_AHEAD = 8 * 1024;

    private final ObjectSource source;
    private final long size;
    private long position;

    private final byte[] window = new byte[READ_AHEAD];
    private long windowStart;
    private int windowLength;

    RangedSeekableInputStream(ObjectSource source) {
        this.source = source;
        this.size = source.size();
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        if (newPosition < 0 || newPosition > size) {
            throw new EOFException("Seek to " + newPosition + " outside " + source.name() + " of " + size + " bytes");
        }
        position = newPosition;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, size - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, windowStart + windowLength - position));
    }

    @Override
    public int read() throws IOException {
        if (position >= size) {
            return -1;
        }
        if (!inWindow(position)) {
            fillWindow();
        }
        return window[(int) (position++ - windowStart)] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        if (!inWindow(position)) {
            if (length >= READ_AHEAD) {
                int direct = (int) Math.min(length, size - position);
                readExactly(bytes, offset, direct);
                return direct;
            }
            fillWindow();
        }
        return copyFromWindow(bytes, offset, length);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
        if (length > size - position) {
            throw new EOFException("Reached the end of " + source.name() + " reading " + length + " bytes at "
                    + position);
        }
        int copied = inWindow(position) ? copyFromWindow(bytes, offset, length) : 0;
        if (copied < length) {
            readExactly(bytes, offset + copied, length - copied);
        }
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        if (!buffer.hasRemaining()) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int length = (int) Math.min(buffer.remaining(), size - position);
        byte[] bytes = new byte[length];
        readFully(bytes, 0, length);
        buffer.put(bytes);
        return length;
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
            buffer.position(buffer.position() + length);
        } else {
            byte[] bytes = new byte[length];
            readFully(bytes, 0, length);
            buffer.put(bytes);
        }
    }

    private boolean inWindow(long at) {
        return at >= windowStart && at < windowStart + windowLength;
    }

    private int copyFromWindow(byte[] bytes, int offset, int length) {
        int start = (int) (position - windowStart);
        int count = Math.min(length, windowLength - start);
        System.arraycopy(window, start, bytes, offset, count);
        position += count;
        return count;
    }

    private void fillWindow() throws IOException {
        int length = (int) Math.min(READ_AHEAD, size - position);
        windowLength = 0;
        readRange(position, window, 0, length);
        windowStart = position;
        windowLength = length;
    }

    /** Reads {@code length} bytes at the current position straight into {@code bytes} and advances. */
    private void readExactly(byte[] bytes, int offset, int length) throws IOException {
        readRange(position, bytes, offset, length);
        position += length;
    }

    private void readRange(long at, byte[] bytes, int offset, int length) throws IOException {
        try (InputStream in = source.open(at, length)) {
            int read = in.readNBytes(bytes, offset, length);
            if (read < length) {
                throw new EOFException("Reached the end of " + source.name() + " after " + (at + read) + " of "
                        + size + " bytes");
            }
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    /** Marks a failure of the object source itself (not of the Parquet data), so it is not reported as bad data. */
    static final class SourceReadException extends IOException {
        SourceReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
