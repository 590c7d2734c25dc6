package io.glaux.sql.function;

import org.apache.calcite.sql.type.SqlReturnTypeInference;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * One overload of a Glaux aggregate: the operand kinds and result type rule (a {@link Signature} without a method)
 * and the {@link GlauxAccumulator} class that computes it, created per group with fixed constructor arguments
 * (e.g. whether it keeps the largest or the smallest values).
 */
final class AggregateSignature {
    final Signature shape;
    final Constructor<? extends GlauxAccumulator> constructor;
    final List<Object> constructorArgs;

    private AggregateSignature(Signature shape, Constructor<? extends GlauxAccumulator> constructor,
            List<Object> constructorArgs) {
        this.shape = shape;
        this.constructor = constructor;
        this.constructorArgs = constructorArgs;
    }

    /** An overload computed by {@code accumulator}'s public constructor taking {@code constructorArgs}. */
    static AggregateSignature of(Class<? extends GlauxAccumulator> accumulator, List<Object> constructorArgs,
            SqlReturnTypeInference returnType, Arg... args) {
        if (!Modifier.isPublic(accumulator.getModifiers())) {
            throw new IllegalStateException(accumulator + " must be public: generated code creates it");
        }
        for (Constructor<?> c : accumulator.getConstructors()) {
            if (c.getParameterCount() == constructorArgs.size() && fits(c.getParameterTypes(), constructorArgs)) {
                @SuppressWarnings("unchecked")
                Constructor<? extends GlauxAccumulator> typed = (Constructor<? extends GlauxAccumulator>) c;
                return new AggregateSignature(Signature.operands(returnType, args), typed, constructorArgs);
            }
        }
        throw new IllegalStateException("No public constructor " + accumulator.getSimpleName() + constructorArgs);
    }

    /** An overload computed by {@code accumulator}'s public no-argument constructor. */
    static AggregateSignature of(Class<? extends GlauxAccumulator> accumulator, SqlReturnTypeInference returnType,
            Arg... args) {
        return of(accumulator, List.of(), returnType, args);
    }

    private static boolean fits(Class<?>[] params, List<Object> values) {
        for (int i = 0; i < params.length; i++) {
            if (!Arg.boxed(params[i]).isInstance(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return constructor.getDeclaringClass().getSimpleName() + constructorArgs + Arrays.toString(
                shape.args.toArray());
    }
}
