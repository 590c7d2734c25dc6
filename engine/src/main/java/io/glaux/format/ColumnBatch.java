package io.glaux.format;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive rows of one object as columns, in the order of the request's projection. Each vector holds its
 * column's values in {@link ColumnLayout}, except string columns, which come in one of two forms: int32 ids into a
 * dictionary of UTF-8 values ({@link #dictionary} non-null; the reader's own dictionary, for example a Parquet column
 * chunk's) or the values themselves in a {@link VarCharVector} ({@link #dictionary} null). A batch owns its vectors;
 * dictionaries belong to the {@link BatchSource}, are shared by every batch that uses them (the same instance, so a
 * consumer can translate each dictionary once) and stay valid until the source is closed.
 */
public final class ColumnBatch implements AutoCloseable {

    private final int rowCount;
    private final List<FieldVector> vectors;
    private final List<VarCharVector> dictionaries;

    /**
     * @param dictionaries per column, the dictionary its ids point into, or null; null for a batch without any
     */
    public ColumnBatch(int rowCount, List<FieldVector> vectors, List<VarCharVector> dictionaries) {
        this.rowCount = rowCount;
        this.vectors = List.copyOf(vectors);
        if (dictionaries == null) {
            this.dictionaries = null;
        } else {
            if (dictionaries.size() != vectors.size()) {
                throw new IllegalArgumentException("One dictionary slot per column: " + dictionaries.size()
                        + " for " + vectors.size() + " columns");
            }
            this.dictionaries = new ArrayList<>(dictionaries);
        }
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return vectors.size();
    }

    public FieldVector vector(int column) {
        return vectors.get(column);
    }

    /** The dictionary the ids of string column {@code column} point into, or null when it holds values. */
    public VarCharVector dictionary(int column) {
        return dictionaries == null ? null : dictionaries.get(column);
    }

    @Override
    public void close() {
        for (FieldVector vector : vectors) {
            vector.close();
        }
    }
}
