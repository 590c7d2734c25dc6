package io.glaux.connector;

/** The batches of one split, in order. */
public interface BatchReader extends AutoCloseable {

    /** The next batch, or null when the split is done. A batch may be empty. */
    ColumnBatch next();

    @Override
    void close();
}
