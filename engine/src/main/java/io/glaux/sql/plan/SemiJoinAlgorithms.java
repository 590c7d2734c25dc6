package io.glaux.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptPlanner;

/**
 * Joins run as hash joins (or nested loops without an equality), never as Calcite's merge join. Its anti join drops
 * the outer rows whose key is NULL, which {@code NOT EXISTS} must keep (the Glaux-vs-DuckDB comparison of generated
 * sub-queries found it). And no Glaux input arrives sorted, so a merge join sorts both sides row by row: once tables
 * report real row counts (SPICE versions, Parquet footers), Volcano chose it for large equi-joins and spent most of
 * their time sorting boxed rows in a tree map (a join of 1.8 M lineitem rows with orders: 6.2 s, most of it sorting).
 */
public final class SemiJoinAlgorithms {

    private SemiJoinAlgorithms() {
    }

    /** Takes Calcite's merge join rule out of {@code planner}. */
    public static void removeMergeJoinRules(RelOptPlanner planner) {
        planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
    }
}
