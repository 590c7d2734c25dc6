package io.glaux.spice.vector;

import io.glaux.catalog.AthenaType;

import java.util.function.LongUnaryOperator;

/**
 * One GROUP BY key as integer codes: the values of an integer-like column (dictionary ids for strings), or of a
 * function of one such column such as {@code date_trunc('month', d)}. {@link #low()}..{@link #high()} bounds the
 * non-NULL values, which lets the aggregation pack several keys into one long.
 */
public interface GroupKey {

    long low();

    /** Below {@link #low()} when the key has no non-NULL value. */
    long high();

    /** The key of each selected row; returns whether any is NULL ({@code nulls[i]} then says which). */
    boolean read(BatchContext batch, int[] rows, int count, long[] out, boolean[] nulls);

    /** A key value in the engine's row representation. */
    Object box(long value);

    /** The column's own values. */
    static GroupKey column(ColumnarData data, int column) {
        AthenaType type = data.columns().get(column).type();
        String[] dictionary = data.dictionaryValues(column);
        Boxing boxing = Boxing.forColumn(type, dictionary);
        long low;
        long high;
        if (dictionary != null) {
            low = 0;
            high = dictionary.length - 1L;
        } else if (type.kind() == AthenaType.Kind.BOOLEAN) {
            low = 0;
            high = 1;
        } else {
            ColumnStats stats = data.stats(column);
            low = stats.empty() ? 0 : stats.min();
            high = stats.empty() ? -1 : stats.max();
        }
        return new GroupKey() {
            @Override
            public long low() {
                return low;
            }

            @Override
            public long high() {
                return high;
            }

            @Override
            public boolean read(BatchContext batch, int[] rows, int count, long[] out, boolean[] nulls) {
                ColumnView view = batch.column(column);
                view.readLongs(rows, count, out);
                return view.readNulls(rows, count, nulls);
            }

            @Override
            public Object box(long value) {
                return boxing.box(value);
            }
        };
    }

    /**
     * {@code function(column)} of an integer-like column ({@code date_trunc}, {@code year}...). Over a narrow column
     * (dates: a few thousand days) the function is tabulated once and each row is a lookup; over a wide one it must be
     * non-decreasing (its values then lie between the function of the column's minimum and of its maximum) and runs
     * per row.
     */
    static GroupKey function(ColumnarData data, int column, LongUnaryOperator function, boolean monotone,
                             Boxing boxing) {
        ColumnStats stats = data.stats(column);
        long span = stats.empty() ? 0 : stats.max() - stats.min();
        long[] table;
        long lowest = stats.empty() ? 0 : Long.MAX_VALUE;
        long highest = stats.empty() ? -1 : Long.MIN_VALUE;
        if (!stats.empty() && span >= 0 && span < (1 << 20)) {
            table = new long[(int) span + 1];
            for (int i = 0; i < table.length; i++) {
                table[i] = function.applyAsLong(stats.min() + i);
                lowest = Math.min(lowest, table[i]);
                highest = Math.max(highest, table[i]);
            }
        } else if (monotone || stats.empty()) {
            table = null;
            if (!stats.empty()) {
                lowest = function.applyAsLong(stats.min());
                highest = function.applyAsLong(stats.max());
            }
        } else {
            throw new IllegalArgumentException("A non-monotone key function needs a narrow column");
        }
        long low = lowest;
        long high = highest;
        long base = stats.min();
        return new GroupKey() {
            @Override
            public long low() {
                return low;
            }

            @Override
            public long high() {
                return high;
            }

            @Override
            public boolean read(BatchContext batch, int[] rows, int count, long[] out, boolean[] nulls) {
                ColumnView view = batch.column(column);
                view.readLongs(rows, count, out);
                boolean anyNull = view.readNulls(rows, count, nulls);
                for (int i = 0; i < count; i++) {
                    if (anyNull && nulls[i]) {
                        continue;
                    }
                    out[i] = table != null ? table[(int) (out[i] - base)] : function.applyAsLong(out[i]);
                }
                return anyNull;
            }

            @Override
            public Object box(long value) {
                return boxing.box(value);
            }
        };
    }
}
