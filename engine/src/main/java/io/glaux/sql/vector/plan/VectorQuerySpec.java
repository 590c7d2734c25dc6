package io.glaux.sql.vector.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * What one {@link VectorQuery} computes, in pipeline order: rows of the table passing {@code filter} (over table
 * columns; null for all), {@code projects} (over table columns), then either an aggregation over the projected
 * fields or a top-N over them, or neither.
 */
record VectorQuerySpec(RexNode filter, List<RexNode> projects, Aggregation aggregation, TopNSpec topN) {

    /** GROUP BY {@code groupSet} (projected fields) with {@code calls} (arguments are projected fields). */
    record Aggregation(ImmutableBitSet groupSet, List<AggregateCall> calls) {

        /** Whether projected field {@code field} is a key or an argument (or filter) of a call. */
        boolean uses(int field) {
            if (groupSet.get(field)) {
                return true;
            }
            for (AggregateCall call : calls) {
                if (call.getArgList().contains(field) || call.filterArg == field) {
                    return true;
                }
            }
            return false;
        }
    }

    /** ORDER BY {@code collation} (projected fields) OFFSET {@code offset} FETCH {@code fetch}. */
    record TopNSpec(RelCollation collation, long offset, long fetch) {
    }

    /** The table columns the query reads. */
    ImmutableBitSet fields() {
        return filter == null ? projectedFields() : projectedFields().union(RelOptUtil.InputFinder.bits(filter));
    }

    /** The table columns the query's rows are computed from (its projects, those the aggregation uses). */
    ImmutableBitSet projectedFields() {
        ImmutableBitSet.Builder used = ImmutableBitSet.builder();
        for (int field = 0; field < projects.size(); field++) {
            if (aggregation == null || aggregation.uses(field)) {
                used.addAll(RelOptUtil.InputFinder.bits(projects.get(field)));
            }
        }
        return used.build();
    }

    boolean isRowScan() {
        return aggregation == null && topN == null;
    }

    /** How many operators have been folded into the scan (a lower cost for each). */
    int stages() {
        return (filter == null ? 0 : 1) + (aggregation == null ? 0 : 1) + (topN == null ? 0 : 1);
    }
}
