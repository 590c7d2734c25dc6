package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.sql.vector.plan.VectorSource;
import io.glaux.sql.vector.plan.VectorTableScan;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * A SPICE dataset as a SQL table planned onto the vectorized operators: the planner sees a {@link VectorTableScan},
 * whose rules fold filters, projections, aggregates and top-Ns into vectorized scans of the dataset's version.
 */
final class VectorizedSpiceTable extends DatasetTable implements TranslatableTable {

    VectorizedSpiceTable(SpiceService service, SpiceDataset dataset) {
        super(service, dataset);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
        return new VectorTableScan(context.getCluster(), table, new DatasetSource());
    }

    /** The dataset seen by the plan nodes. */
    private final class DatasetSource implements VectorSource {
        @Override
        public List<Column> columns() {
            return dataset.columns();
        }

        @Override
        public long rowCount() {
            return dataset.rows();
        }

        @Override
        public Lease planningData() {
            return current();
        }

        /** The version current when the query runs, whatever it reads of it. */
        @Override
        public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
            return current();
        }

        private Lease current() {
            SpiceVersion version = service.acquire(dataset);
            if (version == null) {
                return null;
            }
            return Lease.of(version, version::release);
        }

        @Override
        public boolean readsPerQuery() {
            return false;
        }

        @Override
        public Executor scanExecutor() {
            return service.scanExecutor();
        }

        @Override
        public int threads() {
            return service.scanOptions().threads();
        }

        @Override
        public void recordVectorizedScan() {
            service.recordVectorizedScan();
        }
    }
}
