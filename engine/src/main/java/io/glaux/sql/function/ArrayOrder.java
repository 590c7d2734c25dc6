package io.glaux.sql.function;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Trino's ordering of array elements as Glaux holds them: numbers by value whatever their boxed form, strings,
 * booleans and dates by their natural order, arrays element by element (a shorter prefix first). NULLs sort last.
 * Values with no order (maps) are an error, as Trino refuses to sort them.
 */
final class ArrayOrder {
    /** Ascending with NULLs last, as array_sort orders. */
    static final Comparator<Object> NULLS_LAST = Comparator.nullsLast(ArrayOrder::compare);

    private ArrayOrder() {
    }

    /** Compares two non-NULL values of one SQL type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number && b instanceof Number && a.getClass() != b.getClass()) {
            if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
                return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            }
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = NULLS_LAST.compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        throw FunctionErrors.invalidArgument("Array contains elements not supported for comparison");
    }
}
