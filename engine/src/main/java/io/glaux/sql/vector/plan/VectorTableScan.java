package io.glaux.sql.vector.plan;

import io.glaux.sql.plan.SemiJoinAlgorithms;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

import java.util.List;

/**
 * The logical scan of a SPICE dataset. Registering it adds the SPICE rules to the planner, which turn it, and the
 * filters, projections, aggregates and top-Ns above it, into {@link VectorQuery} nodes.
 */
public final class VectorTableScan extends TableScan {

    private final VectorSource source;

    public VectorTableScan(RelOptCluster cluster, RelOptTable table, VectorSource source) {
        super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), table);
        this.source = source;
    }

    VectorSource source() {
        return source;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    /**
     * Adds the SPICE rules. Also drops the Enumerable merge join: it sorts both inputs row by row, which over
     * datasets with real row counts (unlike the live tables' default estimate) the planner would otherwise pick
     * over a hash join, several times slower.
     */
    @Override
    public void register(RelOptPlanner planner) {
        VectorRules.ALL.forEach(planner::addRule);
        SemiJoinAlgorithms.removeMergeJoinRules(planner);
    }
}
