package io.glaux.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload written to a private staging file and handed whole to a publisher on commit, with the MD5 of its bytes.
 * The staging file is deleted in every case once the upload is committed or closed.
 */
final class StagedUpload extends ObjectUpload {

    /** Makes the complete staging file visible as the object. */
    interface Publisher {
        /**
         * @param md5 the hex MD5 of the bytes, or null for an upload that does not digest them
         * @param etag the ETag asked for, or null for the MD5
         */
        ObjectInfo publish(Path stagingFile, long size, String md5, String etag) throws IOException;
    }

    /** Buffers smaller than this go through {@link #out}'s buffer; larger ones straight to the file. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path stagingFile;
    private final FileChannel channel;
    private final MessageDigest md5;
    private final OutputStream out;
    private final boolean syncBeforePublish;
    private final Publisher publisher;
    private boolean finished;

    /**
     * @param stagingFile a file that does not exist yet
     * @param syncBeforePublish force the bytes to disk first, for publishers that rename the file into place
     * @param digest compute the MD5 of the bytes (otherwise the publisher is given null)
     */
    StagedUpload(Path stagingFile, boolean syncBeforePublish, boolean digest, Publisher publisher)
            throws IOException {
        this.stagingFile = stagingFile;
        this.channel = FileChannel.open(stagingFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        if (digest) {
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is missing from this Java runtime", e);
            }
            this.out = new DigestOutputStream(file, md5);
        } else {
            this.md5 = null;
            this.out = file;
        }
        this.syncBeforePublish = syncBeforePublish;
        this.publisher = publisher;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        checkOpen();
        out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        out.flush();
    }

    @Override
    public WritableByteChannel keptOpenChannel() {
        return new WritableByteChannel() {
            private boolean open = true;
            private byte[] scratch = new byte[0];

            @Override
            public int write(ByteBuffer source) throws IOException {
                if (!open) {
                    throw new ClosedChannelException();
                }
                checkOpen();
                int length = source.remaining();
                if (length < BUFFER_BYTES) {
                    if (source.hasArray()) {
                        out.write(source.array(), source.arrayOffset() + source.position(), length);
                        source.position(source.limit());
                    } else {
                        if (scratch.length < length) {
                            scratch = new byte[Math.max(length, 1_024)];
                        }
                        source.get(scratch, 0, length);
                        out.write(scratch, 0, length);
                    }
                    return length;
                }
                // What the stream holds goes first; the digest sees the bytes in the order they are written.
                out.flush();
                if (md5 != null) {
                    md5.update(source.duplicate());
                }
                while (source.hasRemaining()) {
                    channel.write(source);
                }
                return length;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() throws IOException {
                if (open) {
                    open = false;
                    flush();
                }
            }
        };
    }

    @Override
    public ObjectInfo commit(String etag) throws IOException {
        checkOpen();
        finished = true;
        try {
            out.flush();
            if (syncBeforePublish) {
                // Durable content before the rename, so a crash never publishes a partial object.
                channel.force(true);
            }
            long size = channel.size();
            channel.close();
            return publisher.publish(stagingFile, size, md5 == null ? null : HexFormat.of().formatHex(md5.digest()),
                    etag);
        } finally {
            closeQuietly();
            Files.deleteIfExists(stagingFile);
        }
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        closeQuietly();
        Files.deleteIfExists(stagingFile);
    }

    private void checkOpen() throws IOException {
        if (finished) {
            throw new IOException("The upload is already committed or closed");
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only the staging file is affected, and it is deleted next.
        }
    }
}
