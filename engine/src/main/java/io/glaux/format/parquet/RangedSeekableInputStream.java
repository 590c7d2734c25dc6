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
 * {@code read}: those are served from small read-ahead windows so they do not turn into hundreds of requests. A few
 * windows are kept (least recently used is replaced) because Parquet alternates between the column-index and
 * offset-index areas of a file. Exact reads that start inside a window take what it holds.
 */
final class RangedSeekableInputStream extends SeekableInputStream {

    static final int READ_AHEAD = 8 * 1024;
    static final int WINDOWS = 4;

    private final ObjectSource source;
    private final long size;
    private long position;

    /** Read-ahead windows; {@code current} is the one holding the position after the last lookup. */
    private final Window[] windows = new Window[WINDOWS];
    private Window current;
    private long useClock;

    private static final class Window {
        final byte[] data = new byte[READ_AHEAD];
        long start;
        int length;
        long lastUse;

        boolean contains(long at) {
            return at >= start && at < start + length;
        }
    }

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
        return inWindow(position) ? (int) (current.start + current.length - position) : 0;
    }

    @Override
    public int read() throws IOException {
        if (position >= size) {
            return -1;
        }
        if (!inWindow(position)) {
            fillWindow();
        }
        return current.data[(int) (position++ - current.start)] & 0xff;
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

    /** Whether a window holds {@code at}; if so it becomes {@link #current}. */
    private boolean inWindow(long at) {
        if (current != null && current.contains(at)) {
            current.lastUse = ++useClock;
            return true;
        }
        for (Window window : windows) {
            if (window != null && window.contains(at)) {
                current = window;
                window.lastUse = ++useClock;
                return true;
            }
        }
        return false;
    }

    private int copyFromWindow(byte[] bytes, int offset, int length) {
        int start = (int) (position - current.start);
        int count = Math.min(length, current.length - start);
        System.arraycopy(current.data, start, bytes, offset, count);
        position += count;
        return count;
    }

    private void fillWindow() throws IOException {
        int slot = 0;
        for (int i = 0; i < windows.length; i++) {
            if (windows[i] == null) {
                slot = i;
                break;
            }
            if (windows[i].lastUse < windows[slot].lastUse) {
                slot = i;
            }
        }
        Window window = windows[slot] == null ? new Window() : windows[slot];
        windows[slot] = null;
        current = null;
        int length = (int) Math.min(READ_AHEAD, size - position);
        readRange(position, window.data, 0, length);
        window.start = position;
        window.length = length;
        window.lastUse = ++useClock;
        windows[slot] = window;
        current = window;
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
