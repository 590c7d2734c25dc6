package io.glaux.sql.function;

import org.apache.calcite.avatica.util.ByteString;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulators of Trino's aggregates that collect values into an array (array_agg) or a map (map_agg, multimap_agg,
 * map_union, histogram) or fold them bit by bit (bitwise_and_agg, bitwise_or_agg, checksum). Maps are
 * {@link java.util.Map}s in order of first appearance; NULL keys are skipped. All answer NULL over no rows.
 */
final class CollectingAccumulators {
    private CollectingAccumulators() {
    }

    /**
     * array_agg(x): every row's value, NULLs included, in the order the rows arrive (the call's ORDER BY sorts them
     * before they do).
     */
    public static final class ArrayAgg implements GlauxAccumulator {
        private final List<Object> values = new ArrayList<>();
        private final boolean skipNulls;
        private boolean any;

        /** array_agg: NULLs kept. */
        public ArrayAgg() {
            this(false);
        }

        /** With {@code skipNulls}, the non-NULL values only (window functions' IGNORE NULLS). */
        public ArrayAgg(boolean skipNulls) {
            this.skipNulls = skipNulls;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null || !skipNulls) {
                values.add(operands[0]);
                any = true;
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            values.addAll(((ArrayAgg) other).values);
            any = any || ((ArrayAgg) other).any;
        }

        @Override
        public @Nullable Object result() {
            return any ? new ArrayList<>(values) : null;
        }
    }

    /** map_union(m): the entries of every non-NULL map; a repeated key keeps the value of its first map. */
    public static final class MapUnion implements GlauxAccumulator {
        private final Map<Object, Object> map = new LinkedHashMap<>();
        private boolean any;

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null) {
                ((Map<?, ?>) operands[0]).forEach(map::putIfAbsent);
                any = true;
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            ((MapUnion) other).map.forEach(map::putIfAbsent);
            any = any || ((MapUnion) other).any;
        }

        @Override
        public @Nullable Object result() {
            return any ? new LinkedHashMap<>(map) : null;
        }
    }

    /** map_agg(k, v): each key with the value of its first row. */
    public static final class MapAgg implements GlauxAccumulator {
        private final Map<Object, Object> map = new LinkedHashMap<>();
        private boolean any;

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null && !map.containsKey(operands[0])) {
                map.put(operands[0], operands[1]);
            }
            any = any || operands[0] != null;
        }

        @Override
        public void merge(GlauxAccumulator other) {
            ((MapAgg) other).map.forEach(map::putIfAbsent);
            any = any || ((MapAgg) other).any;
        }

        @Override
        public @Nullable Object result() {
            return any ? new LinkedHashMap<>(map) : null;
        }
    }

    /** multimap_agg(k, v): each key with the array of its rows' values. */
    public static final class MultimapAgg implements GlauxAccumulator {
        private final Map<Object, List<Object>> map = new LinkedHashMap<>();

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null) {
                map.computeIfAbsent(operands[0], k -> new ArrayList<>()).add(operands[1]);
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            ((MultimapAgg) other).map.forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }

        @Override
        public @Nullable Object result() {
            return map.isEmpty() ? null : new LinkedHashMap<>(map);
        }
    }

    /** histogram(x): each non-NULL value with the number of its rows. */
    public static final class Histogram implements GlauxAccumulator {
        private final Map<Object, Long> counts = new LinkedHashMap<>();

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null) {
                counts.merge(operands[0], 1L, Long::sum);
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            ((Histogram) other).counts.forEach((v, c) -> counts.merge(v, c, Long::sum));
        }

        @Override
        public @Nullable Object result() {
            return counts.isEmpty() ? null : new LinkedHashMap<>(counts);
        }
    }

    /** bitwise_and_agg(x) (and = true) and bitwise_or_agg(x) over the non-NULL values, as bigint. */
    public static final class Bitwise implements GlauxAccumulator {
        private final boolean and;
        private @Nullable Long value;

        public Bitwise(boolean and) {
            this.and = and;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            combine((Number) operands[0]);
        }

        @Override
        public void merge(GlauxAccumulator other) {
            combine(((Bitwise) other).value);
        }

        private void combine(@Nullable Number n) {
            if (n != null) {
                long v = n.longValue();
                value = value == null ? v : and ? value & v : value | v;
            }
        }

        @Override
        public @Nullable Object result() {
            return value;
        }
    }

    /**
     * checksum(x): an order-insensitive checksum, as Trino computes it: the sum over rows of the value's hash (XXH64
     * of its bits) times a prime, a NULL counting as the prime, answered as 8 bytes, least significant first. Hashes
     * integers, dates, timestamps, doubles, booleans, strings (their UTF-8 bytes) and varbinary as Trino's types do;
     * other types (arrays, maps, decimals) are hashed from their text, which differs from Trino's hash.
     */
    public static final class Checksum implements GlauxAccumulator {
        private static final long PRIME64 = 0x9E3779B185EBCA87L;
        private long sum;
        private boolean any;

        @Override
        public void add(@Nullable Object[] operands) {
            any = true;
            Object v = operands[0];
            sum += v == null ? PRIME64 : hash(v) * PRIME64;
        }

        private static long hash(Object v) {
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return XxHash64.hash(Double.doubleToLongBits(d == 0 ? 0 : d));
            } else if (v instanceof Number) {
                return XxHash64.hash(((Number) v).longValue());
            } else if (v instanceof Boolean) {
                return (Boolean) v ? 1231 : 1237;
            } else if (v instanceof ByteString) {
                return XxHash64.hash(((ByteString) v).getBytes());
            }
            return XxHash64.hash(v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void merge(GlauxAccumulator other) {
            sum += ((Checksum) other).sum;
            any = any || ((Checksum) other).any;
        }

        @Override
        public @Nullable Object result() {
            return any ? new ByteString(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(sum).array())
                    : null;
        }
    }
}
