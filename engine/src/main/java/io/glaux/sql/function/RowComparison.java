package io.glaux.sql.function;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code r = s} and {@code r <> s} of row values compare them field by field, as SQL does: equal when every pair of
 * fields is, unequal as soon as one pair is, NULL otherwise (a NULL field, or a NULL row); nested rows alike. Calcite
 * does so for two ROW constructors, but compares any other row values (columns, casts, nested rows) as the
 * {@code Object[]} of their fields, which is equal only to itself. Applied by {@code TrinoSemantics}, which rewrites
 * the fields' comparisons in turn. A join on rows ({@code x.r = y.r}) then joins on their fields: Calcite's
 * {@code JoinPushExpressionsRule} computes them below the join, which can hash its rows on them.
 */
public final class RowComparison {

    private RowComparison() {
    }

    /** Whether {@code call} compares two row values: {@code r = s} or {@code r <> s}. */
    public static boolean comparesRows(RexCall call) {
        return (call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.NOT_EQUALS)
                && call.getOperands().get(0).getType().isStruct() && call.getOperands().get(1).getType().isStruct()
                && call.getOperands().get(0).getType().getFieldCount()
                == call.getOperands().get(1).getType().getFieldCount();
    }

    /**
     * {@code call}, a comparison of row values ({@link #comparesRows}), as the comparisons of their fields, which
     * may compare rows in turn (nested rows).
     */
    public static RexNode expand(RexBuilder rexBuilder, RexCall call) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        List<RexNode> pairs = new ArrayList<>();
        for (int i = 0; i < left.getType().getFieldCount(); i++) {
            pairs.add(rexBuilder.makeCall(call.getOperator(), rexBuilder.makeFieldAccess(left, i),
                    rexBuilder.makeFieldAccess(right, i)));
        }
        RexNode compared = call.getKind() == SqlKind.EQUALS ? RexUtil.composeConjunction(rexBuilder, pairs)
                : RexUtil.composeDisjunction(rexBuilder, pairs);
        return compared.getType().equals(call.getType()) ? compared
                : rexBuilder.makeCast(call.getType(), compared, true, false);
    }
}
