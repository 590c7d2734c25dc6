package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;

/**
 * Semi and anti joins run as hash joins (or nested loops without an equality), never as Calcite's merge join: its
 * anti join drops the outer rows whose key is NULL, which {@code NOT EXISTS} must keep (the Glaux-vs-DuckDB comparison
 * of generated sub-queries found it). The merge join rule is put back for the other joins.
 */
public final class SemiJoinAlgorithms {

    /** Calcite's merge join rule, for joins other than semi and anti joins. */
    private static final RelOptRule MERGE_JOIN_RULE = ((ConverterRule) EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE)
            .config.withConversion(LogicalJoin.class, SemiJoinAlgorithms::mayMerge, Convention.NONE,
                    EnumerableConvention.INSTANCE, "EnumerableMergeJoinRule(no semi or anti join)").toRule();

    private SemiJoinAlgorithms() {
    }

    /** Replaces Calcite's merge join rule in {@code planner} with one that leaves semi and anti joins alone. */
    public static void replaceMergeJoinRule(RelOptPlanner planner) {
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
        planner.addRule(MERGE_JOIN_RULE);
    }

    /** Takes merge joins out of {@code planner} altogether, Calcite's rule or its replacement. */
    public static void removeMergeJoinRules(RelOptPlanner planner) {
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
        planner.removeRule(MERGE_JOIN_RULE);
    }

    private static boolean mayMerge(LogicalJoin join) {
        return join.getJoinType() != JoinRelType.SEMI && join.getJoinType() != JoinRelType.ANTI;
    }
}
