package io.glaux.sql.plan;

import io.glaux.sql.vector.plan.VectorQueryStatistics;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.util.List;

/**
 * What the planner knows about plans: Calcite's metadata handlers with Glaux's corrections in front of them (a
 * window's output has no order, {@link WindowCollation}; an equi-join's estimated rows, {@link JoinRowCounts}; a hash
 * join's cost by the side it builds and a nested loop join's by the pairs it tests, {@link JoinCosts}; distinct
 * values through planner subsets and sorts, {@link DistinctRowCounts}; a filter's share of a table's rows by its
 * columns' distinct values, {@link FilterSelectivity}, also for a row scan that reads with filters,
 * {@link FilteredScanRowCounts}).
 */
public final class PlannerMetadata {

    /** Glaux's handlers, then Calcite's. */
    public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
            WindowCollation.SOURCE, JoinRowCounts.SOURCE, JoinCosts.SOURCE, DistinctRowCounts.SOURCE,
            FilterSelectivity.SOURCE, FilteredScanRowCounts.SOURCE, VectorQueryStatistics.SOURCE,
            DefaultRelMetadataProvider.INSTANCE));

    /** Their handlers as the build compiled them ({@link CompiledMetadataHandlers}), else as Janino compiles them. */
    private static final CompiledMetadataHandlers HANDLERS = new CompiledMetadataHandlers(PROVIDER);

    private PlannerMetadata() {
    }

    /**
     * Makes a cluster's metadata queries use these handlers, whichever thread asks (EXPLAIN renders a plan's
     * estimates after planning).
     */
    public static void install(RelOptCluster cluster) {
        cluster.setMetadataProvider(PROVIDER);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    }

    /**
     * Makes the handler of every kind of metadata a metadata query asks for, which the first cluster's first query
     * would otherwise make (the build's compiled handlers looked up and checked against the provider). Safe from any
     * thread, at any time.
     */
    public static void loadSharedTables() {
        new RelMetadataQuery(HANDLERS);
    }
}
