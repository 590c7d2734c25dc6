package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Numeric casts and decimal arithmetic that fail as Trino's do ({@link TrinoNumericCasts}): the planner replaces a
 * CAST that can lose a value (an integer to a narrower integer, a real or double to an integer, a number to a decimal
 * with fewer integer digits, a decimal to an integer type) by a checked call, and wraps decimal {@code + - *} in an overflow check. TRY_CAST
 * (Calcite's SAFE_CAST) keeps Calcite's NULL for a value out of range.
 */
public final class CheckedCasts {
    private static final SqlOperator TINYINT = cast("checked_tinyint", "toTinyint");
    private static final SqlOperator SMALLINT = cast("checked_smallint", "toSmallint");
    private static final SqlOperator INTEGER = cast("checked_integer", "toInteger");
    private static final SqlOperator BIGINT = cast("checked_bigint", "toBigint");
    private static final SqlOperator DECIMAL = new PlannedOperator("checked_decimal", ReturnTypes.ARG0,
            TrinoNumericCasts.class, "toDecimal",
            call -> new Class<?>[] {BigDecimal.class, String.class, int.class, int.class});
    private static final SqlOperator DECIMAL_TO_INTEGER = new PlannedOperator("checked_decimal_integer",
            ReturnTypes.BIGINT, TrinoNumericCasts.class, "decimalToInteger",
            call -> new Class<?>[] {BigDecimal.class, int.class, String.class, long.class});
    /**
     * decimal_average(sum, count, scale, precision): its type is decimal(precision, scale) read from the literals, so
     * a planner rule that rebuilds the call (decorrelation replacing the count) derives the type it had.
     */
    private static final SqlOperator AVERAGE = new PlannedOperator("decimal_average", CheckedCasts::averageType,
            TrinoNumericCasts.class, "average",
            call -> new Class<?>[] {BigDecimal.class, long.class, int.class, int.class});
    private static final SqlOperator DECIMAL_RESULT = new PlannedOperator("checked_decimal_result", ReturnTypes.ARG0,
            TrinoNumericCasts.class, "checkDecimal", call -> new Class<?>[] {BigDecimal.class, int.class});

    private static final int MAX_PRECISION = 38;

    private CheckedCasts() {
    }

    /** The checked form of {@code call}, or {@code call} itself if it is no cast or arithmetic that can overflow. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        RelDataType type = call.getType();
        // Below 38 digits Trino's result type holds any result.
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() >= MAX_PRECISION
                && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS
                || call.getKind() == SqlKind.TIMES) && call.getOperands().size() == 2) {
            return checkDecimal(rexBuilder, call);
        }
        if (call.getKind() != SqlKind.CAST) {
            return call;
        }
        RexNode operand = call.getOperands().get(0);
        SqlTypeName from = operand.getType().getSqlTypeName();
        boolean approximate = from == SqlTypeName.DOUBLE || from == SqlTypeName.FLOAT || from == SqlTypeName.REAL;
        boolean integer = SqlTypeName.INT_TYPES.contains(from);
        SqlOperator checked = switch (type.getSqlTypeName()) {
            case TINYINT -> approximate || narrower(SqlTypeName.TINYINT, from) ? TINYINT : null;
            case SMALLINT -> approximate || narrower(SqlTypeName.SMALLINT, from) ? SMALLINT : null;
            case INTEGER -> approximate || narrower(SqlTypeName.INTEGER, from) ? INTEGER : null;
            case BIGINT -> approximate ? BIGINT : null;
            default -> null;
        };
        if (from == SqlTypeName.DECIMAL && SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())) {
            RelDataType bigint = rexBuilder.getTypeFactory().createTypeWithNullability(
                    rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT), type.isNullable());
            RexNode integral = rexBuilder.makeCall(call.getParserPosition(), bigint, DECIMAL_TO_INTEGER, List.of(
                    operand, rexBuilder.makeLiteral(operand.getType().getPrecision(), intType(rexBuilder)),
                    rexBuilder.makeLiteral(type.getSqlTypeName().getName().toUpperCase(Locale.ROOT)),
                    rexBuilder.makeLiteral(BigDecimal.valueOf(maximum(type.getSqlTypeName())),
                            rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT))));
            return rexBuilder.makeCast(type, integral, false, false);
        }
        if (checked != null) {
            return rexBuilder.makeCall(call.getParserPosition(), type, checked, List.of(operand));
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL && (integer || from == SqlTypeName.DECIMAL)
                && (integerDigits(operand.getType()) > type.getPrecision() - type.getScale()
                || !integer && operand.getType().getScale() > type.getScale())) {
            RexNode decimal = rexBuilder.makeCast(
                    rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DECIMAL,
                            rexBuilder.getTypeFactory().getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL),
                            integer ? 0 : operand.getType().getScale()), operand);
            return rexBuilder.makeCall(call.getParserPosition(), type, DECIMAL, List.of(decimal,
                    rexBuilder.makeLiteral(sourceName(operand.getType())),
                    rexBuilder.makeLiteral(type.getPrecision(), intType(rexBuilder)),
                    rexBuilder.makeLiteral(type.getScale(), intType(rexBuilder))));
        }
        return call;
    }

    /** {@code decimal}, failing with {@code Decimal overflow} when its value needs more digits than its type has. */
    public static RexNode checkDecimal(RexBuilder rexBuilder, RexNode decimal) {
        return rexBuilder.makeCall(decimal.getType(), DECIMAL_RESULT,
                List.of(decimal, rexBuilder.makeLiteral(decimal.getType().getPrecision(), intType(rexBuilder))));
    }

    /** Whether {@code call} is the check {@link #checkDecimal} puts around a decimal result. */
    public static boolean isDecimalCheck(RexCall call) {
        return call.getOperator() == DECIMAL_RESULT;
    }

    private static long maximum(SqlTypeName type) {
        return switch (type) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** The exact average of decimal {@code sum} over {@code count} values, as {@code type}: NULL when sum is. */
    public static RexNode average(RexBuilder rexBuilder, RelDataType type, RexNode sum, RexNode count) {
        return rexBuilder.makeCall(type, AVERAGE, List.of(sum, count,
                rexBuilder.makeLiteral(type.getScale(), intType(rexBuilder)),
                rexBuilder.makeLiteral(type.getPrecision(), intType(rexBuilder))));
    }

    /** decimal(precision, scale) from the call's literals, NULL when the sum can be. */
    private static RelDataType averageType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType decimal = types.createSqlType(SqlTypeName.DECIMAL,
                binding.getOperandLiteralValue(3, Integer.class), binding.getOperandLiteralValue(2, Integer.class));
        return types.createTypeWithNullability(decimal, binding.getOperandType(0).isNullable());
    }

    private static RelDataType intType(RexBuilder rexBuilder) {
        return rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
    }

    /** True when {@code from} is an integer type holding values {@code to} cannot. */
    private static boolean narrower(SqlTypeName to, SqlTypeName from) {
        List<SqlTypeName> order = List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
                SqlTypeName.BIGINT);
        return order.contains(from) && order.indexOf(from) > order.indexOf(to);
    }

    private static int integerDigits(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> type.getPrecision() - type.getScale();
        };
    }

    /** The source type as Trino's cast messages name it: {@code DECIMAL(6, 1)}, {@code INTEGER}. */
    private static String sourceName(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL
                ? "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")"
                : type.getSqlTypeName().getName().toUpperCase(Locale.ROOT);
    }

    private static SqlOperator cast(String name, String method) {
        return new PlannedOperator(name, ReturnTypes.ARG0, TrinoNumericCasts.class, method, CheckedCasts::parameters);
    }

    /** The operand as its own Java representation: long for any integer, double or float for approximate types. */
    private static Class<?>[] parameters(RexCall call) {
        return switch (call.getOperands().get(0).getType().getSqlTypeName()) {
            case REAL -> new Class<?>[] {float.class};
            case DOUBLE, FLOAT -> new Class<?>[] {double.class};
            default -> new Class<?>[] {long.class};
        };
    }
}
