package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulators of Trino's aggregates that rank values: max_by / min_by (with and without n), max / min with n,
 * approx_percentile (answered exactly) and approx_most_frequent (answered exactly). Values compare in their natural
 * Java order (Calcite's internal representation: numbers, strings, booleans, dates as day numbers).
 */
final class RankingAccumulators {
    private RankingAccumulators() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number && b instanceof Number && a.getClass() != b.getClass()) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int count(@Nullable Object n, String function) {
        if (n == null) {
            throw FunctionErrors.invalidArgument(function + " must not be null");
        }
        long value = ((Number) n).longValue();
        if (value <= 0) {
            throw FunctionErrors.invalidArgument(function + " must be a positive integer");
        }
        if (value > 10_000) {
            throw FunctionErrors.invalidArgument(function + " must be less than or equal to 10000");
        }
        return (int) value;
    }

    /**
     * max_by(x, y[, n]) / min_by(x, y[, n]), and max(x, n) / min(x, n) (the value is its own key): the value (or the
     * n values, best first, as an array) of the rows with the largest (smallest) keys. Rows with a NULL key are
     * skipped; of equal keys the first row wins. NULL over no rows.
     */
    public static final class Best implements GlauxAccumulator {
        private final boolean max;
        private final boolean byKey;
        private final boolean top;
        private final List<Object[]> entries = new ArrayList<>();
        private int n = 1;

        /** {@code byKey}: operands (x, y[, n]), else (x[, n]); {@code top}: the n-operand form, answering an array. */
        public Best(boolean max, boolean byKey, boolean top) {
            this.max = max;
            this.byKey = byKey;
            this.top = top;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            Object key = operands[byKey ? 1 : 0];
            if (key == null) {
                return;
            }
            if (top) {
                n = count(operands[byKey ? 2 : 1], byKey ? "third argument of max_by/min_by" : "second argument "
                        + "of max/min");
            }
            offer(new Object[] {operands[0], key});
        }

        private void offer(Object[] entry) {
            int at = entries.size();
            while (at > 0 && better(entry[1], entries.get(at - 1)[1])) {
                at--;
            }
            if (at < n) {
                entries.add(at, entry);
                if (entries.size() > n) {
                    entries.remove(entries.size() - 1);
                }
            }
        }

        private boolean better(Object key, Object than) {
            int c = compare(key, than);
            return max ? c > 0 : c < 0;
        }

        @Override
        public void merge(GlauxAccumulator other) {
            Best o = (Best) other;
            n = Math.max(n, o.n);
            o.entries.forEach(this::offer);
        }

        @Override
        public @Nullable Object result() {
            if (entries.isEmpty()) {
                return null;
            }
            if (!top) {
                return entries.get(0)[0];
            }
            List<Object> values = new ArrayList<>();
            entries.forEach(e -> values.add(e[0]));
            return values;
        }
    }

    /**
     * approx_percentile(x[, w], p) and approx_percentile(x[, w], ARRAY[p...]), answered exactly with Trino's rank
     * rule: the smallest value whose cumulative weight exceeds p times the total weight (the largest value for p = 1).
     * NULL values are skipped; NULL over no values.
     */
    public static final class Percentile implements GlauxAccumulator {
        private final boolean weighted;
        private final TreeMap<Object, Long> weights = new TreeMap<>(RankingAccumulators::compare);
        private long total;
        private @Nullable Object percentiles;

        public Percentile(boolean weighted) {
            this.weighted = weighted;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            Object p = operands[weighted ? 2 : 1];
            if (percentiles == null) {
                percentiles = check(p);
            }
            if (operands[0] == null || weighted && operands[1] == null) {
                return;
            }
            long w = weighted ? ((Number) operands[1]).longValue() : 1;
            if (w <= 0) {
                throw FunctionErrors.invalidArgument("percentile weight must be > 0");
            }
            weights.merge(operands[0], w, Long::sum);
            total += w;
        }

        private static Object check(@Nullable Object p) {
            if (p == null) {
                throw FunctionErrors.invalidArgument("Percentile cannot be null");
            }
            for (Object each : p instanceof List ? (List<?>) p : List.of(p)) {
                if (each == null) {
                    throw FunctionErrors.invalidArgument("Percentile cannot be null");
                }
                double value = ((Number) each).doubleValue();
                if (!(value >= 0 && value <= 1)) {
                    throw FunctionErrors.invalidArgument("Percentile must be between 0 and 1");
                }
            }
            return p;
        }

        @Override
        public void merge(GlauxAccumulator other) {
            Percentile o = (Percentile) other;
            o.weights.forEach((v, w) -> weights.merge(v, w, Long::sum));
            total += o.total;
            if (percentiles == null) {
                percentiles = o.percentiles;
            }
        }

        @Override
        public @Nullable Object result() {
            if (total == 0 || percentiles == null) {
                return null;
            }
            if (!(percentiles instanceof List)) {
                return at(((Number) percentiles).doubleValue());
            }
            List<Object> values = new ArrayList<>();
            for (Object p : (List<?>) percentiles) {
                values.add(at(((Number) p).doubleValue()));
            }
            return values;
        }

        private Object at(double p) {
            double target = p * total;
            long cumulative = 0;
            for (Map.Entry<Object, Long> e : weights.entrySet()) {
                cumulative += e.getValue();
                if (cumulative > target) {
                    return e.getKey();
                }
            }
            return weights.lastKey();
        }
    }

    /**
     * approx_most_frequent(buckets, x, capacity), answered exactly: the {@code buckets} most frequent non-NULL values
     * with their counts, most frequent first (equal counts in order of first appearance). NULL over no values.
     */
    public static final class MostFrequent implements GlauxAccumulator {
        private final Map<Object, Long> counts = new LinkedHashMap<>();
        private int buckets;

        @Override
        public void add(@Nullable Object[] operands) {
            buckets = count(operands[0], "buckets of approx_most_frequent");
            if (operands[1] != null) {
                counts.merge(operands[1], 1L, Long::sum);
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            MostFrequent o = (MostFrequent) other;
            buckets = Math.max(buckets, o.buckets);
            o.counts.forEach((v, c) -> counts.merge(v, c, Long::sum));
        }

        @Override
        public @Nullable Object result() {
            if (counts.isEmpty()) {
                return null;
            }
            Map<Object, Long> top = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<Object, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(buckets)
                    .forEach(e -> top.put(e.getKey(), e.getValue()));
            return top;
        }
    }
}
