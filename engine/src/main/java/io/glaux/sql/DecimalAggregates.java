package io.glaux.sql;

import io.glaux.sql.function.CheckedCasts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Decimal sums and averages as Trino computes them. A decimal sum past 38 digits fails with
 * NUMERIC_VALUE_OUT_OF_RANGE {@code Decimal overflow} instead of answering a value its type cannot hold. An average
 * of decimal(p, s) is decimal(p, s), but Calcite casts the running sum to the average's type before dividing it, so
 * the average becomes a decimal(38, s) sum and a count, divided exactly above the aggregate (rounded half up) at
 * scale s (an average lies between the smallest and largest value, so it fits decimal(p, s)). Applied by {@link TrinoSemantics}.
 */
final class DecimalAggregates {

    private DecimalAggregates() {
    }

    /** {@code rel} with its decimal sums checked and averages widened, or {@code rel} if it has none. */
    static RelNode rewrite(RelNode rel) {
        if (!(rel instanceof Aggregate aggregate) || aggregate.getAggCallList().stream()
                .noneMatch(c -> isDecimal(c.getType()) && (isAverage(c) || isSum(c)))) {
            return rel;
        }
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        List<AggregateCall> calls = new ArrayList<>();
        List<RexNode> columns = new ArrayList<>();
        int groups = aggregate.getGroupCount();
        for (int i = 0; i < groups; i++) {
            columns.add(rexBuilder.makeInputRef(aggregate.getRowType().getFieldList().get(i).getType(), i));
        }
        for (AggregateCall c : aggregate.getAggCallList()) {
            RexNode column = rexBuilder.makeInputRef(c.getType(), groups + calls.size());
            if (isDecimal(c.getType()) && isAverage(c)) {
                AggregateCall sum = like(c, SqlStdOperatorTable.SUM, aggregate);
                AggregateCall count = like(c, SqlStdOperatorTable.COUNT, aggregate);
                RexNode sumRef = rexBuilder.makeInputRef(sum.getType(), groups + calls.size());
                RexNode countRef = rexBuilder.makeInputRef(count.getType(), groups + calls.size() + 1);
                calls.add(sum);
                calls.add(count);
                // The sum is NULL when nothing was counted.
                column = CheckedCasts.average(rexBuilder, c.getType(), sumRef, countRef);
            } else {
                calls.add(c);
                if (isDecimal(c.getType()) && isSum(c) && mayOverflow(c, aggregate)) {
                    column = CheckedCasts.checkDecimal(rexBuilder, column);
                }
            }
            columns.add(column);
        }
        Aggregate split = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls);
        return LogicalProject.create(split, List.of(), columns, aggregate.getRowType().getFieldNames(),
                java.util.Set.of());
    }

    /** {@code c}'s arguments, DISTINCT and FILTER under another aggregate function, typed by that function. */
    private static AggregateCall like(AggregateCall c, SqlAggFunction function, Aggregate aggregate) {
        return AggregateCall.create(function, c.isDistinct(), c.isApproximate(), c.ignoreNulls(), c.rexList,
                c.getArgList(), c.filterArg, c.distinctKeys, c.getCollation(), aggregate.getGroupCount(),
                aggregate.getInput(), null, null);
    }

    /**
     * A sum of decimal(p, s) with p at most 19 stays within 38 digits over fewer than 10^19 rows; only wider
     * arguments are checked (so the common sums keep their vectorized plans).
     */
    private static boolean mayOverflow(AggregateCall c, Aggregate aggregate) {
        return c.getArgList().size() != 1 || aggregate.getInput().getRowType().getFieldList()
                .get(c.getArgList().get(0)).getType().getPrecision() > 19;
    }

    private static boolean isDecimal(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    private static boolean isAverage(AggregateCall c) {
        return c.getAggregation().getKind() == SqlKind.AVG;
    }

    private static boolean isSum(AggregateCall c) {
        return c.getAggregation().getKind() == SqlKind.SUM || c.getAggregation().getKind() == SqlKind.SUM0;
    }
}
