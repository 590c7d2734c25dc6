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
 * consumer can translate each dictionary once) and stay valid until the source is closed. A reader may also say what
 * range an integer-like column's values lie in ({@link #range}), so that a consumer need not scan them for it.
 */
public final class ColumnBatch implements AutoCloseable {

    private final int rowCount;
    private final List<FieldVector> vectors;
    private final List<VarCharVector> dictionaries;
    private final List<ValueRange> ranges;

    /**
     * @param dictionaries per column, the dictionary its ids point into, or null; null for a batch without any
     */
    public ColumnBatch(int rowCount, List<FieldVector> vectors, List<VarCharVector> dictionaries) {
        this(rowCount, vectors, dictionaries, null);
    }

    /**
     * @param dictionaries per column, the dictionary its ids point into, or null; null for a batch without any
     * @param ranges per column, a range its non-NULL values lie in ({@link ValueRange}), or null where the reader
     *     does not know one; null for a batch without any
     */
    public ColumnBatch(int rowCount, List<FieldVector> vectors, List<VarCharVector> dictionaries,
                       List<ValueRange> ranges) {
        this.rowCount = rowCount;
        this.vectors = List.copyOf(vectors);
        this.dictionaries = perColumn("dictionary", dictionaries, vectors.size());
        this.ranges = perColumn("range", ranges, vectors.size());
    }

    private static <T> List<T> perColumn(String what, List<T> slots, int columns) {
        if (slots == null) {
            return null;
        }
        if (slots.size() != columns) {
            throw new IllegalArgumentException("One " + what + " slot per column: " + slots.size() + " for "
                    + columns + " columns");
        }
        return new ArrayList<>(slots);
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

    /**
     * A range every non-NULL value of integer-like column {@code column} lies in, or null when the reader gave none
     * (a consumer that needs one then scans the values).
     */
    public ValueRange range(int column) {
        return ranges == null ? null : ranges.get(column);
    }

    @Override
    public void close() {
        for (FieldVector vector : vectors) {
            vector.close();
        }
    }
}
