package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static io.glaux.sql.function.Arg.ANY;
import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.FUNCTION;
import static io.glaux.sql.function.Arg.MAP;

/**
 * Trino's functions that take lambda expressions, over arrays ({@link List}) and maps ({@link Map}): transform,
 * filter, reduce, zip_with, any_match, all_match, none_match, array_sort with a comparator, map_filter,
 * transform_keys, transform_values. The lambdas arrive compiled (see {@link Lambdas}); {@link LambdaParameters} types
 * their parameters from the other operands. A lambda may use the row's columns ({@code transform(a, x -> x * price)}).
 */
public final class LambdaFunctions {
    private LambdaFunctions() {
    }

    /** Declares the functions taking lambdas. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> c = LambdaFunctions.class;
        LambdaParameters element = LambdaParameters.elementOf(0);
        LambdaParameters capturing = LambdaCapture.capturing(element);
        LambdaCapture.define(r, GlauxFunction.strict("transform", false,
                Signature.withLambdas(c, "transform", arrayOfResult(1), element, ARRAY, FUNCTION)),
                Signature.withLambdas(c, "transform", arrayOfResult(1), capturing, ARRAY, FUNCTION, ANY));
        LambdaCapture.define(r, GlauxFunction.strict("filter", false,
                Signature.withLambdas(c, "filter", ReturnTypes.ARG0, element, ARRAY, FUNCTION)),
                Signature.withLambdas(c, "filter", ReturnTypes.ARG0, capturing, ARRAY, FUNCTION, ANY));
        LambdaParameters reduce = LambdaFunctions::reduceParameters;
        LambdaCapture.define(r, GlauxFunction.nullAware("reduce",
                Signature.withLambdas(c, "reduce", resultOf(3), reduce, ARRAY, ANY, FUNCTION, FUNCTION)),
                Signature.withLambdas(c, "reduce", resultOf(3), LambdaCapture.capturing(reduce),
                        ARRAY, ANY, FUNCTION, FUNCTION, ANY));
        LambdaParameters elements = LambdaParameters.elementsOf(0, 1);
        LambdaCapture.define(r, GlauxFunction.strict("zip_with", false, Signature.withLambdas(c, "zipWith",
                arrayOfResult(2), elements, ARRAY, ARRAY, FUNCTION)), Signature.withLambdas(c, "zipWith",
                arrayOfResult(2), LambdaCapture.capturing(elements), ARRAY, ARRAY, FUNCTION, ANY));
        for (String match : List.of("any_match", "all_match", "none_match")) {
            String method = match.startsWith("any") ? "anyMatch" : match.startsWith("all") ? "allMatch" : "noneMatch";
            LambdaCapture.define(r, GlauxFunction.strict(match, true,
                    Signature.withLambdas(c, method, Returns.BOOLEAN, element, ARRAY, FUNCTION)),
                    Signature.withLambdas(c, method, Returns.BOOLEAN, capturing, ARRAY, FUNCTION, ANY));
        }
        LambdaParameters pair = LambdaParameters.twoElementsOf(0);
        LambdaCapture.define(r, GlauxFunction.strict("array_sort", false,
                Signature.of(ArrayFunctions.class, "arraySort", ReturnTypes.ARG0, ARRAY),
                Signature.withLambdas(c, "arraySort", ReturnTypes.ARG0, pair, ARRAY, FUNCTION)),
                Signature.withLambdas(c, "arraySort", ReturnTypes.ARG0, LambdaCapture.capturing(pair),
                        ARRAY, FUNCTION, ANY));
        LambdaParameters entry = LambdaParameters.entryOf(0);
        LambdaParameters capturingEntry = LambdaCapture.capturing(entry);
        LambdaCapture.define(r, GlauxFunction.strict("map_filter", false,
                Signature.withLambdas(c, "mapFilter", ReturnTypes.ARG0, entry, MAP, FUNCTION)),
                Signature.withLambdas(c, "mapFilter", ReturnTypes.ARG0, capturingEntry, MAP, FUNCTION, ANY));
        LambdaCapture.define(r, GlauxFunction.strict("transform_keys", false,
                Signature.withLambdas(c, "transformKeys", mapOf(1, true), entry, MAP, FUNCTION)),
                Signature.withLambdas(c, "transformKeys", mapOf(1, true), capturingEntry, MAP, FUNCTION, ANY));
        LambdaCapture.define(r, GlauxFunction.strict("transform_values", false,
                Signature.withLambdas(c, "transformValues", mapOf(1, false), entry, MAP, FUNCTION)),
                Signature.withLambdas(c, "transformValues", mapOf(1, false), capturingEntry, MAP, FUNCTION, ANY));
        LambdaParameters mapZipWith = LambdaFunctions::mapZipWithParameters;
        LambdaCapture.define(r, GlauxFunction.strict("map_zip_with", false, Signature.withLambdas(c, "mapZipWith",
                mapOf(2, false), LambdaCapture.packed(mapZipWith), MAP, MAP, FUNCTION)),
                Signature.withLambdas(c, "mapZipWith", mapOf(2, false), LambdaCapture.capturing(mapZipWith),
                        MAP, MAP, FUNCTION, ANY));
    }

    /** map_zip_with: the key and the two maps' values (NULL where a map lacks the key). */
    private static List<RelDataType> mapZipWithParameters(int operand, List<RelDataType> types,
            RelDataTypeFactory f) {
        return List.of(LambdaParameters.key(types.get(0), f), LambdaParameters.value(types.get(0), f),
                LambdaParameters.value(types.get(1), f));
    }

