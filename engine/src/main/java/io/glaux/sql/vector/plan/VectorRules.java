package io.glaux.sql.vector.plan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.function.CheckedCasts;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The planner rules that build {@link VectorQuery} nodes: one turns the table scan into a plain vectorized scan, the others
 * fold a filter, a projection, an aggregate or a top-N sitting on such a scan into it, each only when the vectorized
 * operators can compute it exactly ({@link VectorCompiler} decides, against the data being planned). Whatever is
 * not folded stays a Calcite operator above the scan.
 */
@SuppressWarnings("deprecation")
final class VectorRules {

    /** Top-N keeps candidate rows in memory; beyond this many, a sort is the better tool. */
    static final long MAX_TOP_N = 100_000;

    static final List<RelOptRule> ALL = List.of(new ScanRule(), new JoinRule(), new OneRowJoinRule(false),
            new OneRowJoinRule(true), new FilterRule(), new ProjectRule(),
            new AggregateRule(), new ResultRule(), new TopNRule(), new EnumerableRule());

    private VectorRules() {
    }

    /** Runs a check against the current version (or without data when there is none); false when unsupported. */
    private static boolean compiles(VectorQuery query, Consumer<VectorCompiler> check) {
        VectorSource.Lease lease = query.source().planningData();
        try {
            check.accept(new VectorCompiler(query.source().columns(), lease == null ? null : lease.data()));
            return true;
        } catch (VectorCompiler.Unsupported e) {
            return false;
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    /**
     * {@code condition} with its constant parts computed ({@code DATE '1994-01-01' + INTERVAL '1' YEAR} is a date),
     * as the vectorized operators compare columns with literals.
     */
    private static RexNode folded(RelNode rel, RexNode condition) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        RexExecutor executor = rel.getCluster().getPlanner().getExecutor() != null
                ? rel.getCluster().getPlanner().getExecutor() : RexUtil.EXECUTOR;
        return condition.accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                if (!(visited instanceof RexCall constant) || !RexUtil.isConstant(constant)
                        || constant.getOperator().isDynamicFunction() || !constant.getOperator().isDeterministic()) {
                    return visited;
                }
                List<RexNode> reduced = new ArrayList<>();
                try {
                    executor.reduce(rexBuilder, List.of(constant), reduced);
                } catch (RuntimeException e) {
                    // An expression that fails when computed (a cast of a bad literal) stays as it is.
                    return visited;
                }
                return reduced.size() == 1 && reduced.get(0) instanceof RexLiteral ? reduced.get(0) : visited;
            }
        });
    }

    /**
     * {@code expressions} without the overflow checks of 38 digits around columns held in 18 (an aggregate's sums,
     * {@link ResultSource}), which no value of theirs can fail; so a projection of such a sum stays a plain column, as
     * a join's side must be.
     */
    private static List<RexNode> withoutNeedlessChecks(List<RexNode> expressions, List<Column> columns) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (CheckedCasts.isDecimalCheck(call)
                        && call.getOperands().get(0) instanceof RexInputRef ref
                        && ref.getType().equals(call.getType())
                        && columns.get(ref.getIndex()).type() instanceof AthenaType.Decimal decimal
                        && ColumnLayout.isLongDecimal(decimal)
                        && call.getOperands().get(1) instanceof RexLiteral digits
                        && digits.getValueAs(Integer.class) >= decimal.precision()) {
                    return ref;
                }
                return super.visitCall(call);
            }
        };
        List<RexNode> result = new ArrayList<>();
        for (RexNode expression : expressions) {
            result.add(expression.accept(shuttle));
        }
        return result;
    }

    private static List<RexNode> substitute(List<RexNode> expressions, List<RexNode> projects) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return projects.get(ref.getIndex());
            }
        };
        List<RexNode> result = new ArrayList<>();
        for (RexNode expression : expressions) {
            result.add(expression.accept(shuttle));
        }
        return result;
    }

    /**
     * A logical query has an executable twin, except over a source read for each query
     * ({@link VectorSource#readsPerQuery}) when the query would not reduce its rows (an unfiltered row scan of a
     * table, or a LIMIT without an ORDER BY) or its columns would not fit (a filtered row scan of a table streams
     * them in parts). A row scan of a join, filtered or not, has the join's work to do and a twin when it fits.
     */
    static final class EnumerableRule extends RelOptRule {
        EnumerableRule() {
            super(operand(VectorQuery.class, Convention.NONE, none()), "VectorEnumerableRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            VectorQuery query = call.rel(0);
            VectorSource source = query.source();
            VectorQuerySpec spec = query.spec();
            if (source.readsPerQuery() && (spec.isRowScan()
                    ? source.computesRows() ? !source.canHold(spec.fields())
                            : spec.filter() == null || !source.streams(spec.fields())
                    : spec.topN() != null && spec.topN().collation().getFieldCollations().isEmpty()
                            || !source.canHold(spec.fields()))) {
                // An unfiltered row scan gains nothing; a LIMIT without ORDER BY stops the row operators' scan early,
                // read for the query, it would not.
                return;
            }
            call.transformTo(query.toEnumerable());
        }
    }

    static final class ScanRule extends RelOptRule {
        ScanRule() {
            super(operand(VectorTableScan.class, none()), "VectorScanRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            VectorTableScan scan = call.rel(0);
            RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (int i = 0; i < scan.getRowType().getFieldCount(); i++) {
                projects.add(rexBuilder.makeInputRef(scan, i));
            }
            call.transformTo(new VectorQuery(scan.getCluster(), VectorQuery.nameOf(scan.getTable()), scan.source(),
                    new VectorQuerySpec(null, projects, null, null), scan.getRowType()));
        }
    }

    /**
     * A join of two vectorized row scans becomes a scan of their join ({@link JoinSource}), so what sits above it
     * folds in as over a table; an inner join's conditions beside its key become the scan's filter. An inner join
     * is offered building either input; the planner's costs choose the smaller build.
     */
    static final class JoinRule extends RelOptRule {
        JoinRule() {
            super(operand(LogicalJoin.class, operand(VectorQuery.class, Convention.NONE, none()),
                    operand(VectorQuery.class, Convention.NONE, none())), "VectorJoinRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalJoin join = call.rel(0);
            for (boolean swapped : new boolean[] {false, true}) {
                JoinSource source = JoinSource.of(join, call.rel(1), call.rel(2), swapped);
                if (source != null) {
                    transform(call, join, source, swapped);
                }
            }
        }

        /**
         * The join as a scan of {@code source}: its fields in the join's order (the source's columns have the right
         * input's first when {@code swapped}), filtered by the conditions beside the keys that the join leaves to it.
         * Those the vectorized filter cannot compute (TPC-H Q17's comparison with a decimal average) filter the joined
         * rows above it, on the row operators: an inner join's rows are the same either way.
         */
        private static void transform(RelOptRuleCall call, LogicalJoin join, JoinSource source, boolean swapped) {
            RexBuilder rexBuilder = join.getCluster().getRexBuilder();
            int leftCount = join.getLeft().getRowType().getFieldCount();
            int rightCount = join.getRowType().getFieldCount() - leftCount;
            List<RexNode> projects = new ArrayList<>();
            for (int i = 0; i < join.getRowType().getFieldCount(); i++) {
                int column = !swapped ? i : i < leftCount ? rightCount + i : i - leftCount;
                projects.add(rexBuilder.makeInputRef(join.getRowType().getFieldList().get(i).getType(), column));
            }
            RexNode remaining = source.remaining(join);
            List<RexNode> compiled = new ArrayList<>();
            List<RexNode> above = new ArrayList<>();
            VectorQuery rows = new VectorQuery(join.getCluster(), source.describe(), source,
                    new VectorQuerySpec(null, projects, null, null), join.getRowType());
            if (remaining != null) {
                for (RexNode conjunct : RelOptUtil.conjunctions(folded(join, remaining))) {
                    RexNode filter = substitute(List.of(conjunct), projects).get(0);
                    if (compiles(rows, compiler -> compiler.filter(filter))) {
                        compiled.add(filter);
                    } else {
                        above.add(conjunct);
                    }
                }
            }
            VectorQuery query = compiled.isEmpty() ? rows : new VectorQuery(join.getCluster(), source.describe(),
                    source, new VectorQuerySpec(RexUtil.composeConjunction(rexBuilder, compiled), projects, null, null),
                    join.getRowType());
            call.transformTo(above.isEmpty() ? query
                    : LogicalFilter.create(query, RexUtil.composeConjunction(rexBuilder, above)));
        }
    }

    /**
     * A join of a vectorized row scan with a side of at most one row (a vectorized query of one row, or expressions
     * computed from it) becomes a scan of their join ({@link OneRowJoinSource}): its condition, with the row's values
     * put in, filters the scan. Whatever the condition, keys or none.
     */
    static final class OneRowJoinRule extends RelOptRule {
        private final boolean computed;

        /** @param computed whether the row is computed from the query's by a projection */
        OneRowJoinRule(boolean computed) {
            super(operand(LogicalJoin.class, operand(VectorQuery.class, Convention.NONE, none()),
                    computed ? operand(LogicalProject.class, operand(VectorQuery.class, Convention.NONE, none()))
                            : operand(VectorQuery.class, Convention.NONE, none())),
                    computed ? "VectorOneRowJoinRule:computed" : "VectorOneRowJoinRule");
            this.computed = computed;
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalJoin join = call.rel(0);
            VectorQuery left = call.rel(1);
            OneRowJoinSource.OneRow right;
            if (computed) {
                LogicalProject project = call.rel(2);
                right = OneRowJoinSource.OneRow.of(call.rel(3), project.getProjects(), project.getRowType());
            } else {
                VectorQuery query = call.rel(2);
                right = OneRowJoinSource.OneRow.of(query, null, query.getRowType());
            }
            OneRowJoinSource source = right == null ? null : OneRowJoinSource.of(join, left, right);
            if (source == null) {
                return;
            }
            RexBuilder rexBuilder = join.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (RelDataTypeField field : join.getRowType().getFieldList()) {
                projects.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
            }
            call.transformTo(new VectorQuery(join.getCluster(), source.describe(), source,
                    new VectorQuerySpec(null, projects, null, null), join.getRowType()));
        }
    }

    static final class FilterRule extends RelOptRule {
        FilterRule() {
            super(operand(LogicalFilter.class, operand(VectorQuery.class, Convention.NONE, none())), "VectorFilterRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalFilter filter = call.rel(0);
            VectorQuery query = call.rel(1);
            VectorQuerySpec spec = query.spec();
            if (!spec.isRowScan() || RexUtil.containsCorrelation(filter.getCondition())) {
                return;
            }
            RexNode condition = substitute(List.of(folded(filter, filter.getCondition())), spec.projects()).get(0);
            List<RexNode> conjuncts = new ArrayList<>();
            if (spec.filter() != null) {
                conjuncts.add(spec.filter());
            }
            conjuncts.add(condition);
            RexNode combined = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), conjuncts);
            if (!compiles(query, compiler -> compiler.filter(combined))) {
                return;
            }
            call.transformTo(new VectorQuery(query.getCluster(), query.name(), query.source(),
                    new VectorQuerySpec(combined, spec.projects(), null, null), query.getRowType()));
        }
    }

    static final class ProjectRule extends RelOptRule {
        ProjectRule() {
            super(operand(LogicalProject.class, operand(VectorQuery.class, Convention.NONE, none())), "VectorProjectRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalProject project = call.rel(0);
            VectorQuery query = call.rel(1);
            VectorQuerySpec spec = query.spec();
            if (!spec.isRowScan() || project.getProjects().stream().anyMatch(RexUtil::containsCorrelation)) {
                return;
            }
            List<RexNode> projects = withoutNeedlessChecks(substitute(project.getProjects(), spec.projects()),
                    query.source().columns());
            if (!compiles(query, compiler -> projects.forEach(compiler::projection))) {
                return;
            }
            call.transformTo(new VectorQuery(query.getCluster(), query.name(), query.source(),
                    new VectorQuerySpec(spec.filter(), projects, null, null), project.getRowType()));
        }
    }

    static final class AggregateRule extends RelOptRule {
        AggregateRule() {
            super(operand(LogicalAggregate.class, operand(VectorQuery.class, Convention.NONE, none())), "VectorAggregateRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalAggregate aggregate = call.rel(0);
            VectorQuery query = call.rel(1);
            VectorQuerySpec spec = query.spec();
            if (!spec.isRowScan() || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
                return;
            }
            List<AggregateCall> calls = aggregate.getAggCallList();
            boolean supported = compiles(query, compiler -> {
                for (int field : aggregate.getGroupSet()) {
                    compiler.groupKey(spec.projects().get(field));
                }
                for (AggregateCall aggregateCall : calls) {
                    compiler.aggregate(aggregateCall, spec.projects());
                }
            });
            if (!supported) {
                return;
            }
            call.transformTo(new VectorQuery(query.getCluster(), query.name(), query.source(),
                    new VectorQuerySpec(spec.filter(), spec.projects(),
                            new VectorQuerySpec.Aggregation(aggregate.getGroupSet(), calls), null),
                    aggregate.getRowType()));
        }
    }

    /**
     * An aggregate's rows as a row scan of them ({@link ResultSource}), so that a filter, a join or another aggregate
     * above it folds in as over a table.
     */
    static final class ResultRule extends RelOptRule {
        ResultRule() {
            super(operand(VectorQuery.class, Convention.NONE, none()), "VectorResultRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            VectorQuery query = call.rel(0);
            if (query.spec().aggregation() == null) {
                return;
            }
            ResultSource source = ResultSource.of(query);
            if (source == null) {
                return;
            }
            RexBuilder rexBuilder = query.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (RelDataTypeField field : query.getRowType().getFieldList()) {
                projects.add(rexBuilder.makeInputRef(field.getType(), field.getIndex()));
            }
            call.transformTo(new VectorQuery(query.getCluster(), source.describe(), source,
                    new VectorQuerySpec(null, projects, null, null), query.getRowType()));
        }
    }

    static final class TopNRule extends RelOptRule {
        TopNRule() {
            super(operand(LogicalSort.class, operand(VectorQuery.class, Convention.NONE, none())), "VectorTopNRule");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalSort sort = call.rel(0);
            VectorQuery query = call.rel(1);
            VectorQuerySpec spec = query.spec();
            if (!spec.isRowScan() || !(sort.fetch instanceof RexLiteral fetchLiteral)
                    || sort.offset != null && !(sort.offset instanceof RexLiteral)) {
                return;
            }
            long fetch = fetchLiteral.getValueAs(Long.class);
            long offset = sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(Long.class);
            if (fetch < 0 || offset < 0 || fetch + offset > MAX_TOP_N) {
                return;
            }
            RelCollation collation = sort.getCollation();
            boolean supported = compiles(query, compiler -> {
                for (RelFieldCollation field : collation.getFieldCollations()) {
                    int column = VectorCompiler.plainColumn(spec.projects().get(field.getFieldIndex()));
                    if (column < 0 || !compiler.isKeyColumn(column, true)) {
                        throw new VectorCompiler.Unsupported("sort key " + field);
                    }
                }
                spec.projects().forEach(compiler::projection);
            });
            if (!supported) {
                return;
            }
            call.transformTo(new VectorQuery(query.getCluster(), query.name(), query.source(),
                    new VectorQuerySpec(spec.filter(), spec.projects(), null,
                            new VectorQuerySpec.TopNSpec(collation, offset, fetch)), sort.getRowType()));
        }
    }
}
