package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.error.GlauxException;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.ScanContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.calcite.linq4j.Enumerator;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Runs a dataset's query through the planner and streams its rows into a new {@link SpiceVersion}, batch by batch.
 * The row limit is checked per row, the capacity limit per batch (and enforced per allocation by the SPICE
 * allocator), so an oversized import fails with an ErrorInfo instead of exhausting memory.
 */
final class SpiceImporter {

    static final int BATCH_ROWS = 64 * 1024;

    private final QueryPlanner planner;
    private final SpiceLimits limits;
    private final BufferAllocator root;
    private final int batchRows;

    SpiceImporter(QueryPlanner planner, SpiceLimits limits, BufferAllocator root, int batchRows) {
        this.planner = planner;
        this.limits = limits;
        this.root = root;
        this.batchRows = batchRows;
    }

    /**
     * Imports the definition's rows; the result is not yet visible to anyone.
     *
     * @throws IngestionFailure when the query fails or a limit is exceeded
     * @throws CancellationException when {@code ingestion} was cancelled
     */
    SpiceVersion importRows(SpiceDefinition definition, Ingestion ingestion) {
        PreparedQuery query;
        try {
            query = planner.prepare(definition.sql(), definition.context(), List.of());
        } catch (GlauxException e) {
            throw new IngestionFailure(sqlErrorType(e.getMessage()), e.getMessage(), e);
        }
        List<Column> columns = query.tableColumns();
        for (Column column : columns) {
            if (!ColumnCodecs.isSupported(column.type())) {
                throw new IngestionFailure(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR, "Column " + column.name()
                        + " has type " + column.type().ddl() + ", which SPICE cannot hold");
            }
        }
        BufferAllocator allocator = root.newChildAllocator("spice-" + definition.name() + "-" + ingestion.id(), 0,
                Long.MAX_VALUE);
        VersionBuilder builder = new VersionBuilder(allocator, columns, batchRows);
        try {
            ScanContext scan = new ScanContext(ingestion.cancelFlag(), Long.MAX_VALUE);
            long rows = 0;
            try (Enumerator<Object[]> result = query.run(scan, ingestion.cancelFlag())) {
                while (result.moveNext()) {
                    if (ingestion.cancelFlag().get()) {
                        throw new CancellationException("Ingestion was cancelled");
                    }
                    if (++rows > limits.maxRowsPerDataset()) {
                        throw new IngestionFailure(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED,
                                "The dataset exceeds the SPICE limit of " + limits.maxRowsPerDataset() + " rows");
                    }
                    boolean batchDone = builder.append(result.current());
                    ingestion.addRows(1);
                    if (batchDone) {
                        checkCapacity();
                    }
                }
            }
            checkCapacity();
            if (ingestion.cancelFlag().get()) {
                throw new CancellationException("Ingestion was cancelled");
            }
            return builder.build();
        } catch (OutOfMemoryException e) {
            throw capacityExceeded();
        } catch (GlauxException e) {
            throw new IngestionFailure(IngestionErrorType.SQL_EXCEPTION, e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new IngestionFailure(IngestionErrorType.SQL_EXCEPTION, "A value does not fit its column: "
                    + e.getMessage(), e);
        } finally {
            builder.close();
        }
    }

    private void checkCapacity() {
        if (root.getAllocatedMemory() > limits.maxTotalBytes()) {
            throw capacityExceeded();
        }
    }

    private IngestionFailure capacityExceeded() {
        return new IngestionFailure(IngestionErrorType.ACCOUNT_CAPACITY_LIMIT_EXCEEDED,
                "SPICE capacity of " + limits.maxTotalBytes() + " bytes is exhausted");
    }

    private static IngestionErrorType sqlErrorType(String message) {
        String text = message == null ? "" : message.toUpperCase(Locale.ROOT);
        return text.contains("TABLE_NOT_FOUND") || text.contains("SCHEMA_NOT_FOUND")
                ? IngestionErrorType.SQL_TABLE_NOT_FOUND : IngestionErrorType.SQL_EXCEPTION;
    }
}
