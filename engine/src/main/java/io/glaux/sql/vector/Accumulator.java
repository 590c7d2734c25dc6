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
}
