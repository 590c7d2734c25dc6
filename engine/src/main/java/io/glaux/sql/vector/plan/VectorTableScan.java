package io.glaux.sql.vector.plan;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

import java.util.List;

/**
 * The logical scan of a table the vectorized operators can read (a SPICE dataset, or a live table read in columns).
 * Registering it adds the vectorized rules to the planner, which turn it, and the filters, projections, aggregates
 * and top-Ns above it, into {@link VectorQuery} nodes.
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

    /** Adds the vectorized rules. */
    @Override
    public void register(RelOptPlanner planner) {
        VectorRules.ALL.forEach(planner::addRule);
    }
}
