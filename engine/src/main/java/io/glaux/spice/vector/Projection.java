package io.glaux.spice.vector;

import java.util.Arrays;

/** One output column of a row-producing scan: a stored column as is, or a computed number. */
public sealed interface Projection {

    /** Sets {@code out[i][position]} for the first {@code count} selected rows of the current batch. */
    void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position);

    record ColumnValue(int column) implements Projection {
        @Override
        public void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position) {
            for (int i = 0; i < count; i++) {
                out[i][position] = batch.data().value(batch.batch(), column, rows[i]);
            }
        }
    }

    record LongValue(LongExpression expression, Boxing boxing) implements Projection {
        @Override
        public void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = expression.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    out[i][position] = anyNull && nulls[i] ? null : boxing.box(values[i]);
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
            }
        }
    }

    record DoubleValue(DoubleExpression expression, boolean toFloat) implements Projection {
        @Override
        public void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position) {
            Scratch scratch = batch.scratch();
            double[] values = scratch.borrowDoubles();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = expression.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    Object boxed = toFloat ? (Object) (float) values[i] : (Object) values[i];
                    out[i][position] = anyNull && nulls[i] ? null : boxed;
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
            }
        }
    }
}
