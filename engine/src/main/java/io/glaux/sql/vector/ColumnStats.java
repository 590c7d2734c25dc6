package io.glaux.sql.vector;

/**
 * The range of an integer-like column's non-null values (as read by {@link ValueKind#readLong}), used to pack group
 * keys into one long. {@code empty} when every value is NULL.
 */
public record ColumnStats(long min, long max, boolean empty) {

    /** Scans a column once; callers cache the result per version. */
    public static ColumnStats compute(ColumnarData data, int column) {
        ValueKind kind = ValueKind.of(data.columns().get(column).type());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean empty = true;
        for (int batch = 0; batch < data.batchCount(); batch++) {
            ColumnView view = new ColumnView(data, batch, column, kind);
            int rows = data.rowCount(batch);
            for (int row = 0; row < rows; row++) {
                if (!view.isNull(row)) {
                    long value = view.getLong(row);
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    empty = false;
                }
            }
        }
        return new ColumnStats(min, max, empty);
    }
}
