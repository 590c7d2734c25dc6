package io.glaux.sql.vector;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An aggregate call the vectorized path computes; each worker gets its own {@link Accumulator} from it. NULL inputs
 * are skipped; a group without any non-NULL input gives NULL (or 0 for COUNT and Calcite's {@code $SUM0}).
 */
public interface AggregateFunction {

    Accumulator newAccumulator();

    static AggregateFunction countRows() {
        return countWherePresent(new int[0]);
    }

    static AggregateFunction countValues(int column) {
        return countWherePresent(new int[] {column});
    }

    /** COUNT of a value computed from {@code columns}: the rows where none of them is NULL. */
    static AggregateFunction countWherePresent(int[] columns) {
        int[] copy = columns.clone();
        return () -> new Count(copy);
    }

    static AggregateFunction sum(LongExpression input, Boxing boxing, boolean zeroWhenEmpty) {
        return () -> new LongSum(input, boxing, zeroWhenEmpty);
    }

    static AggregateFunction sum(DoubleExpression input, boolean zeroWhenEmpty) {
        return () -> new DoubleSum(input, zeroWhenEmpty);
    }

    /**
     * MIN or MAX of an integer-like value, boxed as {@code boxing} does: its values are the result type's own (see
     * {@link Accumulator#longResults}).
     */
    static AggregateFunction minMax(LongExpression input, Boxing boxing, boolean max) {
        return () -> new LongMinMax(input, boxing, max, true);
    }

    /** Doubles compare as order-preserving longs (see {@link Expressions#sortableBits}). */
    static AggregateFunction minMax(DoubleExpression input, boolean toFloat, boolean max) {
        Boxing boxing = bits -> {
            double value = Expressions.fromSortableBits(bits);
            return toFloat ? (Object) (float) value : (Object) value;
        };
        LongExpression bits = Expressions.sortableBits(input);
        return () -> new LongMinMax(bits, boxing, max, false);
    }

    /** MIN/MAX of a string column: its dictionary ids compare as their rank in string order. */
    static AggregateFunction minMaxString(int column, String[] dictionary, boolean max) {
        int[] rank = DictionaryOrder.ranks(dictionary);
        String[] byRank = new String[dictionary.length];
        for (int id = 0; id < dictionary.length; id++) {
            byRank[rank[id]] = dictionary[id];
        }
        LongExpression ids = Expressions.longColumn(column);
        LongExpression ranks = (batch, rows, count, out, nulls) -> {
            boolean anyNull = ids.evaluate(batch, rows, count, out, nulls);
            for (int i = 0; i < count; i++) {
                out[i] = anyNull && nulls[i] ? 0 : rank[(int) out[i]];
            }
            return anyNull;
        };
        return () -> new LongMinMax(ranks, value -> byRank[(int) value], max, false);
    }

    /** {@code inner} over the rows passing {@code filter} only (an aggregate's {@code FILTER (WHERE ...)}). */
    static AggregateFunction filtered(AggregateFunction inner, RowFilter filter) {
        return () -> new Filtered(inner.newAccumulator(), filter);
    }

    static AggregateFunction countDistinct(LongExpression input) {
        return () -> new CountDistinct(input);
    }

    /** Doubles are distinct by their bits, with -0.0 counted as 0.0. */
    static AggregateFunction countDistinct(DoubleExpression input) {
        LongExpression bits = (batch, rows, count, out, nulls) -> {
            double[] values = batch.scratch().borrowDoubles();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    out[i] = Double.doubleToLongBits(values[i] == 0.0d ? 0.0d : values[i]);
                }
                return anyNull;
            } finally {
                batch.scratch().release(values);
            }
        };
        return countDistinct(bits);
    }

    /**
     * An accumulator over one integer-valued input: evaluates it for the batch's selection into scratch arrays and
     * hands the values on ({@code nulls} is null when no value is NULL).
     */
    abstract class LongInput implements Accumulator {
        private final LongExpression input;

        LongInput(LongExpression input) {
            this.input = input;
        }

        @Override
        public final void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                add(batch, values, anyNull ? nulls : null, count, groups);
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
            }
        }

        abstract void add(BatchContext batch, long[] values, boolean[] nulls, int count, int[] groups);
    }

    /** Passes on the selected rows that pass a filter, each with its group. */
    final class Filtered implements Accumulator {
        private final Accumulator inner;
        private final RowFilter filter;

        Filtered(Accumulator inner, RowFilter filter) {
            this.inner = inner;
            this.filter = filter;
        }

        @Override
        public void ensureCapacity(int groups) {
            inner.ensureCapacity(groups);
        }

        @Override
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            int[] passing = scratch.borrowInts();
            int[] passingGroups = groups == null ? null : scratch.borrowInts();
            try {
                System.arraycopy(rows, 0, passing, 0, count);
                int kept = filter.apply(batch, passing, count);
                if (groups != null) {
                    // The filter keeps the selection's order: the passing rows are met in turn.
                    for (int i = 0, next = 0; i < count && next < kept; i++) {
                        if (rows[i] == passing[next]) {
                            passingGroups[next++] = groups[i];
                        }
                    }
                }
                // The batch's rows per group count the selection before this filter; the inner function counts.
                long[] perGroup = batch.groupRowCounts();
                batch.groupRowCounts(null);
                try {
                    inner.accumulate(batch, passing, kept, passingGroups);
                } finally {
                    batch.groupRowCounts(perGroup);
                }
            } finally {
                scratch.release(passing);
                if (passingGroups != null) {
                    scratch.release(passingGroups);
                }
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            inner.merge(target, ((Filtered) other).inner, source);
        }

        @Override
        public Object result(int group) {
            return inner.result(group);
        }

        @Override
        public boolean longResults(int from, int count, long[] out, boolean[] nulls) {
            return inner.longResults(from, count, out, nulls);
        }

        @Override
        public boolean doubleResults(int from, int count, double[] out, boolean[] nulls) {
            return inner.doubleResults(from, count, out, nulls);
        }
    }

    /**
     * COUNT(*) (no columns), COUNT(column), or COUNT of a value computed from several columns (NULL exactly when one
     * of them is). Over columns without NULLs it adds the rows per group the aggregation has already counted.
     */
    final class Count implements Accumulator {
        private final int[] columns;
        private long[] counts = new long[0];

        Count(int[] columns) {
            this.columns = columns;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (counts.length < groups) {
                counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
            }
        }

        @Override
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            boolean anyNulls = false;
            for (int column : columns) {
                anyNulls |= batch.column(column).hasNulls();
            }
            if (!anyNulls) {
                long[] perGroup = batch.groupRowCounts();
                if (groups == null) {
                    counts[0] += count;
                } else if (perGroup != null) {
                    for (int group = 0; group < perGroup.length; group++) {
                        counts[group] += perGroup[group];
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        counts[groups[i]]++;
                    }
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                boolean present = true;
                for (int column : columns) {
                    present &= !batch.column(column).isNull(rows[i]);
                }
                if (present) {
                    counts[groups == null ? 0 : groups[i]]++;
                }
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            counts[target] += ((Count) other).counts[source];
        }

        @Override
        public Object result(int group) {
            return counts[group];
        }

        @Override
        public boolean longResults(int from, int count, long[] out, boolean[] nulls) {
            System.arraycopy(counts, from, out, 0, count);
            return true;
        }
    }

    /** SUM of integers or decimals: a long per group, spilling into a BigInteger when it would overflow. */
    final class LongSum extends LongInput {
        private final Boxing boxing;
        private final boolean zeroWhenEmpty;
        private long[] sums = new long[0];
        private boolean[] seen = new boolean[0];
        private BigInteger[] spilled;

        LongSum(LongExpression input, Boxing boxing, boolean zeroWhenEmpty) {
            super(input);
            this.boxing = boxing;
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (sums.length < groups) {
                int size = Math.max(groups, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
                if (spilled != null) {
                    spilled = Arrays.copyOf(spilled, size);
                }
            }
        }

        @Override
        void add(BatchContext batch, long[] values, boolean[] nulls, int count, int[] groups) {
            if (groups == null && nulls == null) {
                long sum = sums[0];
                for (int i = 0; i < count; i++) {
                    long value = values[i];
                    long result = sum + value;
                    if (((sum ^ result) & (value ^ result)) < 0) {
                        spill(0, sum);
                        result = value;
                    }
                    sum = result;
                }
                sums[0] = sum;
                seen[0] |= count > 0;
            } else if (nulls == null) {
                long[] groupSums = sums;
                for (int i = 0; i < count; i++) {
                    int group = groups[i];
                    long sum = groupSums[group];
                    long value = values[i];
                    long result = sum + value;
                    if (((sum ^ result) & (value ^ result)) < 0) {
                        spill(group, sum);
                        result = value;
                    }
                    groupSums[group] = result;
                }
                markSeen(batch, groups, count);
            } else {
                for (int i = 0; i < count; i++) {
                    if (!nulls[i]) {
                        add(groups == null ? 0 : groups[i], values[i]);
                    }
                }
            }
        }

        private void markSeen(BatchContext batch, int[] groups, int count) {
            long[] perGroup = batch.groupRowCounts();
            if (perGroup != null) {
                for (int group = 0; group < perGroup.length; group++) {
                    seen[group] |= perGroup[group] > 0;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    seen[groups[i]] = true;
                }
            }
        }

        private void add(int group, long value) {
            long sum = sums[group];
            long result = sum + value;
            if (((sum ^ result) & (value ^ result)) < 0) {
                spill(group, sum);
                result = value;
            }
            sums[group] = result;
            seen[group] = true;
        }

        private void spill(int group, long value) {
            if (spilled == null) {
                spilled = new BigInteger[sums.length];
            }
            BigInteger previous = spilled[group] == null ? BigInteger.ZERO : spilled[group];
            spilled[group] = previous.add(BigInteger.valueOf(value));
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            LongSum from = (LongSum) other;
            if (!from.seen[source]) {
                return;
            }
            add(target, from.sums[source]);
            if (from.spilled != null && from.spilled[source] != null) {
                if (spilled == null) {
                    spilled = new BigInteger[sums.length];
                }
                spilled[target] = (spilled[target] == null ? BigInteger.ZERO : spilled[target])
                        .add(from.spilled[source]);
            }
        }

        @Override
        public Object result(int group) {
            if (!seen[group]) {
                return zeroWhenEmpty ? boxing.box(0) : null;
            }
            if (spilled != null && spilled[group] != null) {
                return boxing.box(spilled[group].add(BigInteger.valueOf(sums[group])));
            }
            return boxing.box(sums[group]);
        }

        /** The sums of a bigint or of decimals of the result's scale, unless one went beyond a long. */
        @Override
        public boolean longResults(int from, int count, long[] out, boolean[] nulls) {
            for (int i = 0; i < count; i++) {
                int group = from + i;
                if (spilled != null && spilled[group] != null) {
                    return false;
                }
                out[i] = sums[group];
                nulls[i] = !seen[group] && !zeroWhenEmpty;
            }
            return true;
        }
    }

    final class DoubleSum implements Accumulator {
        private final DoubleExpression input;
        private final boolean zeroWhenEmpty;
        private double[] sums = new double[0];
        private boolean[] seen = new boolean[0];

        DoubleSum(DoubleExpression input, boolean zeroWhenEmpty) {
            this.input = input;
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (sums.length < groups) {
                int size = Math.max(groups, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            double[] values = scratch.borrowDoubles();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                if (groups == null && !anyNull) {
                    double sum = sums[0];
                    for (int i = 0; i < count; i++) {
                        sum += values[i];
                    }
                    sums[0] = sum;
                    seen[0] |= count > 0;
                    return;
                }
                for (int i = 0; i < count; i++) {
                    if (anyNull && nulls[i]) {
                        continue;
                    }
                    int group = groups == null ? 0 : groups[i];
                    sums[group] += values[i];
                    seen[group] = true;
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            DoubleSum from = (DoubleSum) other;
            if (from.seen[source]) {
                sums[target] += from.sums[source];
                seen[target] = true;
            }
        }

        @Override
        public Object result(int group) {
            if (seen[group]) {
                return sums[group];
            }
            return zeroWhenEmpty ? (Object) 0.0d : null;
        }

        @Override
        public boolean doubleResults(int from, int count, double[] out, boolean[] nulls) {
            for (int i = 0; i < count; i++) {
                int group = from + i;
                out[i] = seen[group] ? sums[group] : 0.0d;
                nulls[i] = !seen[group] && !zeroWhenEmpty;
            }
            return true;
        }
    }

    /** MIN or MAX on longs (integers, decimals, dates; doubles and strings through order-preserving longs). */
    final class LongMinMax extends LongInput {
        private final Boxing boxing;
        private final boolean max;
        /** Whether the values compared are the result type's own, rather than ranks or bits that box to them. */
        private final boolean ownValues;
        private long[] best = new long[0];
        private boolean[] seen = new boolean[0];

        LongMinMax(LongExpression input, Boxing boxing, boolean max, boolean ownValues) {
            super(input);
            this.boxing = boxing;
            this.max = max;
            this.ownValues = ownValues;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (best.length < groups) {
                int size = Math.max(groups, best.length * 2);
                best = Arrays.copyOf(best, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        void add(BatchContext batch, long[] values, boolean[] nulls, int count, int[] groups) {
            for (int i = 0; i < count; i++) {
                if (nulls == null || !nulls[i]) {
                    offer(groups == null ? 0 : groups[i], values[i]);
                }
            }
        }

        private void offer(int group, long value) {
            if (!seen[group] || (max ? value > best[group] : value < best[group])) {
                best[group] = value;
                seen[group] = true;
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            LongMinMax from = (LongMinMax) other;
            if (from.seen[source]) {
                offer(target, from.best[source]);
            }
        }

        @Override
        public Object result(int group) {
            return seen[group] ? boxing.box(best[group]) : null;
        }

        @Override
        public boolean longResults(int from, int count, long[] out, boolean[] nulls) {
            if (!ownValues) {
                return false;
            }
            System.arraycopy(best, from, out, 0, count);
            for (int i = 0; i < count; i++) {
                nulls[i] = !seen[from + i];
            }
            return true;
        }
    }

    /** COUNT(DISTINCT x): a set of values per group. */
    final class CountDistinct extends LongInput {
        private LongHashSet[] sets = new LongHashSet[0];

        CountDistinct(LongExpression input) {
            super(input);
        }

        @Override
        public void ensureCapacity(int groups) {
            if (sets.length < groups) {
                sets = Arrays.copyOf(sets, Math.max(groups, sets.length * 2));
            }
        }

        private LongHashSet set(int group) {
            LongHashSet set = sets[group];
            if (set == null) {
                set = new LongHashSet();
                sets[group] = set;
            }
            return set;
        }

        @Override
        void add(BatchContext batch, long[] values, boolean[] nulls, int count, int[] groups) {
            for (int i = 0; i < count; i++) {
                if (nulls == null || !nulls[i]) {
                    set(groups == null ? 0 : groups[i]).add(values[i]);
                }
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            LongHashSet from = ((CountDistinct) other).sets[source];
            if (from != null) {
                set(target).addAll(from);
            }
        }

        @Override
        public Object result(int group) {
            return sets[group] == null ? 0L : sets[group].size();
        }

        @Override
        public boolean longResults(int from, int count, long[] out, boolean[] nulls) {
            for (int i = 0; i < count; i++) {
                LongHashSet set = sets[from + i];
                out[i] = set == null ? 0 : set.size();
            }
            return true;
        }
    }
}