    /** An array of the result type of the lambda at {@code lambda}. */
    private static SqlReturnTypeInference arrayOfResult(int lambda) {
        return b -> {
            RelDataType result = LambdaParameters.resultOf(LambdaBinding.operandTypes(b).get(lambda));
            return result == null ? null : b.getTypeFactory().createArrayType(
                    LambdaParameters.nullable(result, b.getTypeFactory()), -1);
        };
    }

    /** The result type of the lambda at {@code lambda}. */
    private static SqlReturnTypeInference resultOf(int lambda) {
        return b -> LambdaParameters.resultOf(LambdaBinding.operandTypes(b).get(lambda));
    }

    /** The map at operand 0 with the result of the lambda at {@code lambda} as its keys or as its values. */
    private static SqlReturnTypeInference mapOf(int lambda, boolean resultIsKey) {
        return b -> {
            List<RelDataType> types = LambdaBinding.operandTypes(b);
            RelDataType result = LambdaParameters.resultOf(types.get(lambda));
            if (result == null) {
                return null;
            }
            RelDataTypeFactory f = b.getTypeFactory();
            RelDataType map = types.get(0);
            return resultIsKey
                    ? f.createMapType(f.createTypeWithNullability(result, false), map.getValueType())
                    : f.createMapType(map.getKeyType(), LambdaParameters.nullable(result, f));
        };
    }

    /**
     * reduce(array, initial, (s, x) -> ..., s -> ...): the state's type is the initial value's, widened to what the
     * input function returns ({@code reduce(a, 0, (s, x) -> s + x * 0.5, ...)} sums decimals).
     */
    private static List<RelDataType> reduceParameters(int operand, List<RelDataType> types, RelDataTypeFactory f) {
        RelDataType state = types.get(1);
        RelDataType input = LambdaParameters.resultOf(types.get(2));
        // Over ARRAY[] the input function never runs; its result's type (s + x with x unknown) must not widen s.
        if (input != null && !LambdaParameters.isUnknown(types.get(0).getComponentType())) {
            RelDataType wider = f.leastRestrictive(List.of(state, input));
            state = wider == null ? state : wider;
        }
        state = LambdaParameters.nullable(state, f);
        return operand == 2 ? List.of(state, LambdaParameters.element(types.get(0), f)) : List.of(state);
    }

    /**
     * map_zip_with(m1, m2, (k, v1, v2) -> v): each key of either map (m1's first) with the lambda's value for it;
     * the lambda receives the two values as one row ({@link LambdaCapture} packs it).
     */
    public static Map<Object, Object> mapZipWith(Map<?, ?> first, Map<?, ?> second, Function<?> lambda) {
        return mapZipWith(first, second, lambda, List.of());
    }

