package io.glaux.sql.vector;

/**
 * The range of an integer-like column's non-null values (as read by {@link ValueKind#readLong}), used to pack group
 * keys into one long and to bound arithmetic. Scanned from the values, it is their range; given by the readers
 * ({@link io.glaux.format.ValueRange}) it may be wider, which its users allow for. {@code empty} when every value is
 * NULL.
 */
public record ColumnStats(long min, long max, boolean empty) {

    /** Scans a column once; callers cache the result per version. */
    public static ColumnStats compute(ColumnarData data, int column) {
        ValueKind kind = ValueKind.of(data.columns().get(column).type());
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        boolean empty = true;
        for (int batch = 0; batch < data.batchCount(); batch++) {
            empty &= !new ColumnView(data, batch, column, kind).widenRange(data.rowCount(batch), range);
        }
        return new ColumnStats(range[0], range[1], empty);
    }
}
