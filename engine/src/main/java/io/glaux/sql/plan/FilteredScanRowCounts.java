package io.glaux.sql.plan;

import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexUtil;

import java.util.List;

/**
 * The rows of a row-by-row table scan that reads with filters: the table's rows times the share its filters keep
 * ({@link FilterSelectivity}), where Calcite halves the rows whatever the filters. The filters name the table's
 * columns, not the scan's projected ones, so they are weighed against a scan of the whole table.
 */
public final class FilteredScanRowCounts implements MetadataHandler<BuiltInMetadata.RowCount> {

    /** The handler, for {@link PlannerMetadata} to put in front of Calcite's handlers. */
    static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new FilteredScanRowCounts(), BuiltInMetadata.RowCount.Handler.class);

    private FilteredScanRowCounts() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    /** Called by Calcite's metadata dispatch. */
    public Double getRowCount(Bindables.BindableTableScan scan, RelMetadataQuery mq) {
        if (scan.filters.isEmpty()) {
            // Calcite's handlers are not consulted after this one: its answer, the table's rows.
            return scan.estimateRowCount(mq);
        }
        LogicalTableScan whole = LogicalTableScan.create(scan.getCluster(), scan.getTable(), List.of());
        Double rows = mq.getRowCount(whole);
        Double selectivity = mq.getSelectivity(whole, RexUtil.composeConjunction(
                scan.getCluster().getRexBuilder(), scan.filters));
        if (rows == null || selectivity == null) {
            return scan.estimateRowCount(mq);
        }
        return Math.max(1, rows * selectivity);
    }
}
