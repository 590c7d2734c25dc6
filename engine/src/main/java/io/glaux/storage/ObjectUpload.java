package io.glaux.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An object being written. Bytes go to a private staging place; {@link #commit()} publishes the whole object at once.
 * Closing without committing discards everything written.
 */
public abstract class ObjectUpload extends OutputStream {

    /** Publishes the object; after this, close() is a no-op. */
    public abstract void commit() throws IOException;

    /** Discards the staged bytes, unless already committed. */
    @Override
    public abstract void close() throws IOException;
}
