package io.glaux.sql.plan;

import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.SemiJoinJoinTransposeRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * The optimizer's phases, as Calcite's standard program runs them (sub-queries to joins, decorrelation, field
 * trimming, the cost-based planner, calcs), with the join order settled before the cost-based planner when a query
 * joins many tables.
 *
 * <p>Calcite's planner reorders joins by applying commute and associate rules until no new plan appears; the number of
 * plans it visits grows exponentially with the joined tables (TPC-H Q7's six tables took most of a minute to plan).
 * From {@value #HEURISTIC_JOINS} joins on, the tables of each tree of inner joins are gathered into one multi-join and
 * ordered greedily (Calcite's {@code LoptOptimizeJoinRule}: from each table in turn, it adds at each step a table
 * joined to those already placed, on equalities before other conditions and then the one whose join keys hold the
 * most distinct values, cross joins last, and keeps the order of least estimated cumulative cost), with the equalities
 * its joins imply offered beside those they state ({@link ImpliedJoinKeys}), and the cost-based planner is left
 * without the reordering rules; it still chooses each join's algorithm and which side it builds.
 */
public final class OptimizerProgram {

    /** From this many joins in a query on, the join order is chosen greedily before the cost-based planner. */
    static final int HEURISTIC_JOINS = 3;

    /**
     * Calcite's move of a semi join below the join under it, for inner joins only (the rule takes the join's output
     * to hold both inputs' fields, which a semi or anti join's does not) and only where it filters better than that
     * join ({@link #filtersBetterThanTheJoinUnder}).
     */
    private static final RelOptRule SEMI_JOIN_INNER_JOIN_TRANSPOSE = SemiJoinJoinTransposeRule.Config.DEFAULT
            .withOperandSupplier(semi -> semi.operand(LogicalJoin.class)
                    .predicate(join -> join.isSemiJoin() && filtersBetterThanTheJoinUnder(join))
                    .inputs(join -> join.operand(Join.class)
                            .predicate(input -> input.getJoinType() == JoinRelType.INNER).anyInputs()))
            .as(SemiJoinJoinTransposeRule.Config.class).toRule();

    private static final List<RelOptRule> REORDERING_RULES = List.of(CoreRules.JOIN_COMMUTE,
            CoreRules.JOIN_ASSOCIATE, JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT);

    private OptimizerProgram() {
    }

    public static Program create() {
        RelMetadataProvider metadata = PlannerMetadata.PROVIDER;
        return Programs.sequence(subQueries(metadata), Programs.decorrelate(), Programs.measure(metadata),
                Programs.trim(), OptimizerProgram::orderJoins, semiJoinsDown(metadata), OptimizerProgram::costBased,
                Programs.calc(metadata));
    }

    /**
     * Whether a semi join is estimated to keep a smaller share of the rows it reads than the join under it keeps of
     * the input the semi join would go onto. Below that join, the semi join would read all of that input's rows;
     * above it, it reads the join's rows. One that keeps nearly every row (TPC-H Q21's {@code EXISTS} a line of
     * another supplier of the order) stays above a join that drops most rows (the suppliers of one nation), and one
     * that keeps few (Q18's 57 of 1.5 M orders) goes below a join that multiplies them.
     */
    private static boolean filtersBetterThanTheJoinUnder(Join semi) {
        if (!(semi.getLeft().stripped() instanceof Join join)) {
            return true;
        }
        int leftFields = join.getLeft().getRowType().getFieldCount();
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(semi.getCondition())
                .intersect(ImmutableBitSet.range(join.getRowType().getFieldCount()));
        RelNode side;
        if (!used.isEmpty() && used.length() <= leftFields) {
            side = join.getLeft();
        } else if (!used.isEmpty() && used.nextSetBit(0) >= leftFields) {
            side = join.getRight();
        } else {
            return true;
        }
        RelMetadataQuery mq = semi.getCluster().getMetadataQuery();
        Double kept = mq.getRowCount(semi);
        Double joined = mq.getRowCount(join);
        Double sideRows = mq.getRowCount(side);
        if (kept == null || joined == null || sideRows == null || joined <= 0 || sideRows <= 0) {
            return true;
        }
        return kept / joined <= joined / sideRows;
    }

    /**
     * Semi joins (the {@code IN} and {@code EXISTS} sub-queries that only filter) moved below the inner joins and
     * projections under them, onto the input that holds their keys, as a filter is pushed down: they then drop rows
     * before those rows are joined (TPC-H Q18 keeps 57 of 1.5 M orders before joining lineitem to them). This runs
     * once the join order is settled and the join conditions are in the joins, so a filter of the input stays under
     * the semi join. A semi join that keeps most rows stays above a join that drops them.
     */
    private static Program semiJoinsDown(RelMetadataProvider metadata) {
        HepProgram program = new HepProgramBuilder()
                .addRuleCollection(List.of(CoreRules.SEMI_JOIN_PROJECT_TRANSPOSE, SEMI_JOIN_INNER_JOIN_TRANSPOSE))
                .build();
        return Programs.of(program, false, metadata);
    }

    /**
     * Calcite's removal of sub-queries (into joins and correlates, for the decorrelator), with the sub-queries that
     * only filter rows first made semi and anti joins ({@link SemiJoinSubQueries}) and comparisons with a correlated
     * aggregate joins with it grouped by the correlated key ({@link ScalarAggregateJoins}); the rules of one
     * collection are tried in order on each node, so Calcite's see only what Glaux's left.
     */
    private static Program subQueries(RelMetadataProvider metadata) {
        HepProgram program = new HepProgramBuilder()
                .addRuleCollection(List.of(SemiJoinSubQueries.INSTANCE, ScalarAggregateJoins.INSTANCE,
                        CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                        CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE,
                        CoreRules.PROJECT_OVER_SUM_TO_SUM0_RULE))
                .build();
        return Programs.of(program, true, metadata);
    }

    private static RelNode orderJoins(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
                                      List<RelOptMaterialization> materializations,
                                      List<RelOptLattice> lattices) {
        if (RelOptUtil.countJoins(rel) < HEURISTIC_JOINS) {
            return rel;
        }
        HepProgram gather = new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
                .addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
                .addRuleInstance(ImpliedJoinKeys.RULE)
                .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
                .build();
        RelNode ordered = ImpliedJoinKeys.withoutRedundantKeys(Programs.of(gather, false, PlannerMetadata.PROVIDER)
                .run(planner, rel, traits, materializations, lattices));
        REORDERING_RULES.forEach(planner::removeRule);
        return ordered;
    }

    private static RelNode costBased(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
                                     List<RelOptMaterialization> materializations,
                                     List<RelOptLattice> lattices) {
        planner.setRoot(rel);
        RelNode root = rel.getTraitSet().equals(traits) ? rel : planner.changeTraits(rel, traits);
        planner.setRoot(root);
        return planner.chooseDelegate().findBestExp();
    }
}
