package io.glaux.sql.vector.plan;

import io.glaux.sql.stats.PredicateSelectivity;
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
 * A scan of a {@link VectorSource} with the filter, projection, aggregation or top-N above it folded in. This logical form
 * is what the folding rules match (operators on top of it are logical too); {@link Enumerable} is the same node in
 * Calcite's Enumerable convention, run by the vectorized operators ({@link VectorPipeline}), a leaf whose rows the
 * rest of the plan consumes like any other.
 */
public class VectorQuery extends AbstractRelNode {

    /**
     * The table's qualified name, or for a source computed from other queries its description
     * ({@link JoinSource#describe}).
     */
    private final String name;
    private final VectorSource source;
    private final VectorQuerySpec spec;
    /** {@link #scanPart()}, made once so that EXPLAIN ANALYZE's counts and its text refer to the same node. */
    private VectorQuery scanPart;
    /** {@link #pipeline()}, made when first needed. */
    private volatile VectorPipeline pipeline;

    VectorQuery(RelOptCluster cluster, String name, VectorSource source, VectorQuerySpec spec, RelDataType rowType) {
        this(cluster, cluster.traitSetOf(Convention.NONE), name, source, spec, rowType);
    }

    private VectorQuery(RelOptCluster cluster, RelTraitSet traits, String name, VectorSource source,
                       VectorQuerySpec spec, RelDataType rowType) {
        super(cluster, traits);
        this.name = name;
        this.source = source;
        this.spec = spec;
        this.rowType = rowType;
    }

    /**
     * What runs this query, made once per plan (it compiles the filter to find the strings it tests) and shared by
     * every query that runs the plan.
     */
    VectorPipeline pipeline() {
        VectorPipeline made = pipeline;
        if (made == null) {
            made = new VectorPipeline(source, spec, getRowType());
            pipeline = made;
        }
        return made;
    }

    /**
     * This query's rows for one run, as the code that {@link Enumerable#implement} generates computes them: for a plan
     * that is this query alone, which then needs no generated code.
     */
    public org.apache.calcite.linq4j.Enumerable<Object[]> execute(DataContext root) {
        return pipeline().execute(root);
    }

    private static RelTraitSet enumerableTraits(RelOptCluster cluster, VectorQuerySpec spec) {
        RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
        if (cluster.getPlanner().getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
            traits = traits.replace(spec.topN() != null ? spec.topN().collation() : RelCollations.EMPTY);
        }
        return traits;
    }

    /** The name of what the query reads, for a new query over the same source. */
    String name() {
        return name;
    }

