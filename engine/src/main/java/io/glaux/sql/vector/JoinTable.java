package io.glaux.sql.vector;

import java.util.Arrays;

/**
 * The build side of a hash join: long keys to the rows holding them, each row a reference (batch and row packed in a
 * long). Each distinct key gets an ordinal ({@link LongIntHashMap}) pointing at the first and last of its rows; rows
 * of one key are chained in the order they were added. Filled by one thread, then read by many.
 *
 * <p>A bitmap of the keys' hashes, {@value #BITS_PER_ROW} bits a row up to {@value #MAX_FILTER_BITS} bits, is looked at
 * before the map: most probes of a selective join (TPC-H Q17's 6 M lineitem rows against 204 parts) miss, and a miss
 * in an open-addressing map walks a chain of slots whose end the processor cannot predict. One bit answers most of
 * them with a branch it predicts.
 */
final class JoinTable {

    private static final int BITS_PER_ROW = 32;
    private static final int MAX_FILTER_BITS = 1 << 22;

    private final LongIntHashMap ordinals;
    /** Bit {@link #filterBit} of each key added is set; a key whose bit is clear was never added. */
    private final long[] filter;
    private final int filterShift;
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
        int bits = Integer.highestOneBit((int) Math.min(MAX_FILTER_BITS, Math.max(64L, (long) expected * BITS_PER_ROW)));
        filter = new long[bits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(bits);
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
        int bit = filterBit(key);
        filter[bit >>> 6] |= 1L << bit;
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
        int bit = filterBit(key);
        if ((filter[bit >>> 6] & 1L << bit) == 0) {
            return -1;
        }
        int ordinal = ordinals.get(key);
        return ordinal < 0 ? -1 : heads[ordinal];
    }

    private int filterBit(long key) {
        return (int) (key * 0xC2B2AE3D27D4EB4FL >>> filterShift);
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
