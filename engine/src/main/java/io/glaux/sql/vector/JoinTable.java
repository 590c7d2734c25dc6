package io.glaux.sql.vector;

import java.util.Arrays;

/**
 * The build side of a hash join: long keys to the rows holding them, each row a reference (batch and row packed in a
 * long). Filled in two passes by one thread, then read by many: {@link #key} gives each distinct key an ordinal
 * ({@link LongIntHashMap}) and counts its rows; {@link #seal} then gives each key a run of entries, and {@link #add}
 * places the rows, those of one key side by side in the order they were added. A probe that meets a key of many rows
 * (TPC-H Q13's ten orders a customer) reads them in sequence rather than along a chain scattered over the table.
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
    /** Per key ordinal: its rows counted by {@link #key}, then its first entry, then (while adding) its next free one. */
    private int[] counts = new int[1024];
    private int[] heads;
    private int[] free;
    private int distinct;
    /** Per entry, its row reference and the next entry of its key, or -1. */
    private final long[] rows;
    private final int[] next;
    private int keyed;
    private int size;

    /** A table of {@code rows} rows, each given by {@link #key} and then {@link #add}. */
    JoinTable(int rows) {
        ordinals = new LongIntHashMap(rows);
        int bits = Integer.highestOneBit((int) Math.min(MAX_FILTER_BITS, Math.max(64L, (long) rows * BITS_PER_ROW)));
        filter = new long[bits >>> 6];
        filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        this.rows = new long[rows];
        this.next = new int[rows];
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

    /** First pass: a row holding {@code key} will be added; returns the key's ordinal, for {@link #add}. */
    int key(long key) {
        if (heads != null) {
            throw new IllegalStateException("the table is sealed");
        }
        if (keyed == rows.length) {
            throw new IllegalStateException("more rows than the table was made for");
        }
        keyed++;
        int bit = filterBit(key);
        filter[bit >>> 6] |= 1L << bit;
        int ordinal = ordinals.getOrPut(key, distinct);
        if (ordinal == distinct) {
            if (distinct == counts.length) {
                counts = Arrays.copyOf(counts, distinct * 2);
            }
            distinct++;
        }
        counts[ordinal]++;
        return ordinal;
    }

    /** Ends the first pass: each key's run of entries follows the previous key's, and chains its entries in order. */
    void seal() {
        heads = new int[distinct];
        free = new int[distinct];
        int start = 0;
        for (int ordinal = 0; ordinal < distinct; ordinal++) {
            heads[ordinal] = start;
            free[ordinal] = start;
            int end = start + counts[ordinal];
            for (int entry = start; entry < end - 1; entry++) {
                next[entry] = entry + 1;
            }
            next[end - 1] = -1;
            start = end;
        }
        counts = null;
    }

    /** Second pass: adds a row of the key whose ordinal {@link #key} gave; returns its entry. */
    int add(int ordinal, long reference) {
        int entry = free[ordinal]++;
        rows[entry] = reference;
        size++;
        return entry;
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