    /** A table's qualified name, as the plan nodes name a scanned table. */
    static String nameOf(RelOptTable table) {
        return String.join(".", table.getQualifiedName());
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
            // As a filter over a row scan is estimated (Calcite's guess, an equality by the column's distinct values
            // where the source knows them), so that joins are built on the right side.
            rows *= PredicateSelectivity.of(spec.filter(), source::distinctValues);
        }
        if (spec.aggregation() != null) {
            rows = spec.aggregation().groupSet().isEmpty() ? 1 : Math.max(1, rows / 10);
        }
        if (spec.topN() != null) {
            rows = Math.min(rows, spec.topN().fetch());
        }
        return rows;
    }

    /**
     * Whether the query gives at most one row: an aggregate without GROUP BY, a top-N of one row, or any query of
     * a source of at most one row.
     */
    boolean atMostOneRow() {
        if (spec.aggregation() != null) {
            return spec.aggregation().groupSet().isEmpty();
        }
        return spec.topN() != null && spec.topN().fetch() <= 1 || source.atMostOneRow();
    }

    @Override
    public RelWriter explainTerms(RelWriter writer) {
        return super.explainTerms(writer)
                .item("source", name)
                .itemIf("filter", spec.filter(), spec.filter() != null)
                .item("projects", spec.projects())
                .itemIf("aggregation", spec.aggregation(), spec.aggregation() != null)
                .itemIf("topN", spec.topN(), spec.topN() != null);
    }

    /**
     * The operator this node stands for, named as Trino's EXPLAIN names it: {@code Aggregate[keys = ...]},
     * {@code TopN[count = ...]}, or the scan ({@code ScanFilterProject[table = ..., filterPredicate = ...]},
     * {@code ScanProject[table = ...]}).
     */
    public String operatorName() {
        if (spec.aggregation() != null) {
            List<String> names = getScanRowType().getFieldNames();
            return "Aggregate[keys = " + spec.aggregation().groupSet().asList().stream().map(names::get).toList()
                    + "]";
        }
        if (spec.topN() != null) {
            return "TopN[count = " + spec.topN().fetch() + "]";
        }
        String filter = spec.filter() == null ? "" : ", filterPredicate = " + spec.filter();
        String derived = source.operatorName(filter);
        if (derived != null) {
            return derived;
        }
        return (spec.filter() == null ? "ScanProject" : "ScanFilterProject") + "[table = " + name + filter + "]";
    }

    /**
     * The nodes EXPLAIN shows under this one: for an aggregate or a top-N the scan it folds in, for a scan of a
     * source computed from other queries those queries (a join's two inputs); none for a scan of a table.
     */
    public List<RelNode> foldedInputs() {
        if (scanPart() != null) {
            return List.of(scanPart());
        }
        return source.inputs();
    }

    /**
     * For an aggregate or a top-N, the scan it folds in (filter and projection) as a node of its own, so EXPLAIN can
     * show it and EXPLAIN ANALYZE count its rows; null for a scan.
     */
    public VectorQuery scanPart() {
        if (spec.isRowScan()) {
            return null;
        }
        if (scanPart == null) {
            scanPart = new Enumerable(getCluster(), name, source, new VectorQuerySpec(spec.filter(),
                    spec.projects(), null, null), getScanRowType());
        }
        return scanPart;
    }

    /** The rows of the scan part: its projections, named after the columns they read or as expressions. */
    private RelDataType getScanRowType() {
        List<String> columns = source.columns().stream().map(io.glaux.catalog.Column::name).toList();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < spec.projects().size(); i++) {
            names.add(spec.projects().get(i) instanceof org.apache.calcite.rex.RexInputRef ref
                    ? columns.get(ref.getIndex()) : "expr_" + i);
        }
        return getCluster().getTypeFactory().createStructType(
                spec.projects().stream().map(org.apache.calcite.rex.RexNode::getType).toList(), names);
    }

    /** This query in the Enumerable convention. */
    Enumerable toEnumerable() {
        return new Enumerable(getCluster(), name, source, spec, rowType);
    }

    /** The executable form. */
    static final class Enumerable extends VectorQuery implements EnumerableRel {

        Enumerable(RelOptCluster cluster, String name, VectorSource source, VectorQuerySpec spec,
                   RelDataType rowType) {
            super(cluster, enumerableTraits(cluster, spec), name, source, spec, rowType);
        }

        /**
         * Each folded operator makes the scan cheaper than the same scan with that operator on top of it. Over a
         * source read for each query, the cost also shrinks with the share of columns read, as a row scan's with its
         * projection does (Calcite's {@code BindableTableScan}), and stays a fifth of that row scan's at least: a
         * query only gets here when it reduces the rows, which the vectorized operators do many times faster.
         */
        @Override
        public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
            double rows = Math.max(1, source().readRows());
            double work = source().readsPerQuery()
                    ? rows * 0.001 * (spec().fields().cardinality() + 2) / (source().columns().size() + 2)
                    / (1 + spec().stages())
                    : rows * 0.01 / (1 + spec().stages());
            return planner.getCostFactory().makeCost(work, work, 0);
        }

        @Override
        public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
            PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                    JavaRowFormat.ARRAY, false);
            Expression stashed = implementor.stash(pipeline(), VectorPipeline.class);
            return implementor.result(physType,
                    Blocks.toBlock(Expressions.call(stashed, "execute", DataContext.ROOT)));
        }
    }
}
