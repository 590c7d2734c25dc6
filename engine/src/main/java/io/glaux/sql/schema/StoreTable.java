package io.glaux.sql.schema;

import io.glaux.sql.vector.VectorRuntime;
import io.glaux.sql.vector.plan.VectorQueryStatistics;
import io.glaux.sql.vector.plan.VectorSource;
import io.glaux.catalog.TableDefinition;
import io.glaux.sql.scan.BatchScan;
import io.glaux.sql.scan.SplitScan;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.scan.TableEstimates;
import io.glaux.sql.scan.TableScanner;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A catalog table whose rows live in store objects. Calcite hands it the projected columns and the filters; it reads
 * only those columns, prunes partitions and lets readers skip data with the filters, but consumes none of them: the
 * engine re-applies every filter to what comes back.
 */
public final class StoreTable extends AbstractTable implements ProjectableFilterableTable, VectorSource.Provider {

    private final TableDefinition definition;
    private final TableScanner scanner;
    private final VectorRuntime runtime;
    private Optional<TableEstimates.Estimate> estimate;

    /** @param runtime where queries that aggregate the table run vectorized; null to run them row by row */
    StoreTable(TableDefinition definition, TableScanner scanner, VectorRuntime runtime) {
        this.definition = definition;
        this.scanner = scanner;
        this.runtime = runtime;
    }

    public TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.rowType(typeFactory, definition.allColumns());
    }

    /** What the planner knows of the table, looked up once per planning of a query (a table is resolved per query). */
    private Optional<TableEstimates.Estimate> estimate() {
        if (estimate == null) {
            estimate = scanner.estimate(definition);
        }
        return estimate;
    }

    @Override
    public Statistic getStatistic() {
        return estimate().map(e -> Statistics.of(e.rows(), List.of())).orElse(Statistics.UNKNOWN);
    }

    /** Calcite asks a table for its distinct-count handler this way (Calcite's adapter idiom). */
    @Override
    public <C> C unwrap(Class<C> type) {
        if (type == BuiltInMetadata.DistinctRowCount.Handler.class) {
            return type.cast(new DistinctValues());
        }
        return super.unwrap(type);
    }

    /**
     * At most how many distinct values a set of the scan's columns holds: each column's value range from the
     * objects' footers, multiplied and capped by the rows; unknown when a column has no range.
     */
    private final class DistinctValues implements BuiltInMetadata.DistinctRowCount.Handler {
        @Override
        public Double getDistinctRowCount(RelNode scan, RelMetadataQuery mq, ImmutableBitSet columns,
                                          RexNode predicate) {
            Optional<TableEstimates.Estimate> known = estimate();
            if (known.isEmpty() || columns.isEmpty()) {
                return null;
            }
            List<Integer> projects = scan instanceof Bindables.BindableTableScan bindable
                    && !bindable.projects.isEmpty() ? bindable.projects : null;
            List<OptionalDouble> values = new ArrayList<>();
            for (int field : columns) {
                int column = projects == null ? field : projects.get(field);
                if (column >= definition.allColumns().size()) {
                    return null;
                }
                values.add(known.get().distinctValues(definition.allColumns().get(column).name()));
            }
            return VectorQueryStatistics.bound(values, mq.getRowCount(scan), predicate);
        }
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        ScanContext context = ScanContext.from(root);
        return scanner.scan(definition, List.copyOf(filters), projects, context);
    }

    /** The table's rows as column batches of the given fields (data columns, then partition keys), unfiltered. */
    public BatchScan batches(int[] fields, ScanContext context, BufferAllocator allocator, int maxRows) {
        return scanner.batches(definition, List.of(), fields, context, allocator, maxRows);
    }

    /**
     * As {@link #batches(int[], ScanContext, BufferAllocator, int)} in parts for {@code readers} threads, skipping
     * what {@code filters} rule out.
     */
    SplitScan splits(int[] fields, List<RexNode> filters, ScanContext context, BufferAllocator allocator,
                     int maxRows, int readers) {
        return scanner.splits(definition, filters, fields, context, allocator, maxRows, readers);
    }

    /** The table as the vectorized operators read it, or null when live tables are not vectorized. */
    @Override
    public VectorSource vectorSource() {
        return runtime == null ? null : new LiveVectorSource(this, runtime, this::estimate);
    }
}
