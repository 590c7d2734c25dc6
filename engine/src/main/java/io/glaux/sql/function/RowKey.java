package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlOperator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a value that holds rows (a row, or an array or map with rows in it, at any depth) that is equal to
 * another, and hashes alike, when their values are equal field by field: NULL fields alike, as GROUP BY, DISTINCT and
 * the set operations compare them in Trino. At run time a row is Calcite's {@code Object[]} of its fields, which is
 * equal only to itself, so Calcite's hashing operators would keep every row value apart; they key on this stand-in
 * instead ({@link #key}), and give back the value it stands for ({@link #value}). The stand-in's SQL type is this Java
 * class, which the generated code holds it as, comparing it with {@link #equals}.
 */
public final class RowKey {
    /** Its calls are typed as this class: generated code holds them as such. */
    private static final SqlOperator KEY = new PlannedOperator("row_key",
            b -> b.getTypeFactory().createJavaType(RowKey.class), RowKey.class, "of",
            call -> new Class<?>[] {Object.class});
    /** Its calls are typed when they are made ({@link #value}): the type of the value the key stands for. */
    private static final SqlOperator VALUE = new PlannedOperator("row_key_value", b -> {
        throw new UnsupportedOperationException("row_key_value is typed by the planner");
    }, RowKey.class, "valueOf", call -> new Class<?>[] {Object.class});

    private final Object value;
    /** The value with its rows and arrays as lists and its maps as hash maps, which compare by value. */
    private final Object comparable;
    private final int hash;

    private RowKey(Object value) {
        this.value = value;
        this.comparable = comparable(value);
        this.hash = comparable.hashCode();
    }

    /** Whether values of {@code type} hold rows, and so compare by identity unless keyed on a stand-in. */
    public static boolean holdsRows(RelDataType type) {
        return NestedTypes.anyMatch(type, RelDataType::isStruct);
    }

    /** The stand-in for {@code value}, a value that holds rows (NULL for NULL). */
    public static RexNode key(RexBuilder rexBuilder, RexNode value) {
        return rexBuilder.makeCall(KEY, value);
    }

    /** The value {@code key} (made by {@link #key}) stands for, typed {@code type} (NULL for NULL). */
    public static RexNode value(RexBuilder rexBuilder, RelDataType type, RexNode key) {
        return rexBuilder.makeCall(type, VALUE, List.of(key));
    }

    /**
     * {@code over}, a window function, with its partition keys that hold rows replaced by their keys: a window
     * partitions its rows by hashing their partition keys.
     */
    public static RexNode partitionedByKeys(RexBuilder rexBuilder, RexOver over) {
        RexWindow window = over.getWindow();
        if (window.partitionKeys.stream().noneMatch(k -> holdsRows(k.getType()))) {
            return over;
        }
        List<RexNode> partitionKeys = window.partitionKeys.stream()
                .map(k -> holdsRows(k.getType()) ? key(rexBuilder, k) : k).toList();
        return rexBuilder.makeOver(over.getParserPosition(), over.getType(), over.getAggOperator(),
                over.getOperands(), partitionKeys, window.orderKeys, window.getLowerBound(), window.getUpperBound(),
                window.getExclude(), window.isRows(), true, false, over.isDistinct(), over.ignoreNulls());
    }

    /** The stand-in for a value that holds rows; called by generated code (never with NULL). */
    public static RowKey of(Object value) {
        return new RowKey(value);
    }

    /** The value a stand-in stands for; called by generated code (never with NULL). */
    public static Object valueOf(Object key) {
        return ((RowKey) key).value;
    }

    /**
     * {@code value} with its rows and arrays as lists, its maps as hash maps and its numbers in one boxed form each
     * (integers as {@code Long}, reals as {@code Double}, decimals without trailing zeros): a row's field may hold a
     * value of a narrower type than the field's, as when a row of integers and a row of bigints meet in a UNION.
     */
    private static Object comparable(Object value) {
        if (value instanceof Object[] fields) {
            return comparable(Arrays.asList(fields));
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                elements.add(element == null ? null : comparable(element));
            }
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new HashMap<>();
            map.forEach((k, v) -> entries.put(k == null ? null : comparable(k), v == null ? null : comparable(v)));
            return entries;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float real) {
            return real.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && hash == key.hash && comparable.equals(key.comparable);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return comparable.toString();
    }
}
