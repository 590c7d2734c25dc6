package io.glaux.sql.vector;

import org.apache.arrow.vector.VarCharVector;

import java.util.Arrays;

/** One output column of a row-producing scan: a stored column as is, or a computed number. */
public sealed interface Projection {

    /** Sets {@code out[i][position]} for the first {@code count} selected rows of the current batch. */
    void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position);

    /** Integer-like and floating point columns are read from their buffers and boxed directly. */
    record ColumnValue(int column) implements Projection {
        @Override
        public void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position) {
            ColumnarData data = batch.data();
            io.glaux.catalog.AthenaType type = data.columns().get(column).type();
            ValueKind kind = ValueKind.of(type);
            if (data.vector(batch.batch(), column) instanceof VarCharVector) {
                // A string column held as values in this batch (one the query only returns).
                for (int i = 0; i < count; i++) {
                    out[i][position] = data.value(batch.batch(), column, rows[i]);
                }
            } else if (kind.isLong()) {
                Boxing boxing = Boxing.forColumn(type, data.dictionaryLookup(column));
                ColumnView view = batch.column(column);
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    out[i][position] = view.isNull(row) ? null : boxing.box(view.getLong(row));
                }
            } else if (kind == ValueKind.FLOAT64) {
                ColumnView view = batch.column(column);
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    out[i][position] = view.isNull(row) ? null : (Object) view.getDouble(row);
                }
            } else if (kind == ValueKind.FLOAT32) {
                ColumnView view = batch.column(column);
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    out[i][position] = view.isNull(row) ? null : (Object) (float) view.getDouble(row);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    out[i][position] = data.value(batch.batch(), column, rows[i]);
                }
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

    /** A condition that is never NULL (such as {@code x IS TRUE}): TRUE for the rows passing its filter, else FALSE. */
    record Condition(RowFilter filter) implements Projection {
        @Override
        public void fill(BatchContext batch, int[] rows, int count, Object[][] out, int position) {
            int[] passing = batch.scratch().borrowInts();
            try {
                System.arraycopy(rows, 0, passing, 0, count);
                int kept = filter.apply(batch, passing, count);
                // The filter keeps the selection's order, so the passing rows are met in turn.
                for (int i = 0, next = 0; i < count; i++) {
                    boolean passes = next < kept && passing[next] == rows[i];
                    out[i][position] = passes;
                    next += passes ? 1 : 0;
                }
            } finally {
                batch.scratch().release(passing);
            }
        }
    }
}
