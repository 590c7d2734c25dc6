package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.vector.FieldVector;

import java.util.List;
import java.util.function.Predicate;

/**
 * Read access to one immutable version of a columnar dataset: record batches of Arrow vectors, string columns held
 * as int32 ids into one dictionary per column. The vectorized operators read only through this interface.
 */
public interface ColumnarData {

    List<Column> columns();

    int batchCount();

    int rowCount(int batch);

    /** The largest row count of any batch (the size of per-thread scratch arrays). */
    int maxBatchRows();

    FieldVector vector(int batch, int column);

    /** Whether that vector has any NULL (counted once per version; Arrow counts its validity bits each time). */
    boolean hasNulls(int batch, int column);

    /** The decoded dictionary of a string column (index = id), or null for other columns. */
    String[] dictionaryValues(int column);

    /**
     * The dictionary of a string column as a lookup of one id at a time, or null for other columns: for boxing a few
     * values, where {@link #dictionaryValues} would decode them all.
     */
    default StringLookup dictionaryLookup(int column) {
        String[] values = dictionaryValues(column);
        return values == null ? null : StringLookup.of(values);
    }

    /** Which values of a string column's dictionary pass {@code condition} (index = id). */
    default boolean[] dictionaryMatches(int column, Predicate<String> condition) {
        String[] values = dictionaryValues(column);
        boolean[] passes = new boolean[values.length];
        for (int id = 0; id < values.length; id++) {
            passes[id] = condition.test(values[id]);
        }
        return passes;
    }

    /** A value as the engine's row representation (as a row-by-row scan would give it), or null. */
    Object value(int batch, int column, int row);

    /** Minimum and maximum of an integer-like column, computed once per version. */
    ColumnStats stats(int column);
}
