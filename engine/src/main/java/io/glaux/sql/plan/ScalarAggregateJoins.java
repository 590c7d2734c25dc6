package io.glaux.sql.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A WHERE conjunct that compares with a correlated scalar aggregate, {@code x < (SELECT 0.2 * avg(q) FROM t WHERE
 * t.k = outer.k)} (TPC-H Q17, Q2), becomes a join with the aggregate grouped by the correlated key,
 * {@code (SELECT k, avg(q) FROM t GROUP BY k)}, on {@code k = outer.k}, and the comparison a filter above it. Calcite's
 * decorrelation computes the outer query's distinct keys first and joins the sub-query to them, reading the outer
 * tables once more.
 *
 * <p>It holds only where an outer row without a group gives the same answer as the sub-query's NULL: what the
 * sub-query selects is NULL when its {@code sum}, {@code avg}, {@code min} and {@code max} are (as over no rows; a
 * {@code count} is 0 there), and the comparison is a conjunct of the filter, so a NULL drops the row as the missing
 * group does. The correlation must be equalities of a column of the sub-query's uncorrelated part with the outer row,
 * in filters below the aggregate (see {@link PulledSubQuery}); anything else is left to Calcite.
 */
public final class ScalarAggregateJoins extends SubQueryConjunctRule<ScalarAggregateJoins.Comparison> {

    public static final ScalarAggregateJoins INSTANCE = new ScalarAggregateJoins();

    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
    private static final Set<SqlKind> NULL_WHEN_EMPTY = Set.of(SqlKind.SUM, SqlKind.AVG, SqlKind.MIN, SqlKind.MAX);

    private ScalarAggregateJoins() {
        super("ScalarAggregateJoins");
    }

    @Override
    Optional<Comparison> recognise(RexNode conjunct, Set<CorrelationId> correlations) {
        return Comparison.of(conjunct, correlations);
    }

