package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.linq4j.function.Predicate2;

/**
 * Calls the lambdas generated code passes to Glaux functions. Calcite compiles {@code x -> expr} to a linq4j
 * {@link Function1}, or a {@link Predicate1} when the body is boolean (likewise with two parameters), so functions
 * receive the common {@link Function} type and call it through here. linq4j's code generation stops at two
 * parameters, so map_zip_with's lambda of three receives its two values as one row ({@link PackedParameter}).
 */
final class Lambdas {
    private Lambdas() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object call(Function<?> lambda, Object a) {
        if (lambda instanceof Function1) {
            return ((Function1) lambda).apply(a);
        }
        if (lambda instanceof Predicate1) {
            return ((Predicate1) lambda).apply(a);
        }
        throw new IllegalArgumentException("Not a lambda of one parameter: " + lambda.getClass());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object call(Function<?> lambda, Object a, Object b) {
        if (lambda instanceof Function2) {
            return ((Function2) lambda).apply(a, b);
        }
        if (lambda instanceof Predicate2) {
            return ((Predicate2) lambda).apply(a, b);
        }
        throw new IllegalArgumentException("Not a lambda of two parameters: " + lambda.getClass());
    }
}
