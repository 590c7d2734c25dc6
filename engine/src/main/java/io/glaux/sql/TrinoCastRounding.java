package io.glaux.sql;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino rounds (half away from zero) when it casts a real or double to an integer type; Calcite's generated cast
 * truncates. A cast of that kind becomes a cast of the rounded value. (Decimal casts round through the type system's
 * rounding mode.) Applied by {@link TrinoSemantics}.
 */
final class TrinoCastRounding {

    private TrinoCastRounding() {
    }

    /** The rounding form of {@code call}, or {@code call} itself if it is no cast of an approximate number. */
    static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() != SqlKind.CAST) {
            return call;
        }
        RexNode operand = call.getOperands().get(0);
        if (SqlTypeName.APPROX_TYPES.contains(operand.getType().getSqlTypeName())
                && SqlTypeName.INT_TYPES.contains(call.getType().getSqlTypeName())) {
            RexNode rounded = rexBuilder.makeCall(SqlStdOperatorTable.ROUND, operand);
            return rexBuilder.makeCast(call.getType(), rounded, false, call.isA(SqlKind.SAFE_CAST));
        }
        return call;
    }
}
