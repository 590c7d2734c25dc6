package io.glaux.storage.multipart;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A part being written to a temporary file. {@link #commit} renames it into place and records it, replacing any part
 * with the same number; closing without committing deletes the temporary file, so a cut-off part leaves nothing.
 */
public abstract class PartWriter extends OutputStream {

    /** Publishes the part with the ETag and checksums the caller verified; after this, close() is a no-op. */
    public abstract UploadedPart commit(String etag, Map<String, String> checksums) throws IOException;

    /** Discards the part unless committed. */
    @Override
    public abstract void close() throws IOException;
}
