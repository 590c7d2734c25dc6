package io.glaux.storage.crypto;

import io.glaux.storage.S3Location;
import java.io.IOException;
import java.io.InputStream;
import javax.crypto.AEADBadTagException;

/**
 * The plaintext of a range of an object encrypted in segments: reads the stored segments from the one holding the
 * first byte wanted, decrypts one at a time and hands out only the bytes of the range. A segment that does not
 * authenticate (the stored file was changed, cut off or swapped) ends the read with an
 * {@link ObjectIntegrityException}.
 */
final class DecryptingInputStream extends InputStream {

    private final InputStream stored;
    private final SegmentCipher cipher;
    private final SegmentLayout layout;
    private final long segments;
    private final S3Location location;
    private final byte[] buffer;
    private long next;
    private byte[] plain = new byte[0];
    private int position;
    private int pendingSkip;
    private long remaining;

    /**
     * @param stored the stored bytes from the start of segment {@code first}
     * @param segments how many segments the object has
     * @param skip plaintext bytes to drop at the start of segment {@code first}
     * @param length plaintext bytes to hand out
     */
    DecryptingInputStream(InputStream stored, SegmentCipher cipher, SegmentLayout layout, long segments, long first,
            int skip, long length, S3Location location) {
        this.stored = stored;
        this.cipher = cipher;
        this.layout = layout;
        this.segments = segments;
        this.location = location;
        this.buffer = new byte[layout.storedSegmentSize()];
        this.next = first;
        this.remaining = length;
        this.pendingSkip = skip;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        while (position >= plain.length) {
            decryptNext();
            position = pendingSkip;
            pendingSkip = 0;
            if (position > plain.length) {
                throw new ObjectIntegrityException(location, "the stored object is shorter than its size");
            }
            if (plain.length == 0) {
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(length, plain.length - position), remaining);
        System.arraycopy(plain, position, bytes, offset, n);
        position += n;
        remaining -= n;
        return n;
    }

    private void decryptNext() throws IOException {
        if (next >= segments) {
            throw new ObjectIntegrityException(location, "the stored object ends before segment " + next);
        }
        boolean last = next == segments - 1;
        int read = stored.readNBytes(buffer, 0, buffer.length);
        if (!last && read < buffer.length) {
            throw new ObjectIntegrityException(location, "segment " + next + " is cut off");
        }
        try {
            plain = cipher.open(next, last, buffer, read);
        } catch (AEADBadTagException e) {
            throw new ObjectIntegrityException(location, "segment " + next + " does not authenticate");
        }
        next++;
    }

    @Override
    public void close() throws IOException {
        stored.close();
    }
}
