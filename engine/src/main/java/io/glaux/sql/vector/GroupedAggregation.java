package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Filter → GROUP BY → aggregates over a whole version, as hash aggregation on primitive keys: each key column's value
 * becomes a small code (dictionary id + 1, or value − column minimum + 1; 0 is NULL), the codes of all keys are
 * packed into one long, and that long finds the group ordinal — through a plain array when the key space is small
 * (say, a few flags or categories) or not much larger than the rows, a primitive hash map otherwise. Keys too wide
 * to pack (several long-ranged bigint columns) fall back to a map of code tuples. Workers aggregate their batches
 * separately; the partial results are merged by key.
 */
public final class GroupedAggregation {

    private static final long DENSE_LIMIT = 1 << 16;
    /**
     * Beyond {@link #DENSE_LIMIT}, a key space this many times the rows or fewer still finds groups through an array
     * (an int per possible key, for each worker), up to {@link #DENSE_ROWS_LIMIT} keys: TPC-H's order keys (6 M
     * at scale 1 for 1.5 M orders), read in order, then walk the array where a hash map would miss the cache on
     * every new order.
     */
    private static final long DENSE_ROWS_FACTOR = 4;
    private static final long DENSE_ROWS_LIMIT = 1 << 23;
    private static final long PACKABLE_LIMIT = 1L << 62;
    /** Merging and boxing many groups takes a while: the query's cancellation is checked every so many. */
    private static final int CANCEL_CHECK_GROUPS = 1 << 16;

    private final ColumnarData data;
    private final RowFilter filter;
    private final GroupKey[] groupKeys;
    private final List<AggregateFunction> functions;
    private final long[] minimum;
    private final long[] radix;
    private final long[] multiplier;
    private final boolean packed;
    private final boolean dense;
    private final long keySpace;

    public GroupedAggregation(ColumnarData data, RowFilter filter, List<GroupKey> keys,
                              List<AggregateFunction> functions) {
        this.data = data;
        this.filter = filter;
        this.groupKeys = keys.toArray(GroupKey[]::new);
        this.functions = List.copyOf(functions);
        int keyCount = groupKeys.length;
        minimum = new long[keyCount];
        radix = new long[keyCount];
        multiplier = new long[keyCount];
        long space = 1;
        boolean fits = true;
        for (int k = 0; k < keyCount; k++) {
            long low = groupKeys[k].low();
            long high = Math.max(groupKeys[k].high(), low - 1);
            minimum[k] = low;
            multiplier[k] = space;
            try {
                radix[k] = Math.addExact(Math.subtractExact(high, low), 2);
                space = Math.multiplyExact(space, radix[k]);
            } catch (ArithmeticException e) {
                fits = false;
            }
            if (space > PACKABLE_LIMIT) {
                fits = false;
            }
        }
        this.packed = fits;
        this.keySpace = space;
        long rows = 0;
        for (int batch = 0; batch < data.batchCount(); batch++) {
            rows += data.rowCount(batch);
        }
        this.dense = fits && (space <= DENSE_LIMIT
                || space <= DENSE_ROWS_LIMIT && space <= DENSE_ROWS_FACTOR * rows);
    }

    /**
     * The result rows (the group keys followed by the aggregates, in no particular order), each boxed when it is
     * asked for. The groups are computed first; the rows may read the aggregated data's dictionaries, so it stays
     * open until the last one is taken.
     */
    public Iterator<Object[]> rows(ParallelScan scan) {
        return groups(scan).rows();
    }

