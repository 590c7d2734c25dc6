package io.glaux.sql.vector;

import java.util.Arrays;

/**
 * The build side of a hash join: long keys to the rows holding them, each row a reference (batch and row packed in a
 * long). Each distinct key gets an ordinal ({@link LongIntHashMap}) pointing at the first and last of its rows; rows
 * of one key are chained in the order they were added. Filled by one thread, then read by many.
 */
final class JoinTable {

    private final LongIntHashMap ordinals;
    /** Per key ordinal, its first and last entry. */
    private int[] heads = new int[1024];
    private int[] tails = new int[1024];
    private int distinct;
    /** Per entry (in the order added), its row reference and the next entry of its key, or -1. */
    private long[] rows = new long[1024];
    private int[] next = new int[1024];
    private int size;

    JoinTable(int expected) {
        ordinals = new LongIntHashMap(expected);
    }

    static long reference(int batch, int row) {
        return (long) batch << 32 | row;
    }

    static int batchOf(long reference) {
        return (int) (reference >>> 32);
    }

    static int rowOf(long reference) {
        return (int) reference;
    }

    /** Adds a row holding {@code key}; rows of a key are found in the order they were added. */
    void add(long key, long reference) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            next = Arrays.copyOf(next, size * 2);
        }
        int entry = size++;
        rows[entry] = reference;
        next[entry] = -1;
        int ordinal = ordinals.getOrPut(key, distinct);
        if (ordinal < distinct) {
            next[tails[ordinal]] = entry;
            tails[ordinal] = entry;
            return;
        }
        if (distinct == heads.length) {
            heads = Arrays.copyOf(heads, distinct * 2);
            tails = Arrays.copyOf(tails, distinct * 2);
        }
        heads[ordinal] = entry;
        tails[ordinal] = entry;
        distinct++;
    }

    /** The first entry of {@code key}, or -1 when no row holds it. */
    int first(long key) {
        int ordinal = ordinals.get(key);
        return ordinal < 0 ? -1 : heads[ordinal];
    }

    /** The entry after {@code entry} with the same key, or -1. */
    int next(int entry) {
        return next[entry];
    }

    /** The row reference of {@code entry}. */
    long row(int entry) {
        return rows[entry];
    }

    /** Rows added. */
    int size() {
        return size;
    }
}
