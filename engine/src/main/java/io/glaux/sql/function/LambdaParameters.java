package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.FunctionSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * The parameter types of a function's lambda operands, from the types of its other operands: in
 * {@code transform(ARRAY[1, 2], x -> x + 1)} the lambda's {@code x} is an INTEGER because the array's elements are.
 * An operand whose type is not known yet (ANY, inside a lambda not yet bound itself) gives ANY parameters.
 */
@FunctionalInterface
interface LambdaParameters {
    /** For signatures without lambdas. */
    LambdaParameters NONE = (operand, types, f) -> {
        throw new IllegalStateException("No lambda operand " + operand);
    };

    /**
     * The parameter types of the lambda at {@code operand}, given the operand types so far (lambdas bound earlier in
     * the same call already show their result type); the number of types is the arity the lambda must have.
     */
    List<RelDataType> of(int operand, List<RelDataType> types, RelDataTypeFactory typeFactory);

    /** One parameter: the elements of the array at {@code array}. */
    static LambdaParameters elementOf(int array) {
        return (operand, types, f) -> List.of(element(types.get(array), f));
    }

    /** Two parameters: the elements of the array at {@code array}, twice (comparators). */
    static LambdaParameters twoElementsOf(int array) {
        return (operand, types, f) -> List.of(element(types.get(array), f), element(types.get(array), f));
    }

    /** Two parameters: the elements of the arrays at {@code first} and {@code second}. */
    static LambdaParameters elementsOf(int first, int second) {
        return (operand, types, f) -> List.of(element(types.get(first), f), element(types.get(second), f));
    }

    /** Two parameters: the key and the value of the map at {@code map}. */
    static LambdaParameters entryOf(int map) {
        return (operand, types, f) -> List.of(key(types.get(map), f), value(types.get(map), f));
    }

    /** The element type of an array type; ANY if not known yet. */
    static RelDataType element(RelDataType array, RelDataTypeFactory f) {
        return nullable(array.getComponentType(), f);
    }

    /** The key type of a map type; ANY if not known yet. */
    static RelDataType key(RelDataType map, RelDataTypeFactory f) {
        return nullable(map.getSqlTypeName() == SqlTypeName.MAP ? map.getKeyType() : null, f);
    }

    /** The value type of a map type; ANY if not known yet. */
    static RelDataType value(RelDataType map, RelDataTypeFactory f) {
        return nullable(map.getSqlTypeName() == SqlTypeName.MAP ? map.getValueType() : null, f);
    }

    /** Whether a type is Trino's unknown (the NULL type, as the elements of {@code ARRAY[]}). */
    static boolean isUnknown(@Nullable RelDataType type) {
        return type != null && type.getSqlTypeName() == SqlTypeName.NULL;
    }

    /** The result type of a lambda operand's type, or null if it is not a bound lambda yet. */
    static @Nullable RelDataType resultOf(RelDataType lambda) {
        if (!(lambda instanceof FunctionSqlType)) {
            return null;
        }
        RelDataType result = ((FunctionSqlType) lambda).getReturnType();
        return result.getSqlTypeName() == SqlTypeName.ANY ? null : result;
    }

    /**
     * Lambda parameters are nullable whatever the operand's type says: arrays and maps hold NULLs, and the generated
     * lambda receives its arguments boxed.
     */
    static RelDataType nullable(@Nullable RelDataType type, RelDataTypeFactory f) {
        RelDataType t = type == null ? f.createSqlType(SqlTypeName.ANY) : type;
        return f.createTypeWithNullability(t, true);
    }
}