    /**
     * A comparison of {@code operand} with a scalar sub-query {@code value(aggregate(...))}, its correlation pulled out
     * of the aggregate's input.
     */
    record Comparison(RexCall call, RexSubQuery subQuery, LogicalAggregate aggregate, RexNode value,
                      PulledSubQuery input, List<Integer> keys, List<RexNode> outerKeys) implements Rewrite {

        static Optional<Comparison> of(RexNode conjunct, Set<CorrelationId> correlations) {
            if (!(conjunct instanceof RexCall call) || !COMPARISONS.contains(call.getKind())
                    || call.getOperands().size() != 2) {
                return Optional.empty();
            }
            RexSubQuery subQuery = null;
            for (RexNode operand : call.getOperands()) {
                if (operand instanceof RexSubQuery scalar && scalar.isA(SqlKind.SCALAR_QUERY)) {
                    subQuery = scalar;
                } else if (RexUtil.SubQueryFinder.find(operand) != null) {
                    return Optional.empty();
                }
            }
            if (subQuery == null || !PulledSubQuery.isCorrelated(subQuery.rel, correlations)) {
                return Optional.empty();
            }
            RelNode top = subQuery.rel;
            RexNode value = new RexInputRef(0, top.getRowType().getFieldList().get(0).getType());
            while (top instanceof LogicalProject project && !RexUtil.containsCorrelation(value)
                    && RexUtil.SubQueryFinder.find(project.getProjects()) == null) {
                value = RelOptUtil.pushPastProject(value, project);
                top = project.getInput();
            }
            if (!(top instanceof LogicalAggregate aggregate) || !aggregate.getGroupSet().isEmpty()
                    || aggregate.getGroupType() != Aggregate.Group.SIMPLE || !plainCalls(aggregate)
                    || RexUtil.containsCorrelation(value) || !Strong.isNull(value, nullWhenEmpty(aggregate))) {
                return Optional.empty();
            }
            Optional<PulledSubQuery> pulled = PulledSubQuery.of(aggregate.getInput(), correlations);
            if (pulled.isEmpty() || pulled.get().correlated().isEmpty()) {
                return Optional.empty();
            }
            List<Integer> keys = new ArrayList<>();
            List<RexNode> outerKeys = new ArrayList<>();
            for (RexNode condition : pulled.get().correlated()) {
                if (!keyEquality(condition, correlations, keys, outerKeys)) {
                    return Optional.empty();
                }
            }
            for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
                for (int arg : aggregateCall.getArgList()) {
                    if (refersToOuterRow(pulled.get().columns().get(arg))) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Comparison(call, subQuery, aggregate, value, pulled.get(), keys, outerKeys));
        }

        private static boolean plainCalls(LogicalAggregate aggregate) {
            return aggregate.getAggCallList().stream().allMatch(call -> call.filterArg < 0
                    && call.getCollation().getFieldCollations().isEmpty());
        }

        /** The aggregate's outputs that are NULL over no rows (sum, avg, min, max; count is 0). */
        private static ImmutableBitSet nullWhenEmpty(LogicalAggregate aggregate) {
            ImmutableBitSet.Builder outputs = ImmutableBitSet.builder();
            List<AggregateCall> calls = aggregate.getAggCallList();
            for (int i = 0; i < calls.size(); i++) {
                if (NULL_WHEN_EMPTY.contains(calls.get(i).getAggregation().getKind())) {
                    outputs.set(i);
                }
            }
            return outputs.build();
        }

        /** Whether {@code condition} is {@code column = expression of the outer row}; if so, records both sides. */
        private static boolean keyEquality(RexNode condition, Set<CorrelationId> correlations, List<Integer> keys,
                                           List<RexNode> outerKeys) {
            if (!condition.isA(SqlKind.EQUALS)) {
                return false;
            }
            List<RexNode> sides = ((RexCall) condition).getOperands();
            for (int i = 0; i < 2; i++) {
                RexNode column = sides.get(i);
                RexNode outer = sides.get(1 - i);
                if (column instanceof RexInputRef ref && !refersToInner(outer)) {
                    keys.add(ref.getIndex());
                    outerKeys.add(outer);
                    return true;
                }
            }
            return false;
        }

        private static boolean refersToInner(RexNode node) {
            return !RelOptUtil.InputFinder.bits(node).isEmpty();
        }

        private static boolean refersToOuterRow(RexNode node) {
            RelOptUtil.VariableUsedVisitor visitor = new RelOptUtil.VariableUsedVisitor(null);
            node.accept(visitor);
            return !visitor.variables.isEmpty();
        }

        /** {@code outer} joined with the aggregate grouped by the keys, filtered by the comparison, outer columns only. */
        @Override
        public RelNode apply(RelNode outer, RelBuilder builder) {
            RexBuilder rexBuilder = outer.getCluster().getRexBuilder();
            int width = outer.getRowType().getFieldCount();
            List<RexNode> outerSides = input.inJoin(outerKeys, outer, width);
            builder.push(onlyOuterKeys(input.base(), outer, outerSides, rexBuilder));
            List<RexNode> projected = new ArrayList<>();
            for (int key : keys) {
                projected.add(builder.field(key));
            }
            // Each aggregate's arguments, as expressions of base's columns, after the keys.
            List<List<Integer>> argPositions = new ArrayList<>();
            for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
                List<Integer> positions = new ArrayList<>();
                for (int arg : aggregateCall.getArgList()) {
                    positions.add(projected.size());
                    projected.add(input.columns().get(arg));
                }
                argPositions.add(positions);
            }
            builder.project(projected);
            List<RelBuilder.AggCall> calls = new ArrayList<>();
            for (int c = 0; c < aggregate.getAggCallList().size(); c++) {
                AggregateCall aggregateCall = aggregate.getAggCallList().get(c);
                List<RexNode> args = new ArrayList<>();
                for (int position : argPositions.get(c)) {
                    args.add(builder.field(position));
                }
                calls.add(builder.aggregateCall(aggregateCall.getAggregation(), args)
                        .distinct(aggregateCall.isDistinct()).as(aggregateCall.getName()));
            }
            builder.aggregate(builder.groupKey(ImmutableBitSet.range(keys.size())), calls);
            RelNode grouped = builder.build();
            List<RexNode> on = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                RexNode key = rexBuilder.makeInputRef(grouped.getRowType().getFieldList().get(i).getType(), width + i);
                on.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, key, outerSides.get(i)));
            }
            RelNode joined = LogicalJoin.create(outer, grouped, List.of(), RexUtil.composeConjunction(rexBuilder, on),
                    Set.of(), JoinRelType.INNER);
            int aggregates = width + keys.size();
            RexNode compared = new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return rexBuilder.makeInputRef(grouped.getRowType().getFieldList().get(keys.size()
                            + ref.getIndex()).getType(), aggregates + ref.getIndex());
                }
            }.apply(value);
            List<RexNode> operands = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
                operands.add(operand == subQuery ? compared : operand);
            }
            RelNode kept = LogicalFilter.create(joined, rexBuilder.makeCall(call.getOperator(), operands));
            return LogicalProject.create(kept, List.of(), rexBuilder.identityProjects(outer.getRowType()),
                    outer.getRowType().getFieldNames(), Set.of());
        }

        /**
         * {@code base}, semi-joined on the keys to where the outer rows' keys come from when that drops rows (Q17's
         * parts of one brand and container): the groups no outer row joins are then not computed. Outer keys that are
         * not plain columns leave base whole.
         */
        private RelNode onlyOuterKeys(RelNode base, RelNode outer, List<RexNode> outerSides, RexBuilder rexBuilder) {
            List<Integer> columns = new ArrayList<>();
            for (RexNode side : outerSides) {
                if (!(side instanceof RexInputRef ref)) {
                    return base;
                }
                columns.add(ref.getIndex());
            }
            KeySuperset source = KeySuperset.of(outer, columns);
            if (!source.selective()) {
                return base;
            }
            int baseWidth = base.getRowType().getFieldCount();
            List<RexNode> on = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                RexNode key = rexBuilder.makeInputRef(base, keys.get(i));
                RexNode sourceKey = rexBuilder.makeInputRef(source.rel().getRowType().getFieldList()
                        .get(source.keys().get(i)).getType(), baseWidth + source.keys().get(i));
                on.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, key, sourceKey));
            }
            return LogicalJoin.create(base, source.rel(), List.of(), RexUtil.composeConjunction(rexBuilder, on),
                    Set.of(), JoinRelType.SEMI);
        }
    }
}
