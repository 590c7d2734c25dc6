package io.glaux.sql.vector;

import java.util.Arrays;

/** Open-addressing set of longs, for COUNT(DISTINCT) per group. */
final class LongHashSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = new long[8];
    private int size;
    private boolean hasEmptyKey;

    LongHashSet() {
        Arrays.fill(keys, EMPTY);
    }

    void add(long key) {
        if (key == EMPTY) {
            hasEmptyKey = true;
            return;
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                return;
            }
            if (existing == EMPTY) {
                keys[slot] = key;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    void addAll(LongHashSet other) {
        for (long key : other.keys) {
            if (key != EMPTY) {
                add(key);
            }
        }
        hasEmptyKey |= other.hasEmptyKey;
    }

    long size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    private static int slot(long key, int mask) {
        long hash = key * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int slot = slot(key, mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
            }
        }
    }
}
