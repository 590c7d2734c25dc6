package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.linq4j.function.Predicate2;

import java.lang.reflect.Method;
import java.math.BigDecimal;

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

    /**
     * The class a generated lambda declares for its parameter at {@code index} (linq4j generates a typed
     * {@code apply} beside the bridge taking objects), {@code Object} if it declares none.
     */
    static Class<?> parameterClass(Function<?> lambda, int index) {
        for (Method m : lambda.getClass().getMethods()) {
            if (m.getName().equals("apply") && !m.isBridge() && m.getParameterCount() > index
                    && m.getParameterTypes()[index] != Object.class) {
                return m.getParameterTypes()[index];
            }
        }
        return Object.class;
    }

    /**
     * A number as the numeric class a lambda's parameter declares, as Trino coerces a value to the type of the
     * parameter it is passed as ({@code reduce}'s integer initial state for a bigint state); others as they are.
     */
    static Object as(Class<?> parameter, Object value) {
        if (!(value instanceof Number n) || parameter.isInstance(value)) {
            return value;
        }
        if (parameter == Long.class) {
            return n.longValue();
        }
        if (parameter == Integer.class) {
            return n.intValue();
        }
        if (parameter == Short.class) {
            return n.shortValue();
        }
        if (parameter == Byte.class) {
            return n.byteValue();
        }
        if (parameter == Double.class) {
            return n.doubleValue();
        }
        if (parameter == Float.class) {
            return n.floatValue();
        }
        if (parameter == BigDecimal.class) {
            return n instanceof Double || n instanceof Float ? new BigDecimal(n.toString())
                    : BigDecimal.valueOf(n.longValue());
        }
        return value;
    }
}
