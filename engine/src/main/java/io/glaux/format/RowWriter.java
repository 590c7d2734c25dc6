package io.glaux.format;

import java.io.Closeable;
import java.io.IOException;

/** Rows written into one object's byte stream; {@link #close()} finishes the encoding (footer, flush). */
public interface RowWriter extends Closeable {

    /** One row; values follow {@link Values}, in the writer's column order. */
    void write(Object[] row) throws IOException;

    /** Rows written so far. */
    long rowCount();
}
