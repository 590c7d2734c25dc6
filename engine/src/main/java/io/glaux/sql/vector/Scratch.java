package io.glaux.sql.vector;

import java.util.ArrayDeque;

/**
 * Per-worker arrays sized to the largest batch, borrowed and returned by the operators so a scan allocates them once
 * per worker instead of once per batch. Not thread-safe: each worker has its own.
 */
public final class Scratch {

    private final int size;
    private final ArrayDeque<int[]> ints = new ArrayDeque<>();
    private final ArrayDeque<long[]> longs = new ArrayDeque<>();
    private final ArrayDeque<double[]> doubles = new ArrayDeque<>();
    private final ArrayDeque<boolean[]> flags = new ArrayDeque<>();

    public Scratch(int size) {
        this.size = Math.max(1, size);
    }

    public int size() {
        return size;
    }

    public int[] borrowInts() {
        int[] array = ints.poll();
        return array != null ? array : new int[size];
    }

    public void release(int[] array) {
        ints.push(array);
    }

    public long[] borrowLongs() {
        long[] array = longs.poll();
        return array != null ? array : new long[size];
    }

    public void release(long[] array) {
        longs.push(array);
    }

    public double[] borrowDoubles() {
        double[] array = doubles.poll();
        return array != null ? array : new double[size];
    }

    public void release(double[] array) {
        doubles.push(array);
    }

    /** A flag array, all false. Return it all false too. */
    public boolean[] borrowFlags() {
        boolean[] array = flags.poll();
        return array != null ? array : new boolean[size];
    }

    public void release(boolean[] array) {
        flags.push(array);
    }
}
