package io.glaux.sql.vector;

import java.util.Arrays;

/**
 * The build side of a hash join: long keys to the rows holding them, each row a reference (batch and row packed in a
 * long). Keys sit in an open-addressing table pointing at the first of their rows; rows of one key are chained.
 * Filled by one thread, then read by many.
 */
final class JoinTable {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] heads;
    private int[] tails;
    private int mask;
    private int distinct;
    /** The entry of key {@link #EMPTY} (which marks free slots), or -1. */
    private int emptyKeyHead = -1;
    private int emptyKeyTail = -1;
    private long[] rows = new long[1024];
    private int[] next = new int[1024];
    private int size;

    JoinTable(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1);
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
        if (key == EMPTY) {
            if (emptyKeyHead < 0) {
                emptyKeyHead = entry;
            } else {
                next[emptyKeyTail] = entry;
            }
            emptyKeyTail = entry;
            return;
        }
        int slot = slot(key);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                next[tails[slot]] = entry;
                tails[slot] = entry;
                return;
            }
            if (existing == EMPTY) {
                keys[slot] = key;
                heads[slot] = entry;
                tails[slot] = entry;
                if (++distinct * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The first entry of {@code key}, or -1 when no row holds it. */
    int first(long key) {
        if (key == EMPTY) {
            return emptyKeyHead;
        }
        int slot = slot(key);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                return heads[slot];
            }
            if (existing == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
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

    private int slot(long key) {
        long hash = key * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        heads = new int[capacity];
        tails = new int[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldTails = tails;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
                tails[slot] = oldTails[i];
            }
        }
    }
}
