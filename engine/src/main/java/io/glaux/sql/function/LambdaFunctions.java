package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        r.define(GlauxFunction.strict("transform", false,
                Signature.withLambdas(c, "transform", arrayOfResult(1), element, ARRAY, FUNCTION)));
        r.define(GlauxFunction.strict("filter", false,
                Signature.withLambdas(c, "filter", ReturnTypes.ARG0, element, ARRAY, FUNCTION)));
        r.define(GlauxFunction.nullAware("reduce",
                Signature.withLambdas(c, "reduce", resultOf(3), LambdaFunctions::reduceParameters,
                        ARRAY, ANY, FUNCTION, FUNCTION)));
        r.define(GlauxFunction.strict("zip_with", false, Signature.withLambdas(c, "zipWith", arrayOfResult(2),
                LambdaParameters.elementsOf(0, 1), ARRAY, ARRAY, FUNCTION)));
        r.define(GlauxFunction.strict("any_match", true,
                Signature.withLambdas(c, "anyMatch", Returns.BOOLEAN, element, ARRAY, FUNCTION)));
        r.define(GlauxFunction.strict("all_match", true,
                Signature.withLambdas(c, "allMatch", Returns.BOOLEAN, element, ARRAY, FUNCTION)));
        r.define(GlauxFunction.strict("none_match", true,
                Signature.withLambdas(c, "noneMatch", Returns.BOOLEAN, element, ARRAY, FUNCTION)));
        r.define(GlauxFunction.strict("array_sort", false,
                Signature.of(ArrayFunctions.class, "arraySort", ReturnTypes.ARG0, ARRAY),
                Signature.withLambdas(c, "arraySort", ReturnTypes.ARG0, LambdaParameters.twoElementsOf(0),
                        ARRAY, FUNCTION)));
        LambdaParameters entry = LambdaParameters.entryOf(0);
        r.define(GlauxFunction.strict("map_filter", false,
                Signature.withLambdas(c, "mapFilter", ReturnTypes.ARG0, entry, MAP, FUNCTION)));
        r.define(GlauxFunction.strict("transform_keys", false,
                Signature.withLambdas(c, "transformKeys", mapOf(1, true), entry, MAP, FUNCTION)));
        r.define(GlauxFunction.strict("transform_values", false,
                Signature.withLambdas(c, "transformValues", mapOf(1, false), entry, MAP, FUNCTION)));
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
        if (input != null) {
            RelDataType wider = f.leastRestrictive(List.of(state, input));
            state = wider == null ? state : wider;
        }
        state = LambdaParameters.nullable(state, f);
        return operand == 2 ? List.of(state, LambdaParameters.element(types.get(0), f)) : List.of(state);
    }

    /** transform(array, x -> y): the lambda applied to each element. */
    public static List<Object> transform(List<?> array, Function<?> lambda) {
        List<Object> out = new ArrayList<>(array.size());
        for (Object element : array) {
            out.add(Lambdas.call(lambda, element));
        }
        return out;
    }

    /** filter(array, x -> boolean): the elements for which the lambda is true (not false, not NULL). */
    public static List<Object> filter(List<?> array, Function<?> lambda) {
        List<Object> out = new ArrayList<>();
        for (Object element : array) {
            if (Boolean.TRUE.equals(Lambdas.call(lambda, element))) {
                out.add(element);
            }
        }
        return out;
    }

    /** reduce(array, initial, (s, x) -> s', s -> r): folds the elements from the initial state; NULL array, NULL. */
    public static Object reduce(List<?> array, Object initial, Function<?> input, Function<?> output) {
        if (array == null) {
            return null;
        }
        Object state = initial;
        for (Object element : array) {
            state = Lambdas.call(input, state, element);
        }
        return Lambdas.call(output, state);
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

    /** any_match: true if the lambda is true for some element; else NULL if it was NULL for some; else false. */
    public static Boolean anyMatch(List<?> array, Function<?> lambda) {
        return someResult(array, element -> Lambdas.call(lambda, element));
    }

    /** all_match: false if the lambda is false for some element; else NULL if it was NULL for some; else true. */
    public static Boolean allMatch(List<?> array, Function<?> lambda) {
        Boolean someFalse = someResult(array, element -> negate(Lambdas.call(lambda, element)));
        return someFalse == null ? null : !someFalse;
    }

    /** none_match: false if the lambda is true for some element; else NULL if it was NULL for some; else true. */
    public static Boolean noneMatch(List<?> array, Function<?> lambda) {
        Boolean someTrue = anyMatch(array, lambda);
        return someTrue == null ? null : !someTrue;
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

    private static Object negate(Object b) {
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
