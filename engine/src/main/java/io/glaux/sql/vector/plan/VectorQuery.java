package io.glaux.sql.vector.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/**
 * A scan of a SPICE dataset with the filter, projection, aggregation or top-N above it folded in. This logical form
 * is what the folding rules match (operators on top of it are logical too); {@link Enumerable} is the same node in
 * Calcite's Enumerable convention, run by the vectorized operators ({@link VectorPipeline}), a leaf whose rows the
 * rest of the plan consumes like any other.
 */
class VectorQuery extends AbstractRelNode {

    private final RelOptTable table;
    private final VectorSource source;
    private final VectorQuerySpec spec;

    VectorQuery(RelOptCluster cluster, RelOptTable table, VectorSource source, VectorQuerySpec spec,
               RelDataType rowType) {
        this(cluster, cluster.traitSetOf(Convention.NONE), table, source, spec, rowType);
    }

    private VectorQuery(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, VectorSource source,
                       VectorQuerySpec spec, RelDataType rowType) {
        super(cluster, traits);
        this.table = table;
        this.source = source;
        this.spec = spec;
        this.rowType = rowType;
    }

    private static RelTraitSet enumerableTraits(RelOptCluster cluster, VectorQuerySpec spec) {
        RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
        if (cluster.getPlanner().getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
            traits = traits.replace(spec.topN() != null ? spec.topN().collation() : RelCollations.EMPTY);
        }
        return traits;
    }

    RelOptTable table() {
        return table;
    }

    VectorSource source() {
        return source;
    }

    VectorQuerySpec spec() {
        return spec;
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double rows = Math.max(1, source.rowCount());
        if (spec.filter() != null) {
            rows *= 0.25;
        }
        if (spec.aggregation() != null) {
            rows = spec.aggregation().groupSet().isEmpty() ? 1 : Math.max(1, rows / 10);
        }
        if (spec.topN() != null) {
            rows = Math.min(rows, spec.topN().fetch());
        }
        return rows;
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer)
                .item("table", table.getQualifiedName())
                .itemIf("filter", spec.filter(), spec.filter() != null)
                .item("projects", spec.projects())
                .itemIf("aggregation", spec.aggregation(), spec.aggregation() != null)
                .itemIf("topN", spec.topN(), spec.topN() != null);
    }

    /** This query in the Enumerable convention. */
    Enumerable toEnumerable() {
        return new Enumerable(getCluster(), table, source, spec, rowType);
    }

    /** The executable form. */
    static final class Enumerable extends VectorQuery implements EnumerableRel {

        Enumerable(RelOptCluster cluster, RelOptTable table, VectorSource source, VectorQuerySpec spec,
                   RelDataType rowType) {
            super(cluster, enumerableTraits(cluster, spec), table, source, spec, rowType);
        }

        /** Each folded operator makes the scan cheaper than the same scan with that operator on top of it. */
        @Override
        public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
            double work = Math.max(1, source().rowCount()) * 0.01 / (1 + spec().stages());
            return planner.getCostFactory().makeCost(work, work, 0);
        }

        @Override
        public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
            PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                    JavaRowFormat.ARRAY, false);
            VectorPipeline pipeline = new VectorPipeline(source(), spec(), getRowType());
            Expression stashed = implementor.stash(pipeline, VectorPipeline.class);
            return implementor.result(physType,
                    Blocks.toBlock(Expressions.call(stashed, "execute", DataContext.ROOT)));
        }
    }
}
