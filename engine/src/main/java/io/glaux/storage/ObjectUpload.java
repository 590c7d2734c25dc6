package io.glaux.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/**
 * An object being written. Bytes go to a private staging place outside every bucket; {@link #commit()} publishes the
 * whole object, with its metadata, at once. Closing without committing discards everything written.
 */
public abstract class ObjectUpload extends OutputStream {

    /** Publishes the object with the MD5 of its bytes as ETag; after this, close() is a no-op. */
    public ObjectInfo commit() throws IOException {
        return commit(null);
    }

    /**
     * Publishes the object under the given ETag (a multipart upload's {@code <md5 of part md5s>-<parts>}); null
     * means the MD5 of the bytes. A store that computes ETags itself (an S3 server) may keep its own.
     */
    public abstract ObjectInfo commit(String etag) throws IOException;

    /**
     * A view of this upload whose {@code close()} only flushes, for writers (Parquet, Arrow) that close their stream
     * when done: the upload itself stays open to be committed.
     */
    public OutputStream keptOpen() {
        return new FilterOutputStream(this) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * {@link #keptOpen()} as a channel, for writers of buffers in native memory (Arrow's): closing it only flushes.
     * An upload that stages its bytes in a file writes large buffers to it directly rather than through a copy on
     * the Java heap.
     */
    public WritableByteChannel keptOpenChannel() {
        return Channels.newChannel(keptOpen());
    }

    /** Discards the staged bytes, unless already committed. */
    @Override
    public abstract void close() throws IOException;
}
