package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts an accumulator's result to the Java class of its result column, for generated code (a class rather than
 * a static method of {@link GlauxAccumulator}: the code compiler cannot call static interface methods).
 */
public final class AccumulatorResult {
    private AccumulatorResult() {
    }

    /**
     * A result in the class of its result column, with an array's elements in {@code elementType}, or a map's keys
     * in {@code elementType} and values in {@code valueType} ({@code Object.class}: unchanged); e.g.
     * approx_percentile keeps an integer column's values, answered as bigint.
     */
    public static @Nullable Object as(@Nullable Object value, Class<?> type, Class<?> elementType,
            Class<?> valueType) {
        if (value instanceof List && elementType != Object.class) {
            List<Object> converted = new ArrayList<>();
            for (Object element : (List<?>) value) {
                converted.add(as(element, elementType));
            }
            return converted;
        }
        if (value instanceof Map && (elementType != Object.class || valueType != Object.class)) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> converted.put(as(k, elementType), as(v, valueType)));
            return converted;
        }
        return as(value, type);
    }

    /**
     * A numeric result in the boxed class of the result column (an accumulator computing in {@code double} answers
     * a REAL column as {@link Float}); other values unchanged.
     */
    public static @Nullable Object as(@Nullable Object value, Class<?> type) {
        if (!(value instanceof Number) || type.isInstance(value)) {
            return value;
        }
        Number n = (Number) value;
        if (type == Float.class || type == float.class) {
            return n.floatValue();
        } else if (type == Double.class || type == double.class) {
            return n.doubleValue();
        } else if (type == Long.class || type == long.class) {
            return n.longValue();
        } else if (type == Integer.class || type == int.class) {
            return n.intValue();
        } else if (type == Short.class || type == short.class) {
            return n.shortValue();
        } else if (type == Byte.class || type == byte.class) {
            return n.byteValue();
        } else if (type == BigDecimal.class) {
            return n instanceof BigDecimal ? n : new BigDecimal(n.toString());
        }
        return value;
    }
}
