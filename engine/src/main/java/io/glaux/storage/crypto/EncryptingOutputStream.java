package io.glaux.storage.crypto;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encrypts what is written into segments ({@link SegmentLayout}) on the way to {@code out}. A full segment is held
 * back until the next byte arrives, because only {@link #finish()} tells which segment is the last; so at most one
 * segment of plaintext is ever held.
 */
final class EncryptingOutputStream extends OutputStream {

    private final OutputStream out;
    private final SegmentCipher cipher;
    private final byte[] segment;
    private int filled;
    private long index;
    private boolean finished;

    EncryptingOutputStream(OutputStream out, SegmentCipher cipher, SegmentLayout layout) {
        this.out = out;
        this.cipher = cipher;
        this.segment = new byte[layout.segmentSize()];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("The encrypted upload is already finished");
        }
        while (length > 0) {
            if (filled == segment.length) {
                out.write(cipher.seal(index++, false, segment, filled));
                filled = 0;
            }
            int n = Math.min(length, segment.length - filled);
            System.arraycopy(bytes, offset, segment, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Writes the last segment (an empty one for an empty object); nothing may be written after. */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            out.write(cipher.seal(index, true, segment, filled));
            out.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        // The upload underneath is committed or closed by its owner.
    }
}