    /** map_zip_with with a lambda that uses values of the row, after the two values in its row; NULL map, NULL. */
    public static Map<Object, Object> mapZipWith(Map<?, ?> first, Map<?, ?> second, Function<?> lambda,
            Object captured) {
        if (first == null || second == null) {
            return null;
        }
        Set<Object> keys = new LinkedHashSet<>(first.keySet());
        keys.addAll(second.keySet());
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object key : keys) {
            out.put(key, Lambdas.call(lambda, key, LambdaCapture.row(captured, first.get(key), second.get(key))));
        }
        return out;
    }

    /** transform(array, x -> y): the lambda applied to each element. */
    public static List<Object> transform(List<?> array, Function<?> lambda) {
        return transform(array, e -> Lambdas.call(lambda, e));
    }

    /** transform with a lambda that uses a value of the row, passed as its second parameter; NULL array, NULL. */
    public static List<Object> transform(List<?> array, Function<?> lambda, Object captured) {
        return array == null ? null : transform(array, e -> Lambdas.call(lambda, e, captured));
    }

    private static List<Object> transform(List<?> array, java.util.function.Function<Object, Object> lambda) {
        List<Object> out = new ArrayList<>(array.size());
        for (Object element : array) {
            out.add(lambda.apply(element));
        }
        return out;
    }

    /** filter(array, x -> boolean): the elements for which the lambda is true (not false, not NULL). */
    public static List<Object> filter(List<?> array, Function<?> lambda) {
        return filter(array, e -> Lambdas.call(lambda, e));
    }

    /** filter with a lambda that uses a value of the row; NULL array, NULL. */
    public static List<Object> filter(List<?> array, Function<?> lambda, Object captured) {
        return array == null ? null : filter(array, e -> Lambdas.call(lambda, e, captured));
    }

    private static List<Object> filter(List<?> array, java.util.function.Function<Object, Object> lambda) {
        List<Object> out = new ArrayList<>();
        for (Object element : array) {
            if (Boolean.TRUE.equals(lambda.apply(element))) {
                out.add(element);
            }
        }
        return out;
    }

    /** reduce(array, initial, (s, x) -> s', s -> r): folds the elements from the initial state; NULL array, NULL. */
    public static Object reduce(List<?> array, Object initial, Function<?> input, Function<?> output) {
        return reduce(array, initial, input, (s, x) -> Lambdas.call(input, s, x), s -> Lambdas.call(output, s));
    }

    /**
     * reduce with lambdas that use values of the row ({@link LambdaCapture}): the input function receives the
     * element and the captured values as one row, the output function the captured row; NULL array, NULL.
     */
    public static Object reduce(List<?> array, Object initial, Function<?> input, Function<?> output,
            Object captured) {
        return reduce(array, initial, input, (s, x) -> Lambdas.call(input, s, LambdaCapture.row(captured, x)),
                s -> Lambdas.call(output, s, captured));
    }

    /**
     * The fold; the state is kept as the input function's state parameter's class: an integer initial state (or
     * step) of a bigint state is a bigint, as Trino coerces it to the state type.
     */
    private static Object reduce(List<?> array, Object initial, Function<?> lambda, BinaryOperator<Object> input,
            UnaryOperator<Object> output) {
        if (array == null) {
            return null;
        }
        Class<?> type = Lambdas.parameterClass(lambda, 0);
        Object state = Lambdas.as(type, initial);
        for (Object element : array) {
            state = Lambdas.as(type, input.apply(state, element));
        }
        return output.apply(state);
    }

    /** zip_with(a, b, (x, y) -> z): pairwise, the shorter array padded with NULLs. */
    public static List<Object> zipWith(List<?> a, List<?> b, Function<?> lambda) {
        int n = Math.max(a.size(), b.size());
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Lambdas.call(lambda, i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null));
        }
        return out;
    }

    /** zip_with with a lambda that uses values of the row ({@link LambdaCapture}); NULL if an array is. */
    public static List<Object> zipWith(List<?> a, List<?> b, Function<?> lambda, Object captured) {
        return a == null || b == null ? null : zipWith(a, b, LambdaCapture.packing(lambda, captured));
    }

    /** any_match: true if the lambda is true for some element; else NULL if it was NULL for some; else false. */
    public static Boolean anyMatch(List<?> array, Function<?> lambda) {
        return someResult(array, e -> Lambdas.call(lambda, e));
    }

    /** any_match with a lambda that uses a value of the row; NULL array, NULL. */
    public static Boolean anyMatch(List<?> array, Function<?> lambda, Object captured) {
        return array == null ? null : someResult(array, e -> Lambdas.call(lambda, e, captured));
    }

    /** all_match: false if the lambda is false for some element; else NULL if it was NULL for some; else true. */
    public static Boolean allMatch(List<?> array, Function<?> lambda) {
        return not(someResult(array, e -> not(Lambdas.call(lambda, e))));
    }

    /** all_match with a lambda that uses a value of the row; NULL array, NULL. */
    public static Boolean allMatch(List<?> array, Function<?> lambda, Object captured) {
        return array == null ? null : not(someResult(array, e -> not(Lambdas.call(lambda, e, captured))));
    }

    /** none_match: false if the lambda is true for some element; else NULL if it was NULL for some; else true. */
    public static Boolean noneMatch(List<?> array, Function<?> lambda) {
        return not(anyMatch(array, lambda));
    }

    /** none_match with a lambda that uses a value of the row; NULL array, NULL. */
    public static Boolean noneMatch(List<?> array, Function<?> lambda, Object captured) {
        return array == null ? null : not(anyMatch(array, lambda, captured));
    }

    /** Whether the test is true for some element, in three-valued logic. */
    private static Boolean someResult(List<?> array, java.util.function.Function<Object, Object> test) {
        boolean sawNull = false;
        for (Object element : array) {
            Object result = test.apply(element);
            if (result == null) {
                sawNull = true;
            } else if ((Boolean) result) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static Boolean not(Object b) {
        return b == null ? null : !(Boolean) b;
    }

    /** array_sort(array, (x, y) -> int): sorted by the comparator, which must answer -1, 0 or 1. */
    public static List<Object> arraySort(List<?> array, Function<?> comparator) {
        Object[] copy = array.toArray();
        Arrays.sort(copy, (x, y) -> {
            Object r = Lambdas.call(comparator, x, y);
            long v = r == null ? Long.MIN_VALUE : ((Number) r).longValue();
            if (v < -1 || v > 1) {
                throw FunctionErrors.invalidArgument("Lambda comparator must return either -1, 0, or 1");
            }
            return (int) v;
        });
        return new ArrayList<>(Arrays.asList(copy));
    }

    /** array_sort with a comparator that uses values of the row ({@link LambdaCapture}); NULL array, NULL. */
    public static List<Object> arraySort(List<?> array, Function<?> comparator, Object captured) {
        return array == null ? null : arraySort(array, LambdaCapture.packing(comparator, captured));
    }

    /** map_filter with a lambda that uses values of the row ({@link LambdaCapture}); NULL map, NULL. */
    public static Map<Object, Object> mapFilter(Map<?, ?> map, Function<?> lambda, Object captured) {
        return map == null ? null : mapFilter(map, LambdaCapture.packing(lambda, captured));
    }

    /** transform_keys with a lambda that uses values of the row ({@link LambdaCapture}); NULL map, NULL. */
    public static Map<Object, Object> transformKeys(Map<?, ?> map, Function<?> lambda, Object captured) {
        return map == null ? null : transformKeys(map, LambdaCapture.packing(lambda, captured));
    }

    /** transform_values with a lambda that uses values of the row ({@link LambdaCapture}); NULL map, NULL. */
    public static Map<Object, Object> transformValues(Map<?, ?> map, Function<?> lambda, Object captured) {
        return map == null ? null : transformValues(map, LambdaCapture.packing(lambda, captured));
    }

    /** map_filter(map, (k, v) -> boolean): the entries for which the lambda is true. */
    public static Map<Object, Object> mapFilter(Map<?, ?> map, Function<?> lambda) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (Boolean.TRUE.equals(Lambdas.call(lambda, k, v))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** transform_keys(map, (k, v) -> k'): new keys, which must be distinct and not NULL. */
    public static Map<Object, Object> transformKeys(Map<?, ?> map, Function<?> lambda) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object key = Lambdas.call(lambda, k, v);
            if (key == null) {
                throw FunctionErrors.invalidArgument("map key cannot be null");
            }
            if (out.containsKey(key)) {
                throw FunctionErrors.invalidArgument("Duplicate keys (" + key + ") are not allowed");
            }
            out.put(key, v);
        });
        return out;
    }

    /** transform_values(map, (k, v) -> v'): new values. */
    public static Map<Object, Object> transformValues(Map<?, ?> map, Function<?> lambda) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, Lambdas.call(lambda, k, v)));
        return out;
    }
}
