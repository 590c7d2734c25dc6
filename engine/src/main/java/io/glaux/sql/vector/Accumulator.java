package io.glaux.sql.vector;

/** The running state of one aggregate function for every group one worker has seen. */
interface Accumulator {

    /** Makes room for groups {@code 0 .. groups-1}. */
    void ensureCapacity(int groups);

    /**
     * Adds the selected rows; {@code groups[i]} is row i's group, or all rows belong to group 0 when {@code groups}
     * is null.
     */
    void accumulate(BatchContext batch, int[] rows, int count, int[] groups);

    /** Folds group {@code source} of {@code other} (an accumulator of the same function) into {@code target}. */
    void merge(int target, Accumulator other, int source);

    Object result(int group);

    /**
     * The results of groups {@code from .. from+count-1} as integer-like values of the result type (as a column of
     * that type holds them, see {@link ColumnView#getLong}), with {@code nulls[i]} set for a NULL (the caller clears
     * the flags first); false, leaving what it wrote undefined, when this function's results are not such values
     * (doubles, strings) or one of them is beyond a long. The caller then boxes them with {@link #result}.
     */
    default boolean longResults(int from, int count, long[] out, boolean[] nulls) {
        return false;
    }

    /** Likewise, results that are doubles (a SUM of doubles). */
    default boolean doubleResults(int from, int count, double[] out, boolean[] nulls) {
        return false;
    }
}
