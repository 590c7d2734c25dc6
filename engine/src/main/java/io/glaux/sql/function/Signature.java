package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One overload of a Glaux function: the operand kinds, the result type rule and the public static Java method that
 * implements it. A variadic signature repeats its last operand kind (zero or more times) and passes those operands to
 * the method as one array. Hidden arguments are constants computed from the operand types at code generation (e.g. an
 * array's element type, so that a function can format elements the way Trino casts them to varchar).
 */
final class Signature {
    final List<Arg> args;
    final boolean variadic;
    final SqlReturnTypeInference returnType;
    /** The implementing method; null for an aggregate's signature ({@link #operands}). */
    final @Nullable Method method;
    final Function<List<RelDataType>, List<Object>> hidden;
    /** The parameter types of the {@link Arg#FUNCTION} operands; none if there are none. */
    final LambdaParameters lambdaParameters;

    private Signature(List<Arg> args, boolean variadic, SqlReturnTypeInference returnType, @Nullable Method method,
            Function<List<RelDataType>, List<Object>> hidden, LambdaParameters lambdaParameters) {
        this.args = args;
        this.variadic = variadic;
        this.returnType = returnType;
        this.method = method;
        this.hidden = hidden;
        this.lambdaParameters = lambdaParameters;
    }

    static Signature of(Class<?> impl, String methodName, SqlReturnTypeInference returnType, Arg... args) {
        return build(impl, methodName, returnType, List.of(args), false, 0, types -> List.of());
    }

    /** Operand kinds and result type without a method: an aggregate's accumulator implements it. */
    static Signature operands(SqlReturnTypeInference returnType, Arg... args) {
        return new Signature(List.of(args), false, returnType, null, types -> List.of(), LambdaParameters.NONE);
    }

    static Signature variadic(Class<?> impl, String methodName, SqlReturnTypeInference returnType, Arg... args) {
        return build(impl, methodName, returnType, List.of(args), true, 0, types -> List.of());
    }

    static Signature variadicWithHidden(Class<?> impl, String methodName, SqlReturnTypeInference returnType,
            int hiddenCount, Function<List<RelDataType>, List<Object>> hidden, Arg... args) {
        return build(impl, methodName, returnType, List.of(args), true, hiddenCount, hidden);
    }

    static Signature withHidden(Class<?> impl, String methodName, SqlReturnTypeInference returnType,
            int hiddenCount, Function<List<RelDataType>, List<Object>> hidden, Arg... args) {
        return build(impl, methodName, returnType, List.of(args), false, hiddenCount, hidden);
    }

    /** A signature with lambda operands ({@link Arg#FUNCTION}), whose parameter types {@code parameters} gives. */
    static Signature withLambdas(Class<?> impl, String methodName, SqlReturnTypeInference returnType,
            LambdaParameters parameters, Arg... args) {
        return build(impl, methodName, returnType, List.of(args), false, 0, types -> List.of())
                .lambdas(parameters);
    }

    private Signature lambdas(LambdaParameters parameters) {
        return new Signature(args, variadic, returnType, method, hidden, parameters);
    }

    boolean hasLambdas() {
        return args.contains(Arg.FUNCTION);
    }

    private static Signature build(Class<?> impl, String methodName, SqlReturnTypeInference returnType,
            List<Arg> args, boolean variadic, int hiddenCount, Function<List<RelDataType>, List<Object>> hidden) {
        List<Method> found = new ArrayList<>();
        for (Method m : impl.getMethods()) {
            if (m.getName().equals(methodName) && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == args.size() + hiddenCount && fits(m, args, variadic)) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one method " + impl.getSimpleName() + "." + methodName
                    + " for " + args + (variadic ? "..." : "") + ", found " + found);
        }
        return new Signature(args, variadic, returnType, found.get(0), hidden, LambdaParameters.NONE);
    }

    private static boolean fits(Method m, List<Arg> args, boolean variadic) {
        Class<?>[] params = m.getParameterTypes();
        for (int i = 0; i < args.size(); i++) {
            Class<?> param = params[i];
            if (variadic && i == args.size() - 1) {
                if (!param.isArray()) {
                    return false;
                }
                param = param.getComponentType();
            }
            if (!args.get(i).fitsParameter(param)) {
                return false;
            }
        }
        return true;
    }

    boolean matches(List<RelDataType> types) {
        int fixed = variadic ? args.size() - 1 : args.size();
        if (variadic ? types.size() < fixed : types.size() != fixed) {
            return false;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!argAt(i).accepts(types.get(i))) {
                return false;
            }
        }
        return true;
    }

    Arg argAt(int i) {
        return i < args.size() ? args.get(i) : args.get(args.size() - 1);
    }

    int minArgs() {
        return variadic ? args.size() - 1 : args.size();
    }

    /** The maximum number of operands, -1 if unbounded. */
    int maxArgs() {
        return variadic ? -1 : args.size();
    }

    String describe(String name) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(args.get(i).name().toLowerCase(java.util.Locale.ROOT));
            if (variadic && i == args.size() - 1) {
                b.append("...");
            }
        }
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        return method == null ? describe("aggregate")
                : method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