    /** Computes the groups, to be read as rows or in columns. */
    public Groups groups(ParallelScan scan) {
        List<Partial> partials = scan.run(data, Partial::new);
        Partial total = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            total.mergeFrom(partials.get(i), scan);
        }
        if (groupKeys.length == 0 && total.groupCount == 0) {
            total.groupOf(0L, null);
        }
        return new Groups(total, scan);
    }

    /**
     * The computed groups: the group keys followed by the aggregates, group by group in the same order whichever way
     * they are read. String keys read the aggregated data's dictionaries, so it stays open while they are read.
     * Closing frees the string keys' dictionaries made for {@link #columns}.
     */
    public final class Groups implements AutoCloseable {
        private final Partial total;
        private final ParallelScan scan;
        /** Per string key, its dictionary as a vector, made for the first batch of columns. */
        private final Map<Integer, VarCharVector> dictionaries = new HashMap<>();

        private Groups(Partial total, ParallelScan scan) {
            this.total = total;
            this.scan = scan;
        }

        public int count() {
            return total.groupCount;
        }

        /** Each group as a row, boxed when it is asked for. */
        public Iterator<Object[]> rows() {
            return new Iterator<>() {
                private int group;

                @Override
                public boolean hasNext() {
                    return group < total.groupCount;
                }

                @Override
                public Object[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if ((group & CANCEL_CHECK_GROUPS - 1) == 0) {
                        scan.checkCancelled();
                    }
                    Object[] row = new Object[groupKeys.length + functions.size()];
                    long[] codes = total.codes(group);
                    for (int k = 0; k < groupKeys.length; k++) {
                        row[k] = codes[k] == 0 ? null : groupKeys[k].box(minimum[k] + codes[k] - 1);
                    }
                    for (int f = 0; f < functions.size(); f++) {
                        row[groupKeys.length + f] = total.accumulators[f].result(group);
                    }
                    group++;
                    return row;
                }
            };
        }

        /**
         * Groups {@code from .. from+count-1} in columns, allocated from {@code allocator}: the keys and the
         * results of {@code columns}' types (a decimal sum may be given a narrower type than its own, whose values
         * must then fit it). Integer-like keys and results are written as they are held, string keys as ids into
         * their column's dictionary (a vector made once, shared by every batch, from the same allocator each time),
         * and only the rest is boxed (the MIN of strings or doubles, a sum beyond a long).
         *
         * @throws ArithmeticException where a boxed decimal does not fit its column
         */
        public ColumnBatch columns(int from, int count, List<Column> columns, BufferAllocator allocator) {
            List<FieldVector> vectors = new ArrayList<>(columns.size());
            List<VarCharVector> dictionaryOfColumn = new ArrayList<>(columns.size());
            long[] longs = new long[count];
            boolean[] nulls = new boolean[count];
            try {
                for (int k = 0; k < groupKeys.length; k++) {
                    Column column = columns.get(k);
                    StringLookup dictionary = groupKeys[k].dictionary();
                    FieldVector vector = dictionary == null ? ColumnVectors.create(column.name(), column.type(), allocator)
                            : new IntVector(column.name(), allocator);
                    vectors.add(vector);
                    dictionaryOfColumn.add(dictionary == null ? null
                            : dictionaries.computeIfAbsent(k, key -> dictionaryVector(dictionary, allocator)));
                    allocate(vector, count);
                    keyValues(k, from, count, longs, nulls);
                    LongSlots.setAll(vector, longs, nulls, count);
                }
                for (int f = 0; f < functions.size(); f++) {
                    Column column = columns.get(groupKeys.length + f);
                    FieldVector vector = ColumnVectors.create(column.name(), column.type(), allocator);
                    vectors.add(vector);
                    dictionaryOfColumn.add(null);
                    allocate(vector, count);
                    writeResults(total.accumulators[f], from, count, column, vector, longs, nulls);
                }
            } catch (RuntimeException | Error e) {
                vectors.forEach(FieldVector::close);
                throw e;
            }
            return new ColumnBatch(count, vectors, dictionaryOfColumn);
        }

        private void keyValues(int k, int from, int count, long[] out, boolean[] nulls) {
            long base = minimum[k] - 1;
            for (int i = 0; i < count; i++) {
                long code = total.code(from + i, k);
                nulls[i] = code == 0;
                out[i] = base + code;
            }
        }

        private void writeResults(Accumulator accumulator, int from, int count, Column column, FieldVector vector,
                                  long[] longs, boolean[] nulls) {
            Arrays.fill(nulls, false);
            if (LongSlots.holdsLongs(vector) && accumulator.longResults(from, count, longs, nulls)) {
                LongSlots.setAll(vector, longs, nulls, count);
                return;
            }
            Arrays.fill(nulls, false);
            if (vector instanceof Float8Vector doubles) {
                double[] values = new double[count];
                if (accumulator.doubleResults(from, count, values, nulls)) {
                    for (int i = 0; i < count; i++) {
                        if (nulls[i]) {
                            doubles.setNull(i);
                        } else {
                            doubles.set(i, values[i]);
                        }
                    }
                    doubles.setValueCount(count);
                    return;
                }
            }
            for (int i = 0; i < count; i++) {
                if ((i & CANCEL_CHECK_GROUPS - 1) == 0) {
                    scan.checkCancelled();
                }
                Object value = accumulator.result(from + i);
                if (value == null) {
                    vector.setNull(i);
                } else {
                    ColumnVectors.set(vector, i, column.type(), value);
                }
            }
            vector.setValueCount(count);
        }

        @Override
        public void close() {
            dictionaries.values().forEach(VarCharVector::close);
            dictionaries.clear();
        }
    }

    private static void allocate(FieldVector vector, int count) {
        vector.setInitialCapacity(Math.max(count, 1));
        vector.allocateNew();
    }

    /** A string key's dictionary as a vector of UTF-8 values (index = id): a frozen dictionary's bytes copied. */
    private static VarCharVector dictionaryVector(StringLookup values, BufferAllocator allocator) {
        if (values instanceof StringDictionary dictionary) {
            return dictionary.copyValues(allocator);
        }
        VarCharVector vector = new VarCharVector("dictionary", allocator);
        try {
            vector.allocateNew(values.size());
            for (int id = 0; id < values.size(); id++) {
                vector.setSafe(id, values.value(id).getBytes(StandardCharsets.UTF_8));
            }
            vector.setValueCount(values.size());
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
        return vector;
    }

    /** The code tuple of one group key (for the fallback map). */
    private record CodeTuple(long[] codes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CodeTuple tuple && Arrays.equals(codes, tuple.codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }
    }

    /** One worker's groups and accumulators. */
    private final class Partial implements ParallelScan.Worker {
        private final Accumulator[] accumulators;
        private final int[] denseOrdinals;
        private final LongIntHashMap packedOrdinals;
        private final Map<CodeTuple, Integer> tupleOrdinals;
        private long[] packedKeys = new long[16];
        private final List<long[]> tupleKeys = new ArrayList<>();
        private int groupCount;

        Partial() {
            accumulators = new Accumulator[functions.size()];
            for (int f = 0; f < accumulators.length; f++) {
                accumulators[f] = functions.get(f).newAccumulator();
            }
            denseOrdinals = dense ? new int[(int) keySpace] : null;
            if (denseOrdinals != null) {
                Arrays.fill(denseOrdinals, -1);
            }
            packedOrdinals = packed && !dense ? new LongIntHashMap(1024) : null;
            tupleOrdinals = packed ? null : new HashMap<>();
        }

        @Override
        public void process(BatchContext batch) {
            Scratch scratch = batch.scratch();
            int[] rows = scratch.borrowInts();
            int[] groups = groupKeys.length == 0 ? null : scratch.borrowInts();
            try {
                int count = filter.applyAll(batch, rows, batch.rowCount());
                if (count == 0) {
                    return;
                }
                if (groups == null) {
                    if (groupCount == 0) {
                        groupOf(0L, null);
                    }
                } else {
                    assignGroups(batch, rows, count, groups);
                }
                long[] histogram = null;
                if (groups != null && groupCount <= count / 4) {
                    histogram = new long[groupCount];
                    for (int i = 0; i < count; i++) {
                        histogram[groups[i]]++;
                    }
                }
                batch.groupRowCounts(histogram);
                try {
                    for (Accumulator accumulator : accumulators) {
                        accumulator.accumulate(batch, rows, count, groups);
                    }
                } finally {
                    batch.groupRowCounts(null);
                }
            } finally {
                if (groups != null) {
                    scratch.release(groups);
                }
                scratch.release(rows);
            }
        }

        private void assignGroups(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] keys = scratch.borrowLongs();
            long[] values = scratch.borrowLongs();
            boolean[] nulls = scratch.borrowFlags();
            try {
                if (packed) {
                    Arrays.fill(keys, 0, count, 0L);
                }
                long[][] tuples = packed ? null : new long[count][groupKeys.length];
                for (int k = 0; k < groupKeys.length; k++) {
                    boolean anyNull = groupKeys[k].read(batch, rows, count, values, nulls);
                    long low = minimum[k];
                    long scale = multiplier[k];
                    for (int i = 0; i < count; i++) {
                        long code = anyNull && nulls[i] ? 0 : values[i] - low + 1;
                        if (packed) {
                            keys[i] += code * scale;
                        } else {
                            tuples[i][k] = code;
                        }
                    }
                    if (anyNull) {
                        Arrays.fill(nulls, 0, count, false);
                    }
                }
                if (dense) {
                    for (int i = 0; i < count; i++) {
                        int key = (int) keys[i];
                        int group = denseOrdinals[key];
                        if (group < 0) {
                            group = groupOf(key, null);
                            denseOrdinals[key] = group;
                        }
                        groups[i] = group;
                    }
                } else if (packed) {
                    // A key repeated on the next rows (lineitem's order key, in order) is looked up once.
                    long previousKey = 0;
                    int previousGroup = -1;
                    for (int i = 0; i < count; i++) {
                        long key = keys[i];
                        if (previousGroup < 0 || key != previousKey) {
                            previousGroup = packedOrdinals.getOrPut(key, groupCount);
                            if (previousGroup == groupCount) {
                                groupOf(key, null);
                            }
                            previousKey = key;
                        }
                        groups[i] = previousGroup;
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        groups[i] = ordinalOfTuple(tuples[i]);
                    }
                }
            } finally {
                scratch.release(nulls);
                scratch.release(values);
                scratch.release(keys);
            }
        }

        /** Appends a new group with this key; returns its ordinal. */
        int groupOf(long packedKey, long[] tuple) {
            int group = groupCount++;
            if (packed) {
                if (group == packedKeys.length) {
                    packedKeys = Arrays.copyOf(packedKeys, group * 2);
                }
                packedKeys[group] = packedKey;
            } else {
                tupleKeys.add(tuple);
            }
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureCapacity(groupCount);
            }
            return group;
        }

        private int ordinalOfTuple(long[] tuple) {
            CodeTuple key = new CodeTuple(tuple);
            Integer known = tupleOrdinals.get(key);
            if (known != null) {
                return known;
            }
            int group = groupOf(0L, tuple);
            tupleOrdinals.put(key, group);
            return group;
        }

        private int ordinalOf(Partial other, int otherGroup) {
            if (!packed) {
                return ordinalOfTuple(other.tupleKeys.get(otherGroup));
            }
            long key = other.packedKeys[otherGroup];
            if (groupKeys.length == 0) {
                return groupCount == 0 ? groupOf(0L, null) : 0;
            }
            if (dense) {
                int group = denseOrdinals[(int) key];
                if (group < 0) {
                    group = groupOf(key, null);
                    denseOrdinals[(int) key] = group;
                }
                return group;
            }
            int group = packedOrdinals.getOrPut(key, groupCount);
            return group == groupCount ? groupOf(key, null) : group;
        }

        void mergeFrom(Partial other, ParallelScan scan) {
            for (int otherGroup = 0; otherGroup < other.groupCount; otherGroup++) {
                if ((otherGroup & CANCEL_CHECK_GROUPS - 1) == 0) {
                    scan.checkCancelled();
                }
                int group = ordinalOf(other, otherGroup);
                for (int f = 0; f < accumulators.length; f++) {
                    accumulators[f].merge(group, other.accumulators[f], otherGroup);
                }
            }
        }

        /** The code of key {@code k} of {@code group} (0 for NULL). */
        long code(int group, int k) {
            if (!packed) {
                return tupleKeys.get(group)[k];
            }
            long key = packedKeys[group];
            // One key is its own code.
            return groupKeys.length == 1 ? key : key / multiplier[k] % radix[k];
        }

        long[] codes(int group) {
            if (!packed) {
                return tupleKeys.get(group);
            }
            long key = packedKeys[group];
            long[] codes = new long[groupKeys.length];
            for (int k = 0; k < groupKeys.length; k++) {
                codes[k] = (key / multiplier[k]) % radix[k];
            }
            return codes;
        }
    }
}
