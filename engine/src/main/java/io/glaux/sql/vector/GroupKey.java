package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;

import java.util.function.LongUnaryOperator;

/**
 * One GROUP BY key as integer codes: the values of an integer-like column (dictionary ids for strings), or of a
 * function of one such column such as {@code date_trunc('month', d)}. {@code low..high} bounds the non-NULL values
 * ({@code high < low} when there is none), which lets the aggregation pack several keys into one long.
 *
 * <p>Apart from a string key's ids, a key value is the value itself as an integer-like column of the key's type holds
 * it ({@link ColumnView#getLong}), so the groups can be written into such a column without boxing.
 *
 * @param values the key of each selected row
 * @param boxing a key value in the engine's row representation
 * @param dictionary for a string key, the strings its ids stand for; else null
 */
public record GroupKey(long low, long high, LongExpression values, Boxing boxing, StringLookup dictionary) {

    public GroupKey(long low, long high, LongExpression values, Boxing boxing) {
        this(low, high, values, boxing, null);
    }

    /** The key of each selected row; returns whether any is NULL ({@code nulls[i]} then says which). */
    public boolean read(BatchContext batch, int[] rows, int count, long[] out, boolean[] nulls) {
        return values.evaluate(batch, rows, count, out, nulls);
    }

    public Object box(long value) {
        return boxing.box(value);
    }

    /** The column's own values. */
    public static GroupKey column(ColumnarData data, int column) {
        AthenaType type = data.columns().get(column).type();
        StringLookup dictionary = data.dictionaryLookup(column);
        Boxing boxing = Boxing.forColumn(type, dictionary);
        LongExpression values = Expressions.longColumn(column);
        if (dictionary != null) {
            return new GroupKey(0, dictionary.size() - 1L, values, boxing, dictionary);
        }
        if (type.kind() == AthenaType.Kind.BOOLEAN) {
            return new GroupKey(0, 1, values, boxing);
        }
        ColumnStats stats = data.stats(column);
        return stats.empty() ? new GroupKey(0, -1, values, boxing)
                : new GroupKey(stats.min(), stats.max(), values, boxing);
    }

    /**
     * {@code function(column)} of an integer-like column ({@code date_trunc}, {@code year}...). Over a narrow column
     * (dates: a few thousand days) the function is tabulated once and each row is a lookup; over a wide one it must be
     * non-decreasing (its values then lie between the function of the column's minimum and of its maximum) and runs
     * per row.
     */
    public static GroupKey function(ColumnarData data, int column, LongUnaryOperator function, boolean monotone,
                                    Boxing boxing) {
        ColumnStats stats = data.stats(column);
        LongExpression columnValues = Expressions.longColumn(column);
        if (stats.empty()) {
            return new GroupKey(0, -1, columnValues, boxing);
        }
        long base = stats.min();
        long span = stats.max() - base;
        if (span >= 0 && span < (1 << 20)) {
            long[] table = new long[(int) span + 1];
            long lowest = Long.MAX_VALUE;
            long highest = Long.MIN_VALUE;
            for (int i = 0; i < table.length; i++) {
                table[i] = function.applyAsLong(base + i);
                lowest = Math.min(lowest, table[i]);
                highest = Math.max(highest, table[i]);
            }
            return new GroupKey(lowest, highest, mapped(columnValues, value -> table[(int) (value - base)]), boxing);
        }
        if (!monotone) {
            throw new IllegalArgumentException("A non-monotone key function needs a narrow column");
        }
        return new GroupKey(function.applyAsLong(stats.min()), function.applyAsLong(stats.max()),
                mapped(columnValues, function), boxing);
    }

    private static LongExpression mapped(LongExpression input, LongUnaryOperator function) {
        return (batch, rows, count, out, nulls) -> {
            boolean anyNull = input.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                if (!anyNull || !nulls[i]) {
                    out[i] = function.applyAsLong(out[i]);
                }
            }
            return anyNull;
        };
    }
}
