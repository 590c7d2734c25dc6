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
 *
 * <p>Keys within a range not much wider than the rows (TPC-H's order keys: 6 M at scale 1 for 1.5 M orders; part,
 * supplier and customer keys) find their ordinals in an array of an int per possible key instead: one load where the
 * map hashes and walks, and a key outside the range misses without a look at the bitmap.
 */
final class JoinTable {

    private static final int BITS_PER_ROW = 32;
    private static final int MAX_FILTER_BITS = 1 << 22;
    /** A small table's filter still has this many bits (8 KB), so that few keys that are not held pass it. */
    private static final int MIN_FILTER_BITS = 1 << 16;
    /** Keys spanning at most this many times the rows, and at most {@link #MAX_DENSE_KEYS}, index an array. */
    private static final long DENSE_KEYS_PER_ROW = 4;
    private static final long MAX_DENSE_KEYS = 1 << 23;

    /** The keys' ordinals by hashing, or null when {@link #denseOrdinals} holds them. */
    private final LongIntHashMap ordinals;
    /** The ordinal of key {@code lowest + i} at {@code i}, or -1; null when the keys are hashed. */
    private final int[] denseOrdinals;
    private final long lowest;
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

    /**
     * A table of {@code rows} rows, each given by {@link #key} and then {@link #add}, whose keys all lie in
     * {@code lowest .. highest} (pass {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} when that is not known).
     */
    JoinTable(int rows, long lowest, long highest) {
        long span = highest - lowest;
        if (highest >= lowest && span >= 0 && span < Math.min(MAX_DENSE_KEYS, DENSE_KEYS_PER_ROW * rows)) {
            ordinals = null;
            denseOrdinals = new int[(int) span + 1];
            Arrays.fill(denseOrdinals, -1);
            this.lowest = lowest;
            filter = null;
            filterShift = 0;
        } else {
            ordinals = new LongIntHashMap(rows);
            denseOrdinals = null;
            this.lowest = 0;
            int bits = Integer.highestOneBit((int) Math.min(MAX_FILTER_BITS,
                    Math.max(MIN_FILTER_BITS, (long) rows * BITS_PER_ROW)));
            filter = new long[bits >>> 6];
            filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        }
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
        int ordinal;
        if (denseOrdinals != null) {
            int slot = (int) (key - lowest);
            ordinal = denseOrdinals[slot];
            if (ordinal < 0) {
                ordinal = distinct;
                denseOrdinals[slot] = ordinal;
            }
        } else {
            int bit = filterBit(key);
            filter[bit >>> 6] |= 1L << bit;
            ordinal = ordinals.getOrPut(key, distinct);
        }
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
        if (denseOrdinals != null) {
            long slot = key - lowest;
            if (slot < 0 || slot >= denseOrdinals.length) {
                return -1;
            }
            int ordinal = denseOrdinals[(int) slot];
            return ordinal < 0 ? -1 : heads[ordinal];
        }
        int bit = filterBit(key);
        if ((filter[bit >>> 6] & 1L << bit) == 0) {
            return -1;
        }
        int ordinal = ordinals.get(key);
        return ordinal < 0 ? -1 : heads[ordinal];
    }

    /**
     * Keeps of the first {@code count} {@code rows} those whose key ({@code keys}, in the same order) the table may
     * hold, in order, by the filter's bit or the dense table's slot; returns how many are kept. A row dropped holds a
     * key no row of the table has.
     */
    int keepMayHold(long[] keys, int[] rows, int count) {
        int kept = 0;
        if (denseOrdinals != null) {
            int[] slots = denseOrdinals;
            for (int i = 0; i < count; i++) {
                long slot = keys[i] - lowest;
                if (slot >= 0 && slot < slots.length && slots[(int) slot] >= 0) {
                    rows[kept++] = rows[i];
                }
            }
            return kept;
        }
        long[] bits = filter;
        for (int i = 0; i < count; i++) {
            int bit = filterBit(keys[i]);
            if ((bits[bit >>> 6] & 1L << bit) != 0) {
                rows[kept++] = rows[i];
            }
        }
        return kept;
    }

    private int filterBit(long key) {
        return (int) (key * 0xC2B2AE3D27D4EB4FL >>> filterShift);
    }

    /**
     * Marks for a semi or anti join that marks this table's rows by their key alone (keys compared exactly, nothing
     * else): one per possible key of a table whose keys index an array, set by {@link #markKey} with one store and
     * no look-up, then made marks of the keys' entries by {@link #markEntries}; null for a hashed table, whose
     * entries are marked through {@link #first}.
     */
    boolean[] newKeyMarks() {
        return denseOrdinals == null ? null : new boolean[denseOrdinals.length];
    }

    /** Marks {@code key} in marks of {@link #newKeyMarks}; a key outside the table's range is none of its keys. */
    void markKey(boolean[] keyMarks, long key) {
        long slot = key - lowest;
        if (slot >= 0 && slot < keyMarks.length) {
            keyMarks[(int) slot] = true;
        }
    }

    /** Sets {@code entryMarks} (by entry) for every entry whose key {@code keyMarks} marked. */
    void markEntries(boolean[] keyMarks, boolean[] entryMarks) {
        for (int slot = 0; slot < keyMarks.length; slot++) {
            int ordinal = keyMarks[slot] ? denseOrdinals[slot] : -1;
            for (int entry = ordinal < 0 ? -1 : heads[ordinal]; entry >= 0; entry = next[entry]) {
                entryMarks[entry] = true;
            }
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
}
