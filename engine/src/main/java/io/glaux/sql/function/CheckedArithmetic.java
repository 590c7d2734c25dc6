package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Arrays;

/**
 * Integer {@code + - *}, unary minus and {@code abs} that fail on overflow as Trino's do: the planner replaces
 * Calcite's operators (which wrap around, as Java's arithmetic does) by operators implemented by
 * {@link TrinoArithmetic}, called with unboxed operands of the result's type, as Trino coerces both operands to it.
 * Decimal, real and double arithmetic is left to Calcite.
 */
public final class CheckedArithmetic {
    private static final SqlOperator ADD = binary("checked_add", "add");
    private static final SqlOperator SUBTRACT = binary("checked_subtract", "subtract");
    private static final SqlOperator MULTIPLY = binary("checked_multiply", "multiply");
    private static final SqlOperator NEGATE = unary("checked_negate", "negate");
    private static final SqlOperator ABS = unary("checked_abs", "abs");

    private CheckedArithmetic() {
    }

    /** The checked form of {@code call}, or {@code call} itself if it is no integer arithmetic. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (!SqlTypeName.INT_TYPES.contains(call.getType().getSqlTypeName())) {
            return call;
        }
        SqlOperator checked = switch (call.getKind()) {
            case PLUS -> call.getOperands().size() == 2 ? ADD : null;
            case MINUS -> SUBTRACT;
            case TIMES -> MULTIPLY;
            case MINUS_PREFIX -> NEGATE;
            default -> call.getOperator() == SqlStdOperatorTable.ABS ? ABS : null;
        };
        if (checked == null || call.getOperands().stream()
                .anyMatch(o -> !SqlTypeName.INT_TYPES.contains(o.getType().getSqlTypeName()))) {
            return call;
        }
        return rexBuilder.makeCall(call.getParserPosition(), call.getType(), checked, call.getOperands());
    }

    /**
     * The arithmetic a call computes: PLUS, MINUS, TIMES or MINUS_PREFIX for Calcite's operators and for their checked
     * forms alike (so that an executor with its own kernels, such as SPICE's, can compile both), else the call's kind.
     */
    public static SqlKind arithmeticKind(RexCall call) {
        SqlOperator operator = call.getOperator();
        if (operator == ADD) {
            return SqlKind.PLUS;
        }
        if (operator == SUBTRACT) {
            return SqlKind.MINUS;
        }
        if (operator == MULTIPLY) {
            return SqlKind.TIMES;
        }
        return operator == NEGATE ? SqlKind.MINUS_PREFIX : call.getKind();
    }

    private static SqlOperator binary(String name, String method) {
        return new PlannedOperator(name, ReturnTypes.LEAST_RESTRICTIVE, TrinoArithmetic.class, method,
                CheckedArithmetic::parameters);
    }

    private static SqlOperator unary(String name, String method) {
        return new PlannedOperator(name, ReturnTypes.ARG0, TrinoArithmetic.class, method,
                CheckedArithmetic::parameters);
    }

    /** Every operand as the primitive Java type of the result (Calcite's representation of the integer types). */
    private static Class<?>[] parameters(RexCall call) {
        Class<?> type = primitive(call.getType());
        Class<?>[] types = new Class<?>[call.getOperands().size()];
        Arrays.fill(types, type);
        return types;
    }

    private static Class<?> primitive(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> byte.class;
            case SMALLINT -> short.class;
            case INTEGER -> int.class;
            case BIGINT -> long.class;
            default -> throw new IllegalArgumentException("Not an integer type: " + type);
        };
    }
}
