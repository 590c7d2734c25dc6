package io.glaux.sql.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sub-queries that only decide whether an outer row is kept become semi and anti joins, before Calcite's own removal
 * of sub-queries sees them. A conjunct of a {@code WHERE} condition that is
 * <ul>
 *   <li>{@code EXISTS (q)} correlated with the outer row becomes a semi join, {@code NOT EXISTS (q)} an anti join, on
 *       the correlated conditions of {@code q} (equalities become the hash keys, others such as TPC-H Q21's
 *       {@code l3.l_suppkey <> l1.l_suppkey} are checked for each candidate);</li>
 *   <li>{@code x IN (q)} a semi join on {@code x = q's column} (and {@code q}'s correlated conditions);</li>
 *   <li>{@code x NOT IN (q)} an anti join that keeps Trino's three-valued logic: a NULL among {@code q}'s values, or a
 *       NULL {@code x} against a non-empty {@code q}, makes the predicate NULL, so the row is dropped. Where {@code x}
 *       or the column may be NULL, an uncorrelated {@code q} is anti-joined on the equality and then on one row of
 *       counts of {@code q}; a correlated one on {@code x = v OR x IS NULL OR v IS NULL} beside its conditions.</li>
 * </ul>
 * Calcite's removal would instead join the outer query to an aggregate of the sub-query and its decorrelation computes
 * the outer query's distinct correlation values once more for each sub-query: TPC-H Q21 read lineitem six times.
 *
 * <p>A correlated sub-query is converted only when its correlation sits in filters over a part that is not correlated:
 * Projects and Filters down to an uncorrelated input (for {@code EXISTS}, also a grouping Aggregate or a Sort above
 * them, which do not change whether a row exists), and only where the filter itself is not inside a sub-query
 * correlated with a row further out. Anything else (sub-queries under OR, scalar sub-queries, which
 * {@link ScalarAggregateJoins} may take, correlation inside joins or aggregates) is left to Calcite.
 */
public final class SemiJoinSubQueries extends SubQueryConjunctRule<SemiJoinSubQueries.Filtering> {

    public static final SemiJoinSubQueries INSTANCE = new SemiJoinSubQueries();

    private SemiJoinSubQueries() {
        super("SemiJoinSubQueries");
    }

    @Override
    Optional<Filtering> recognise(RexNode conjunct, Set<CorrelationId> correlations) {
        return Filtering.of(conjunct, correlations);
    }

    /** One conjunct as a join that keeps or drops the outer rows. */
    record Filtering(JoinRelType type, PulledSubQuery inner, List<RexNode> operands, boolean nullAwareNotIn,
                     boolean correlated) implements Rewrite {

        /** The conjunct as a semi or anti join, or empty when it is not one this rule converts. */
        static Optional<Filtering> of(RexNode conjunct, Set<CorrelationId> correlations) {
            boolean negated = conjunct.isA(SqlKind.NOT);
            RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
            if (!(operand instanceof RexSubQuery subQuery)) {
                return Optional.empty();
            }
            JoinRelType type = negated ? JoinRelType.ANTI : JoinRelType.SEMI;
            boolean correlated = PulledSubQuery.isCorrelated(subQuery.rel, correlations);
            if (subQuery.isA(SqlKind.EXISTS)) {
                // Calcite turns an uncorrelated EXISTS into a join with at most one row, which is as good.
                if (!correlated) {
                    return Optional.empty();
                }
                return PulledSubQuery.ofExists(subQuery.rel, correlations)
                        .map(inner -> new Filtering(type, inner, List.of(), false, true));
            }
            if (!subQuery.isA(SqlKind.IN)) {
                return Optional.empty();
            }
            List<RexNode> operands = subQuery.getOperands();
            if (RexUtil.SubQueryFinder.find(operands) != null || !allDeterministic(operands)) {
                return Optional.empty();
            }
            Optional<PulledSubQuery> pulled = PulledSubQuery.of(subQuery.rel, correlations);
            if (pulled.isEmpty()) {
                return Optional.empty();
            }
            boolean nullable = false;
            for (int i = 0; i < operands.size(); i++) {
                nullable |= operands.get(i).getType().isNullable()
                        || pulled.get().columns().get(i).getType().isNullable();
            }
            boolean nullAware = negated && nullable;
            if (nullAware && operands.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new Filtering(type, pulled.get(), operands, nullAware, correlated));
        }

        private static boolean allDeterministic(List<RexNode> nodes) {
            return nodes.stream().allMatch(RexUtil::isDeterministic);
        }

        /** {@code outer} with only the rows this conjunct keeps. */
        @Override
        public RelNode apply(RelNode outer, RelBuilder builder) {
            RexBuilder rexBuilder = outer.getCluster().getRexBuilder();
            int width = outer.getRowType().getFieldCount();
            List<RexNode> conditions = new ArrayList<>(inner.conditions(outer, width));
            List<RexNode> values = inner.outputs(outer, width);
            List<RexNode> equalities = new ArrayList<>();
            for (int i = 0; i < operands.size(); i++) {
                equalities.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, operands.get(i), values.get(i)));
            }
            if (!nullAwareNotIn) {
                conditions.addAll(0, equalities);
                return join(outer, inner.base(), conditions, rexBuilder);
            }
            RexNode x = operands.get(0);
            RexNode value = values.get(0);
            if (correlated) {
                // Correlated: the sub-query's rows depend on the outer row, so its NULLs are checked beside the
                // equality, for each outer row's own candidates (the correlated equalities stay hash keys).
                conditions.add(rexBuilder.makeCall(SqlStdOperatorTable.OR, equalities.get(0),
                        rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, x),
                        rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, value)));
                return join(outer, inner.base(), conditions, rexBuilder);
            }
            // Uncorrelated: drop the rows equal to a value, then all rows if the values hold a NULL, and the rows
            // whose x is NULL if there is any value; the last two against one row of counts (none if q is empty).
            RelNode unmatched = join(outer, inner.base(), equalities, rexBuilder);
            RelNode counts = counts(inner, builder);
            RexNode all = rexBuilder.makeInputRef(counts.getRowType().getFieldList().get(0).getType(), width);
            RexNode nonNull = rexBuilder.makeInputRef(counts.getRowType().getFieldList().get(1).getType(), width + 1);
            RexNode unknown = rexBuilder.makeCall(SqlStdOperatorTable.OR,
                    rexBuilder.makeCall(SqlStdOperatorTable.LESS_THAN, nonNull, all),
                    rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, x));
            return LogicalJoin.create(unmatched, counts, List.of(), unknown, Set.of(), JoinRelType.ANTI);
        }

        private RelNode join(RelNode outer, RelNode right, List<RexNode> conditions, RexBuilder rexBuilder) {
            return LogicalJoin.create(outer, right, List.of(), RexUtil.composeConjunction(rexBuilder, conditions),
                    Set.of(), type);
        }

        /** One row, {@code count(*)} and {@code count(value)} of the sub-query, when it has rows; else none. */
        private static RelNode counts(PulledSubQuery inner, RelBuilder builder) {
            builder.push(inner.base());
            builder.project(inner.outputs(inner.base(), 0).get(0));
            builder.aggregate(builder.groupKey(), builder.countStar("c"), builder.count(false, "cv", builder.field(0)));
            builder.filter(builder.greaterThan(builder.field(0), builder.literal(0)));
            return builder.build();
        }
    }
}
