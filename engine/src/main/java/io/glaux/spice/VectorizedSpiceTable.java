package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.sql.vector.ColumnStats;
import io.glaux.sql.vector.StringDictionary;
import io.glaux.sql.vector.ValueKind;
import io.glaux.sql.vector.plan.VectorSource;
import io.glaux.sql.vector.plan.VectorQueryStatistics;
import io.glaux.sql.vector.plan.VectorTableScan;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;

/**
 * A SPICE dataset as a SQL table planned onto the vectorized operators: the planner sees a {@link VectorTableScan},
 * whose rules fold filters, projections, aggregates and top-Ns into vectorized scans of the dataset's version.
 */
final class VectorizedSpiceTable extends DatasetTable implements TranslatableTable {

    VectorizedSpiceTable(SpiceService service, SpiceDataset dataset) {
        super(service, dataset);
    }

    private final DatasetSource source = new DatasetSource();

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
        return new VectorTableScan(context.getCluster(), table, source);
    }

    /** Calcite asks a table for its scans' distinct-count handler this way (Calcite's adapter idiom). */
    @Override
    public <C> C unwrap(Class<C> type) {
        if (type == BuiltInMetadata.DistinctRowCount.Handler.class) {
            return type.cast(VectorQueryStatistics.forScansOf(source));
        }
        return super.unwrap(type);
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

        /** The dataset, whichever scan of it this is. */
        @Override
        public Object identity() {
            return dataset;
        }

        @Override
        public Lease planningData() {
            return current();
        }

        /** The version current when the query runs, every string column it reads as ids. */
        @Override
        public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
            return open(context, fields, ImmutableBitSet.of(), filters);
        }

        /**
         * The version current when the query runs: the string columns it reads as ids
         * ({@link io.glaux.sql.vector.ColumnarBatches#withIds}), but for those it reads only as values (tests on
         * their bytes, returns), which stay as the version holds them.
         */
        @Override
        public Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                          List<RexNode> filters) {
            SpiceVersion version = service.acquire(dataset);
            if (version == null) {
                return null;
            }
            try {
                return Lease.of(version.withIds(fields.except(valueStrings).toBitSet()), version::release);
            } catch (RuntimeException | Error e) {
                version.release();
                throw e;
            }
        }

        /** The version as it is held (the plan's checks do not read the rows). */
        private Lease current() {
            SpiceVersion version = service.acquire(dataset);
            if (version == null) {
                return null;
            }
            return Lease.of(version, version::release);
        }

        @Override
        public boolean holdsStringsAsValues() {
            return true;
        }

        /**
         * From the current version: a string column's dictionary size (its rows where it is held as values), an
         * integer-like column's value range (dates,
         * decimals as unscaled longs), each capped by the rows.
         */
        @Override
        public OptionalDouble distinctValues(int column) {
            SpiceVersion version = service.acquire(dataset);
            if (version == null) {
                return OptionalDouble.empty();
            }
            try {
                double rows = Math.max(1, version.rows());
                StringDictionary dictionary = version.dictionary(column);
                if (dictionary != null && version.holdsValues(column)) {
                    // Held as values because nearly every value was new.
                    return OptionalDouble.of(rows);
                }
                if (dictionary != null) {
                    return OptionalDouble.of(Math.max(1, Math.min(rows, dictionary.size())));
                }
                if (!ValueKind.of(version.columns().get(column).type()).isLong()) {
                    return OptionalDouble.empty();
                }
                ColumnStats stats = version.stats(column);
                double width = stats.empty() ? 1 : (double) stats.max() - stats.min() + 1;
                return OptionalDouble.of(Math.max(1, Math.min(rows, width)));
            } finally {
                version.release();
            }
        }

        @Override
        public boolean readsPerQuery() {
            return false;
        }

        @Override
        public org.apache.arrow.memory.BufferAllocator newQueryAllocator(String name) {
            return service.newQueryAllocator(name);
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
