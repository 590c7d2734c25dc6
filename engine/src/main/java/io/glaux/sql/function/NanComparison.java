package io.glaux.sql.function;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * In Trino NaN equals nothing, itself included: {@code nan() = nan()} is false and {@code nan() <> nan()} true.
 * Calcite's simplifier rewrites a comparison of an expression with itself ({@code x = x}) to {@code x IS NOT NULL},
 * which is true for NaN. A reflexive comparison of real or double values therefore also asks whether the value is
 * NaN: {@code x = x AND NOT is_nan(x)}, {@code x <> x OR is_nan(x)}; the simplifier may then reduce the comparison
 * itself as it likes.
 */
public final class NanComparison {
    private static final SqlOperator IS_NAN = new PlannedOperator("is_nan_value", ReturnTypes.BOOLEAN_NULLABLE,
            Double.class, "isNaN", call -> new Class<?>[] {double.class});

    private NanComparison() {
    }

    /** The NaN-aware form of {@code call}, or {@code call} itself if it is no reflexive comparison of doubles. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getOperands().size() != 2 || !call.getOperands().get(0).equals(call.getOperands().get(1))
                || !SqlTypeName.APPROX_TYPES.contains(call.getOperands().get(0).getType().getSqlTypeName())) {
            return call;
        }
        RexNode value = call.getOperands().get(0);
        RexNode isNan = rexBuilder.makeCall(IS_NAN, value);
        return switch (call.getKind()) {
            case EQUALS, LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL -> rexBuilder.makeCall(SqlStdOperatorTable.AND,
                    call, rexBuilder.makeCall(SqlStdOperatorTable.NOT, isNan));
            case NOT_EQUALS -> rexBuilder.makeCall(SqlStdOperatorTable.OR, call, isNan);
            default -> call;
        };
    }
}
