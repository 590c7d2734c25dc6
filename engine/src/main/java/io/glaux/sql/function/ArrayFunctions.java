package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;

import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static io.glaux.sql.function.Arg.ANY;
import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.MAP;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's array and map functions over Glaux's values (array = {@link List}, map = {@link Map}). Functions that
 * print or compare elements receive the element's SQL type name as a hidden argument, because a DATE element is an
 * {@code Integer} and a TIMESTAMP element a {@code Long}.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {
    }

    /** Declares the array and map functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> a = ArrayFunctions.class;
        r.define(GlauxFunction.strict("cardinality", false,
                Signature.of(a, "cardinality", Returns.BIGINT, ARRAY), Signature.of(a, "cardinality", Returns.BIGINT,
                MAP)));
        r.define(GlauxFunction.strict("element_at", true,
                Signature.of(a, "elementAt", Returns.ELEMENT_OF_ARG0, ARRAY, BIGINT),
                Signature.of(a, "elementAt", Returns.VALUE_OF_ARG0, MAP, ANY)));
        r.define(GlauxFunction.nullAware("contains", Signature.of(a, "contains", Returns.BOOLEAN, ARRAY, ANY)));
        r.define(GlauxFunction.strict("array_position", false,
                Signature.of(a, "arrayPosition", Returns.BIGINT, ARRAY, ANY)));
        r.define(GlauxFunction.strict("array_distinct", false, Signature.of(a, "arrayDistinct", ReturnTypes.ARG0,
                ARRAY)));
        r.define(GlauxFunction.strict("array_join", false,
                Signature.withHidden(a, "arrayJoin", Returns.VARCHAR, 1, Returns.elementTypeOf(0), ARRAY, STRING),
                Signature.withHidden(a, "arrayJoin", Returns.VARCHAR, 1, Returns.elementTypeOf(0), ARRAY, STRING,
                STRING)));
    }

    public static long cardinality(List<?> array) {
        return array.size();
    }

    public static long cardinality(Map<?, ?> map) {
        return map.size();
    }

    /** element_at(array, index): 1-based, negative from the end, NULL outside the array; index 0 is an error. */
    public static Object elementAt(List<?> array, long index) {
        if (index == 0) {
            throw FunctionErrors.invalidArgument("SQL array indices start at 1");
        }
        long i = index > 0 ? index - 1 : array.size() + index;
        return i < 0 || i >= array.size() ? null : array.get((int) i);
    }

    /** element_at(map, key): the value, NULL if the key is absent. */
    public static Object elementAt(Map<?, ?> map, Object key) {
        if (key == null) {
            return null;
        }
        Object value = map.get(key);
        if (value != null || map.containsKey(key)) {
            return value;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (same(e.getKey(), key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** contains(array, x): true if found; NULL if not found but the array has NULLs; else false. */
    public static Boolean contains(List<?> array, Object value) {
        if (array == null || value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object element : array) {
            if (element == null) {
                sawNull = true;
            } else if (same(element, value)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    /** array_position(array, x): the 1-based position of the first x, 0 if absent. */
    public static long arrayPosition(List<?> array, Object value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) != null && same(array.get(i), value)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** array_join(array, separator): elements as varchar, NULLs skipped. */
    public static String arrayJoin(List<?> array, String separator, String elementType) {
        return join(array, separator, null, elementType);
    }

    /** array_join(array, separator, nullReplacement): NULLs replaced. */
    public static String arrayJoin(List<?> array, String separator, String nullReplacement, String elementType) {
        return join(array, separator, nullReplacement, elementType);
    }

    private static String join(List<?> array, String separator, String nullReplacement, String elementType) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object element : array) {
            String text = element == null ? nullReplacement : Varchars.of(element, elementType);
            if (text == null) {
                continue;
            }
            if (!first) {
                b.append(separator);
            }
            b.append(text);
            first = false;
        }
        return b.toString();
    }

    public static List<Object> arrayDistinct(List<?> array) {
        return new ArrayList<>(new LinkedHashSet<>(array));
    }

    public static List<Object> reverse(List<?> array) {
        List<Object> copy = new ArrayList<>(array);
        Collections.reverse(copy);
        return copy;
    }

    /** Equality across the boxed forms one SQL value can take (Integer vs Long, BigDecimal scales). */
    static boolean same(Object a, Object b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof Number && b instanceof Number) {
            if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
                return ((Number) a).doubleValue() == ((Number) b).doubleValue();
            }
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (a instanceof ByteString && b instanceof ByteString) {
            return a.equals(b);
        }
        return false;
    }
}
