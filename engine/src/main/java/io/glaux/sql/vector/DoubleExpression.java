package io.glaux.sql.vector;

/** A floating point expression over a batch, evaluated for a whole selection at once. */
public interface DoubleExpression {

    /** As {@link LongExpression#evaluate}. */
    boolean evaluate(BatchContext batch, int[] rows, int count, double[] out, boolean[] nulls);
}
