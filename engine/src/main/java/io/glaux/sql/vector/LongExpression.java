package io.glaux.sql.vector;

/**
 * An integer-valued expression over a batch (integers, or decimals as unscaled values at a fixed scale), evaluated
 * for a whole selection at once.
 */
public interface LongExpression {

    /**
     * Writes the values of the first {@code count} selected rows into {@code out}.
     *
     * @return whether any value is NULL; only then does {@code nulls[i]} say which
     */
    boolean evaluate(BatchContext batch, int[] rows, int count, long[] out, boolean[] nulls);
}
