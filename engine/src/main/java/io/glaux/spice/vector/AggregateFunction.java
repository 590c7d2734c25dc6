package io.glaux.spice.vector;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An aggregate call the vectorized path computes; each worker gets its own {@link Accumulator} from it. NULL inputs
 * are skipped; a group without any non-NULL input gives NULL (or 0 for COUNT and Calcite's {@code $SUM0}).
 */
public interface AggregateFunction {

    Accumulator newAccumulator();

    static AggregateFunction countRows() {
        return () -> new Count(-1);
    }

    static AggregateFunction countValues(int column) {
        return () -> new Count(column);
    }

    /** COUNT of a value computed from {@code columns}: the rows where none of them is NULL. */
    static AggregateFunction countWherePresent(int[] columns) {
        if (columns.length == 1) {
            return countValues(columns[0]);
        }
        return () -> new CountPresent(columns);
    }

    /** COUNT of a computed value: the rows where it is not NULL. */
    static AggregateFunction countValues(LongExpression input) {
        return () -> new CountComputed(input, null);
    }

    static AggregateFunction countValues(DoubleExpression input) {
        return () -> new CountComputed(null, input);
    }

    static AggregateFunction sum(LongExpression input, Boxing boxing, boolean zeroWhenEmpty) {
        return () -> new LongSum(input, boxing, zeroWhenEmpty);
    }

    static AggregateFunction sum(DoubleExpression input, boolean zeroWhenEmpty) {
        return () -> new DoubleSum(input, zeroWhenEmpty);
    }

    static AggregateFunction minMax(LongExpression input, Boxing boxing, boolean max) {
        return () -> new LongMinMax(input, boxing, max);
    }

    /** Doubles compare as order-preserving longs (see {@link Expressions#sortableBits}). */
    static AggregateFunction minMax(DoubleExpression input, boolean toFloat, boolean max) {
        Boxing boxing = bits -> {
            double value = Expressions.fromSortableBits(bits);
            return toFloat ? (Object) (float) value : (Object) value;
        };
        return () -> new LongMinMax(Expressions.sortableBits(input), boxing, max);
    }

    /** MIN/MAX of a string column, compared by each dictionary entry's rank in string order. */
    static AggregateFunction minMaxString(int column, String[] dictionary, boolean max) {
        int[] rank = DictionaryOrder.ranks(dictionary);
        return () -> new StringMinMax(column, dictionary, rank, max);
    }

    static AggregateFunction countDistinct(LongExpression input) {
        return () -> new CountDistinct(input, null);
    }

    static AggregateFunction countDistinct(DoubleExpression input) {
        return () -> new CountDistinct(null, input);
    }

    /** COUNT(*) or COUNT(column). */
    final class Count implements Accumulator {
        private final int column;
        private long[] counts = new long[0];

        Count(int column) {
            this.column = column;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (counts.length < groups) {
                counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
            }
        }

        @Override
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            ColumnView view = column < 0 ? null : batch.column(column);
            if (view == null || !view.hasNulls()) {
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
                if (!view.isNull(rows[i])) {
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
    }

    final class CountPresent implements Accumulator {
        private final int[] columns;
        private long[] counts = new long[0];

        CountPresent(int[] columns) {
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
            long[] perGroup = batch.groupRowCounts();
            if (!anyNulls && (groups == null || perGroup != null)) {
                if (groups == null) {
                    counts[0] += count;
                } else {
                    for (int group = 0; group < perGroup.length; group++) {
                        counts[group] += perGroup[group];
                    }
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                boolean present = true;
                if (anyNulls) {
                    for (int column : columns) {
                        present &= !batch.column(column).isNull(rows[i]);
                    }
                }
                if (present) {
                    counts[groups == null ? 0 : groups[i]]++;
                }
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            counts[target] += ((CountPresent) other).counts[source];
        }

        @Override
        public Object result(int group) {
            return counts[group];
        }
    }

    final class CountComputed implements Accumulator {
        private final LongExpression longInput;
        private final DoubleExpression doubleInput;
        private long[] counts = new long[0];

        CountComputed(LongExpression longInput, DoubleExpression doubleInput) {
            this.longInput = longInput;
            this.doubleInput = doubleInput;
        }

        @Override
        public void ensureCapacity(int groups) {
            if (counts.length < groups) {
                counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
            }
        }

        @Override
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            double[] doubles = scratch.borrowDoubles();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = longInput != null ? longInput.evaluate(batch, rows, count, values, nulls)
                        : doubleInput.evaluate(batch, rows, count, doubles, nulls);
                for (int i = 0; i < count; i++) {
                    if (!anyNull || !nulls[i]) {
                        counts[groups == null ? 0 : groups[i]]++;
                    }
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(doubles);
                scratch.release(values);
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            counts[target] += ((CountComputed) other).counts[source];
        }

        @Override
        public Object result(int group) {
            return counts[group];
        }
    }

    /** SUM of integers or decimals: a long per group, spilling into a BigInteger when it would overflow. */
    final class LongSum implements Accumulator {
        private final LongExpression input;
        private final Boxing boxing;
        private final boolean zeroWhenEmpty;
        private long[] sums = new long[0];
        private boolean[] seen = new boolean[0];
        private BigInteger[] spilled;

        LongSum(LongExpression input, Boxing boxing, boolean zeroWhenEmpty) {
            this.input = input;
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
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                if (groups == null && !anyNull) {
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
                    return;
                }
                if (groups != null && !anyNull) {
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
                    return;
                }
                for (int i = 0; i < count; i++) {
                    if (anyNull && nulls[i]) {
                        continue;
                    }
                    add(groups == null ? 0 : groups[i], values[i]);
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
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
    }

    final class LongMinMax implements Accumulator {
        private final LongExpression input;
        private final Boxing boxing;
        private final boolean max;
        private long[] best = new long[0];
        private boolean[] seen = new boolean[0];

        LongMinMax(LongExpression input, Boxing boxing, boolean max) {
            this.input = input;
            this.boxing = boxing;
            this.max = max;
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
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull = input.evaluate(batch, rows, count, values, nulls);
                for (int i = 0; i < count; i++) {
                    if (!anyNull || !nulls[i]) {
                        offer(groups == null ? 0 : groups[i], values[i]);
                    }
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                scratch.release(values);
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
    }

    final class StringMinMax implements Accumulator {
        private final int column;
        private final String[] dictionary;
        private final int[] rank;
        private final boolean max;
        private int[] best = new int[0];
        private boolean[] seen = new boolean[0];

        StringMinMax(int column, String[] dictionary, int[] rank, boolean max) {
            this.column = column;
            this.dictionary = dictionary;
            this.rank = rank;
            this.max = max;
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
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            ColumnView view = batch.column(column);
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!view.isNull(row)) {
                    offer(groups == null ? 0 : groups[i], (int) view.getLong(row));
                }
            }
        }

        private void offer(int group, int id) {
            if (!seen[group] || (max ? rank[id] > rank[best[group]] : rank[id] < rank[best[group]])) {
                best[group] = id;
                seen[group] = true;
            }
        }

        @Override
        public void merge(int target, Accumulator other, int source) {
            StringMinMax from = (StringMinMax) other;
            if (from.seen[source]) {
                offer(target, from.best[source]);
            }
        }

        @Override
        public Object result(int group) {
            return seen[group] ? dictionary[best[group]] : null;
        }
    }

    /** COUNT(DISTINCT x): a set of values (doubles by their bits, -0.0 as 0.0) per group. */
    final class CountDistinct implements Accumulator {
        private final LongExpression longInput;
        private final DoubleExpression doubleInput;
        private LongHashSet[] sets = new LongHashSet[0];

        CountDistinct(LongExpression longInput, DoubleExpression doubleInput) {
            this.longInput = longInput;
            this.doubleInput = doubleInput;
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
        public void accumulate(BatchContext batch, int[] rows, int count, int[] groups) {
            Scratch scratch = batch.scratch();
            long[] values = scratch.borrowLongs();
            double[] doubles = doubleInput == null ? null : scratch.borrowDoubles();
            boolean[] nulls = scratch.borrowFlags();
            try {
                boolean anyNull;
                if (doubleInput == null) {
                    anyNull = longInput.evaluate(batch, rows, count, values, nulls);
                } else {
                    anyNull = doubleInput.evaluate(batch, rows, count, doubles, nulls);
                    for (int i = 0; i < count; i++) {
                        double value = doubles[i] == 0.0d ? 0.0d : doubles[i];
                        values[i] = Double.doubleToLongBits(value);
                    }
                }
                for (int i = 0; i < count; i++) {
                    if (!anyNull || !nulls[i]) {
                        set(groups == null ? 0 : groups[i]).add(values[i]);
                    }
                }
            } finally {
                Arrays.fill(nulls, 0, count, false);
                scratch.release(nulls);
                if (doubles != null) {
                    scratch.release(doubles);
                }
                scratch.release(values);
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
    }
}
