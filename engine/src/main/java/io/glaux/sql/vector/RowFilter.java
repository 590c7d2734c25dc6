package io.glaux.sql.vector;

/**
 * A WHERE condition over one batch: keeps the selected rows for which the condition is TRUE (not FALSE, not NULL),
 * compacting the selection vector in place and keeping its order.
 */
public interface RowFilter {

    /** @return how many of the first {@code count} entries of {@code rows} remain */
    int apply(BatchContext batch, int[] rows, int count);

    /** As {@link #apply} over all {@code count} rows of the batch; writes the passing row numbers to {@code rows}. */
    default int applyAll(BatchContext batch, int[] rows, int count) {
        for (int row = 0; row < count; row++) {
            rows[row] = row;
        }
        return apply(batch, rows, count);
    }
}
