package io.glaux.sql.schema;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.sql.SqlErrors;
import io.glaux.sql.scan.BatchScan;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.scan.TableEstimates;
import io.glaux.sql.vector.BatchEncoder;
import io.glaux.sql.vector.ColumnarBatches;
import io.glaux.sql.vector.StringDictionary;
import io.glaux.sql.vector.VectorRuntime;
import io.glaux.sql.vector.plan.VectorSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A store table as the vectorized operators see it: for each query that aggregates it or takes its top N, the
 * columns the query uses are read in columns ({@link StoreTable#batches}, pruned by the query's filters as a row
 * scan is) into {@link ColumnarBatches} held for that query, strings as ids into one dictionary per column, and the
 * operators then run over them on all of the runtime's threads. A query whose columns are estimated to need more
 * than half the runtime's memory stays on the row operators, which stream.
 */
final class LiveVectorSource implements VectorSource {

    /** Bytes a string value is assumed to take in memory: its id, and a share of the dictionary. */
    private static final int STRING_BYTES = 20;

    private final StoreTable table;
    private final TableDefinition definition;
    private final VectorRuntime runtime;
    private final Supplier<Optional<TableEstimates.Estimate>> estimate;
    private final List<Column> columns;

    LiveVectorSource(StoreTable table, VectorRuntime runtime, Supplier<Optional<TableEstimates.Estimate>> estimate) {
        this.table = table;
        this.definition = table.definition();
        this.runtime = runtime;
        this.estimate = estimate;
        this.columns = definition.allColumns();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public long rowCount() {
        return estimate.get().map(e -> (long) e.rows()).orElse(0L);
    }

    @Override
    public Lease planningData() {
        return null;
    }

    @Override
    public boolean readsPerQuery() {
        return true;
    }

    /** Only with an estimate of the table's rows, and columns of a layout the operators read. */
    @Override
    public boolean canHold(ImmutableBitSet fields) {
        Optional<TableEstimates.Estimate> known = estimate.get();
        if (known.isEmpty()) {
            return false;
        }
        long bytesPerRow = 0;
        for (int field : fields) {
            AthenaType type = columns.get(field).type();
            if (!ColumnLayout.isSupported(type)) {
                return false;
            }
            bytesPerRow += bytesPerValue(type);
        }
        return known.get().rows() * bytesPerRow <= runtime.memoryLimit() / 2.0;
    }

    private static int bytesPerValue(AthenaType type) {
        if (ColumnLayout.isDictionaryEncoded(type)) {
            return STRING_BYTES;
        }
        ArrowType arrow = ColumnLayout.arrowType(type);
        if (arrow instanceof ArrowType.Int integer) {
            return integer.getBitWidth() / 8;
        }
        return switch (arrow.getTypeID()) {
            case Bool -> 1;
            case FloatingPoint, Date -> 8;
            default -> 16;
        };
    }

    @Override
    public Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters) {
        int[] read = fields.toArray();
        BufferAllocator allocator = runtime.newQueryAllocator("live-" + definition.name());
        List<VectorSchemaRoot> batches = new ArrayList<>();
        StringDictionary[] dictionaries = new StringDictionary[columns.size()];
        try {
            for (int field : read) {
                if (ColumnLayout.isDictionaryEncoded(columns.get(field).type())) {
                    dictionaries[field] = new StringDictionary(field, columns.get(field).name(), allocator);
                }
            }
            BatchEncoder encoder = new BatchEncoder(allocator, columns, dictionaries);
            try (BatchScan scan = table.batches(read, filters, context, allocator, runtime.batchRows())) {
                ColumnBatch batch;
                while ((batch = scan.next()) != null) {
                    try (ColumnBatch taken = batch) {
                        if (taken.rowCount() > 0) {
                            batches.add(encoder.encode(taken, read));
                        }
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            ColumnarBatches.free(batches, dictionaries, allocator);
            OutOfMemoryException exhausted = memoryLimit(e);
            if (exhausted != null) {
                throw SqlErrors.resourcesExhausted(exhausted);
            }
            throw e;
        }
        if (batches.isEmpty()) {
            // No rows: the operators answer as for an empty SPICE dataset.
            ColumnarBatches.free(batches, dictionaries, allocator);
            return null;
        }
        Held held = new Held(allocator, columns, batches, dictionaries);
        return Lease.of(held, held::release);
    }

    /** The memory limit that stopped a read (readers wrap it in their own errors), or null. */
    private static OutOfMemoryException memoryLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryException limit) {
                return limit;
            }
        }
        return null;
    }

    @Override
    public Executor scanExecutor() {
        return runtime.executor();
    }

    @Override
    public int threads() {
        return runtime.threads();
    }

    @Override
    public void recordVectorizedScan() {
        runtime.recordScan();
    }

    /** The columns one query read, freed when it is done with them. */
    private static final class Held extends ColumnarBatches {
        private boolean released;

        Held(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
             StringDictionary[] dictionaries) {
            super(allocator, columns, batches, dictionaries);
        }

        synchronized void release() {
            if (!released) {
                released = true;
                free();
            }
        }
    }
}
