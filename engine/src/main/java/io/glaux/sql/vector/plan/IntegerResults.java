package io.glaux.sql.vector.plan;

import io.glaux.sql.vector.Expressions;
import io.glaux.sql.function.TrinoArithmetic;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigInteger;

/**
 * The range a vectorized result of integer arithmetic must stay in. Trino fails an integer, bigint, smallint or
 * tinyint result outside its type (NUMERIC_VALUE_OUT_OF_RANGE, in {@link TrinoArithmetic}'s words); the kernels check
 * only where the bounds of the operands (the version's column statistics) allow a result outside it, and decimals,
 * whose bounds the compiler already keeps within a long, are never checked.
 */
final class IntegerResults {

    private IntegerResults() {
    }

    /** The range for a result of {@code type} whose values the operands bound to {@code [min, max]}. */
    static Expressions.Range range(RelDataType type, BigInteger min, BigInteger max) {
        SqlTypeName name = type.getSqlTypeName();
        if (!SqlTypeName.INT_TYPES.contains(name)) {
            return Expressions.Range.UNCHECKED;
        }
        long low = low(name);
        long high = high(name);
        if (min.compareTo(BigInteger.valueOf(low)) >= 0 && max.compareTo(BigInteger.valueOf(high)) <= 0) {
            return Expressions.Range.UNCHECKED;
        }
        String trinoName = switch (name) {
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            default -> "bigint";
        };
        return new Expressions.Range(low, high, (operator, a, b) -> TrinoArithmetic.overflow(trinoName,
                switch (operator) {
                    case PLUS -> '+';
                    case MINUS -> '-';
                    case TIMES -> '*';
                    case NEGATE -> 'n';
                }, a, b));
    }

    /** {@code bound} within what a value of {@code type} can be (the values that pass a check). */
    static BigInteger clamp(RelDataType type, BigInteger bound) {
        SqlTypeName name = type.getSqlTypeName();
        if (!SqlTypeName.INT_TYPES.contains(name)) {
            return bound;
        }
        return bound.max(BigInteger.valueOf(low(name))).min(BigInteger.valueOf(high(name)));
    }

    private static long low(SqlTypeName name) {
        return switch (name) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static long high(SqlTypeName name) {
        return switch (name) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
