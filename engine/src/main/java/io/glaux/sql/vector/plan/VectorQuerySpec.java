package io.glaux.sql.vector.plan;

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
    }

    /** ORDER BY {@code collation} (projected fields) OFFSET {@code offset} FETCH {@code fetch}. */
    record TopNSpec(RelCollation collation, long offset, long fetch) {
    }

    boolean isRowScan() {
        return aggregation == null && topN == null;
    }

    /** How many operators have been folded into the scan (a lower cost for each). */
    int stages() {
        return (filter == null ? 0 : 1) + (aggregation == null ? 0 : 1) + (topN == null ? 0 : 1);
    }
}
