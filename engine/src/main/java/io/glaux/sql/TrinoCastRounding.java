package io.glaux.sql;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino rounds (half away from zero) when it casts a real or double to an integer type; Calcite's generated cast
 * truncates. This rewrites such casts to cast the rounded value. (Decimal casts round through the type system's
 * rounding mode.)
 */
final class TrinoCastRounding extends RelHomogeneousShuttle {

    private final RexShuttle casts;

    TrinoCastRounding(RexBuilder rexBuilder) {
        this.casts = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexCall visited = (RexCall) super.visitCall(call);
                if (visited.getKind() != SqlKind.CAST) {
                    return visited;
                }
                RexNode operand = visited.getOperands().get(0);
                if (SqlTypeName.APPROX_TYPES.contains(operand.getType().getSqlTypeName())
                        && SqlTypeName.INT_TYPES.contains(visited.getType().getSqlTypeName())) {
                    RexNode rounded = rexBuilder.makeCall(SqlStdOperatorTable.ROUND, operand);
                    return rexBuilder.makeCast(visited.getType(), rounded, false, visited.isA(SqlKind.SAFE_CAST));
                }
                return visited;
            }
        };
    }

    static RelNode apply(RelNode rel) {
        return rel.accept(new TrinoCastRounding(rel.getCluster().getRexBuilder()));
    }

    @Override
    public RelNode visit(RelNode other) {
        return super.visit(other).accept(casts);
    }
}
