package io.glaux.format;

import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of one object as {@link ColumnBatch}es, holding only the requested columns. Implementations stream: only
 * the batch being decoded and the dictionaries in use are in memory, whatever the size of the object.
 */
public interface BatchSource extends Closeable {

    /** The next batch (the caller closes it), or null at the end. */
    ColumnBatch next() throws IOException;
}
