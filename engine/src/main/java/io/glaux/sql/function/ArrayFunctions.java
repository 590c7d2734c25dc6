package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

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
    /**
     * The function an empty array constructor {@code ARRAY[]} becomes (Calcite's constructor requires an element);
     * its type is Trino's {@code array(unknown)}, an array of NULL type that widens to any array.
     */
    static final String EMPTY_ARRAY = "$empty_array";

    private static final SqlReturnTypeInference ARRAY_OF_UNKNOWN = b -> b.getTypeFactory().createArrayType(
            b.getTypeFactory().createSqlType(SqlTypeName.NULL), -1);

    /** concat(array1, array2, ...): the arrays' elements in order, of their common type. */
    static final Signature CONCAT_ARRAYS = Signature.variadic(ArrayFunctions.class, "concat",
            b -> b.getTypeFactory().leastRestrictive(b.collectOperandTypes()), ARRAY);
    /** concat(array, element): the array with the element appended. */
    static final Signature APPEND = Signature.of(ArrayFunctions.class, "append",
            b -> arrayWith(b, b.getOperandType(0), b.getOperandType(1)), ARRAY, ANY);
    /** concat(element, array): the array with the element prepended. */
    static final Signature PREPEND = Signature.of(ArrayFunctions.class, "prepend",
            b -> arrayWith(b, b.getOperandType(1), b.getOperandType(0)), ANY, ARRAY);

    private ArrayFunctions() {
    }

    /** The type of {@code array} with an element of type {@code element} added: the common element type. */
    static RelDataType arrayWith(SqlOperatorBinding b, RelDataType array, RelDataType element) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType common = f.leastRestrictive(List.of(array.getComponentType(), element));
        return common == null ? null : f.createArrayType(common, -1);
    }

    /** Declares the array and map functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> a = ArrayFunctions.class;
        r.add(GlauxFunction.strict(EMPTY_ARRAY, false, Signature.of(a, "emptyArray", ARRAY_OF_UNKNOWN)));
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
        r.define(GlauxFunction.strict("slice", false,
                Signature.of(a, "slice", ReturnTypes.ARG0, ARRAY, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("flatten", false, Signature.of(a, "flatten", INNER_ARRAY_OF_ARG0, ARRAY)));
        r.define(GlauxFunction.strict("array_union", false,
                Signature.of(a, "arrayUnion", ReturnTypes.ARG0, ARRAY, ARRAY)));
        r.define(GlauxFunction.strict("array_intersect", false,
                Signature.of(a, "arrayIntersect", ReturnTypes.ARG0, ARRAY, ARRAY)));
        r.define(GlauxFunction.strict("array_except", false,
                Signature.of(a, "arrayExcept", ReturnTypes.ARG0, ARRAY, ARRAY)));
        r.define(GlauxFunction.strict("array_max", true,
                Signature.of(a, "arrayMax", Returns.ELEMENT_OF_ARG0, ARRAY)));
        r.define(GlauxFunction.strict("array_min", true,
                Signature.of(a, "arrayMin", Returns.ELEMENT_OF_ARG0, ARRAY)));
        r.define(GlauxFunction.strict("array_remove", false,
                Signature.of(a, "arrayRemove", ReturnTypes.ARG0, ARRAY, ANY)));
        r.define(GlauxFunction.strict("arrays_overlap", true,
                Signature.of(a, "arraysOverlap", Returns.BOOLEAN, ARRAY, ARRAY)));
        r.define(GlauxFunction.nullAware("repeat", Signature.of(a, "repeat", ARRAY_OF_ARG0, ANY, BIGINT)));
        r.define(GlauxFunction.strict("combinations", false,
                Signature.of(a, "combinations", ARRAY_OF_ARG0, ARRAY, BIGINT)));
        r.define(GlauxFunction.strict("ngrams", false, Signature.of(a, "ngrams", ARRAY_OF_ARG0, ARRAY, BIGINT)));
        r.define(GlauxFunction.strict("zip", false, Signature.variadic(a, "zip", ArrayFunctions::zipType, ARRAY)));
        r.define(GlauxFunction.nonDeterministic("shuffle", Signature.of(a, "shuffle", ReturnTypes.ARG0, ARRAY)));
        r.define(GlauxFunction.strict("array_join", false,
                Signature.withHidden(a, "arrayJoin", Returns.VARCHAR, 1, Returns.elementTypeOf(0), ARRAY, STRING),
                Signature.withHidden(a, "arrayJoin", Returns.VARCHAR, 1, Returns.elementTypeOf(0), ARRAY, STRING,
                STRING)));
    }

    /**
     * A cast of {@code ARRAY[]} to another array type (made where the empty array widens, as in
     * {@code ARRAY[ARRAY[1], ARRAY[]]}) as the empty array of that type; {@code call} itself if it is no such cast.
     * Calcite's generated cast would convert each element from the NULL type, which does not compile.
     */
    public static RexNode retypeEmptyArray(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() != SqlKind.CAST || !(call.getOperands().get(0) instanceof RexCall operand)
                || !operand.getOperator().getName().equals(EMPTY_ARRAY)
                || call.getType().getSqlTypeName() != SqlTypeName.ARRAY) {
            return call;
        }
        return rexBuilder.makeCall(call.getType(), operand.getOperator(), List.of());
    }

    /** ARRAY[]: a new empty array. */
    public static List<Object> emptyArray() {
        return new ArrayList<>();
    }

    /** An array of operand 0's type. */
    private static final SqlReturnTypeInference ARRAY_OF_ARG0 =
            b -> b.getTypeFactory().createArrayType(b.getOperandType(0), -1);

    /** The elements' type of operand 0 (flatten: the inner array type). */
    private static final SqlReturnTypeInference INNER_ARRAY_OF_ARG0 = b -> {
        RelDataType element = b.getOperandType(0).getComponentType();
        return element == null ? null : b.getTypeFactory().createTypeWithNullability(element, false);
    };

    /** zip: an array of rows with one field per array, each nullable (the shorter arrays are padded). */
    private static RelDataType zipType(SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataTypeFactory.Builder row = f.builder();
        for (int i = 0; i < b.getOperandCount(); i++) {
            RelDataType element = b.getOperandType(i).getComponentType();
            if (element == null) {
                return null;
            }
            row.add("field" + i, f.createTypeWithNullability(element, true));
        }
        return f.createArrayType(row.build(), -1);
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

    /** array_sort(array): ascending, NULLs last; elements must be orderable. */
    public static List<Object> arraySort(List<?> array) {
        List<Object> copy = new ArrayList<>(array);
        copy.sort(ArrayOrder.NULLS_LAST);
        return copy;
    }

    /** slice(array, start, length): from 1-based {@code start} (negative: from the end), at most length elements. */
    public static List<Object> slice(List<?> array, long start, long length) {
        if (start == 0) {
            throw FunctionErrors.invalidArgument("SQL array indices start at 1");
        }
        if (length < 0) {
            throw FunctionErrors.invalidArgument("length must be greater than or equal to 0");
        }
        long from = start > 0 ? start - 1 : array.size() + start;
        if (from < 0 || from >= array.size()) {
            return new ArrayList<>();
        }
        long to = Math.min(array.size(), from + length);
        return new ArrayList<>(array.subList((int) from, (int) to));
    }

    /** flatten(array of arrays): the inner arrays' elements in order; NULL inner arrays are skipped. */
    public static List<Object> flatten(List<?> arrays) {
        List<Object> out = new ArrayList<>();
        for (Object inner : arrays) {
            if (inner != null) {
                out.addAll((List<?>) inner);
            }
        }
        return out;
    }

    /** array_union(x, y): the distinct elements of x then y, in order of first appearance. */
    public static List<Object> arrayUnion(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>();
        for (List<?> array : List.of(x, y)) {
            for (Object element : array) {
                addDistinct(out, element);
            }
        }
        return out;
    }

    /** array_intersect(x, y): the distinct elements of x that are in y, in x's order. */
    public static List<Object> arrayIntersect(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>();
        for (Object element : x) {
            if (indexOf(y, element) >= 0) {
                addDistinct(out, element);
            }
        }
        return out;
    }

    /** array_except(x, y): the distinct elements of x that are not in y, in x's order. */
    public static List<Object> arrayExcept(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>();
        for (Object element : x) {
            if (indexOf(y, element) < 0) {
                addDistinct(out, element);
            }
        }
        return out;
    }

    /** array_max(array): the greatest element; NULL if the array is empty or holds a NULL. */
    public static Object arrayMax(List<?> array) {
        return extreme(array, 1);
    }

    /** array_min(array): the least element; NULL if the array is empty or holds a NULL. */
    public static Object arrayMin(List<?> array) {
        return extreme(array, -1);
    }

    private static Object extreme(List<?> array, int sign) {
        Object best = null;
        for (Object element : array) {
            if (element == null) {
                return null;
            }
            if (best == null || sign * ArrayOrder.compare(element, best) > 0) {
                best = element;
            }
        }
        return best;
    }

    /** array_remove(array, x): without the elements equal to x (NULL elements stay). */
    public static List<Object> arrayRemove(List<?> array, Object value) {
        List<Object> out = new ArrayList<>();
        for (Object element : array) {
            if (element == null || !same(element, value)) {
                out.add(element);
            }
        }
        return out;
    }

    /** arrays_overlap(x, y): true if they share a non-NULL element; else NULL if either holds a NULL; else false. */
    public static Boolean arraysOverlap(List<?> x, List<?> y) {
        for (Object element : x) {
            if (element != null && indexOf(y, element) >= 0) {
                return true;
            }
        }
        return x.contains(null) || y.contains(null) ? null : false;
    }

    /** repeat(element, count): the element count times (NULL elements too); NULL count gives NULL. */
    public static List<Object> repeat(Object element, Long count) {
        if (count == null) {
            return null;
        }
        if (count < 0) {
            throw FunctionErrors.invalidArgument("count argument of repeat function must be greater than or equal to 0");
        }
        if (count > 10_000) {
            throw FunctionErrors.invalidArgument("count argument of repeat function must be less than or equal to 10000");
        }
        return new ArrayList<>(Collections.nCopies(count.intValue(), element));
    }

    /** combinations(array, n): the n-element combinations of the positions, in lexicographic order of positions. */
    public static List<Object> combinations(List<?> array, long n) {
        if (n < 0) {
            throw FunctionErrors.invalidArgument("combination size must not be negative: " + n);
        }
        if (n > 5) {
            throw FunctionErrors.invalidArgument("combination size must not exceed 5: " + n);
        }
        List<Object> out = new ArrayList<>();
        if (n > array.size()) {
            return out;
        }
        int[] idx = new int[(int) n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        while (true) {
            List<Object> combination = new ArrayList<>();
            for (int i : idx) {
                combination.add(array.get(i));
            }
            out.add(combination);
            int k = (int) n - 1;
            while (k >= 0 && idx[k] == array.size() - n + k) {
                k--;
            }
            if (k < 0) {
                return out;
            }
            idx[k]++;
            for (int j = k + 1; j < n; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    /** ngrams(array, n): the runs of n consecutive elements; the whole array if it is shorter than n. */
    public static List<Object> ngrams(List<?> array, long n) {
        if (n <= 0) {
            throw FunctionErrors.invalidArgument("N must be positive");
        }
        List<Object> out = new ArrayList<>();
        if (n >= array.size()) {
            out.add(new ArrayList<>(array));
            return out;
        }
        for (int i = 0; i + n <= array.size(); i++) {
            out.add(new ArrayList<>(array.subList(i, (int) (i + n))));
        }
        return out;
    }

    /** concat(a, b, ...) and {@code a || b} of arrays: the elements of each array in turn. */
    public static List<Object> concat(List<?>... arrays) {
        List<Object> out = new ArrayList<>();
        for (List<?> array : arrays) {
            out.addAll(array);
        }
        return out;
    }

    /** concat(array, x) and {@code array || x}: the array, then x. */
    public static List<Object> append(List<?> array, Object element) {
        List<Object> out = new ArrayList<>(array);
        out.add(element);
        return out;
    }

    /** concat(x, array) and {@code x || array}: x, then the array. */
    public static List<Object> prepend(Object element, List<?> array) {
        List<Object> out = new ArrayList<>(array.size() + 1);
        out.add(element);
        out.addAll(array);
        return out;
    }

    /** zip(a, b, ...): rows of the i-th elements, the shorter arrays padded with NULLs. */
    public static List<Object> zip(List<?>... arrays) {
        int n = 0;
        for (List<?> array : arrays) {
            n = Math.max(n, array.size());
        }
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[arrays.length];
            for (int k = 0; k < arrays.length; k++) {
                row[k] = i < arrays[k].size() ? arrays[k].get(i) : null;
            }
            out.add(row);
        }
        return out;
    }

    /** shuffle(array): a random permutation. */
    public static List<Object> shuffle(List<?> array) {
        List<Object> copy = new ArrayList<>(array);
        Collections.shuffle(copy, java.util.concurrent.ThreadLocalRandom.current());
        return copy;
    }

    private static void addDistinct(List<Object> out, Object element) {
        if (indexOf(out, element) < 0) {
            out.add(element);
        }
    }

    /** The position of a value in a list by SQL equality, NULL matching NULL (as DISTINCT treats it); -1 if absent. */
    private static int indexOf(List<?> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (e == null ? value == null : value != null && same(e, value)) {
                return i;
            }
        }
        return -1;
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
