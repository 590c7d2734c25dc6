package io.glaux.sql.vector;

import java.util.Arrays;

/** Open-addressing map from long keys to dense int ordinals (0, 1, 2... in insertion order), for group and join keys. */
final class LongIntHashMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private boolean hasEmptyKey;
    private int emptyKeyValue;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** The value of {@code key}, or {@code next} after storing it when the key is new. */
    int getOrPut(long key, int next) {
        if (key == EMPTY) {
            if (!hasEmptyKey) {
                hasEmptyKey = true;
                emptyKeyValue = next;
            }
            return emptyKeyValue;
        }
        int slot = slot(key);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                return values[slot];
            }
            if (existing == EMPTY) {
                keys[slot] = key;
                values[slot] = next;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return next;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value of {@code key}, or -1 when it was never stored. */
    int get(long key) {
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : -1;
        }
        int slot = slot(key);
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                return values[slot];
            }
            if (existing == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        long hash = key * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
