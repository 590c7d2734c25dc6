package io.glaux.format;

import java.io.Closeable;
import java.io.IOException;

/**
 * Rows read from one object, one at a time, holding only the requested columns. Values follow {@link Values}.
 * Implementations stream: memory does not grow with the size of the object.
 */
public interface RowSource extends Closeable {

    /** The next row (a fresh array the caller may keep), or null at the end. */
    Object[] next() throws IOException;
}
