package io.glaux.connector;

/** Rows of a scan, column by column, in the engine's value forms (see the package documentation). */
public interface ColumnBatch {

    int rowCount();

    int columnCount();

    /** The value at a row of a column; null for SQL NULL. */
    Object value(int column, int row);
}
