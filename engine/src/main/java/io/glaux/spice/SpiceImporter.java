package io.glaux.spice;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.ColumnBatch;
import io.glaux.sql.vector.BatchBuilder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Runs a dataset's query through its {@link IngestionSource} and streams its rows into a new {@link SpiceVersion}, batch by batch.
 * The row limit is checked per row, the capacity limit per batch (and enforced per allocation by the SPICE
 * allocator), so an oversized import fails with an ErrorInfo instead of exhausting memory.
 *
 * <p>An incremental refresh ({@link #importWindow}) first copies the current version's rows outside the lookback
 * window (window column NULL or before the cutoff, see {@link LookbackWindow}), then appends the rows of the
 * dataset's query restricted to the window; the limits apply to the combined version.
 */
final class SpiceImporter {

    static final int BATCH_ROWS = 64 * 1024;

    private static final DateTimeFormatter TIMESTAMP_LITERAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_LITERAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

    private final IngestionSource source;
    private final SpiceLimits limits;
    private final BufferAllocator root;
    private final int batchRows;
    private final Runnable columnarImport;

    /** @param columnarImport told each time an import reads its rows in columns */
    SpiceImporter(IngestionSource source, SpiceLimits limits, BufferAllocator root, int batchRows,
                  Runnable columnarImport) {
        this.source = source;
        this.limits = limits;
        this.root = root;
        this.batchRows = batchRows;
        this.columnarImport = columnarImport;
    }

    /**
     * Imports the definition's rows; the result is not yet visible to anyone.
     *
     * @throws IngestionFailure when the query fails or a limit is exceeded
     * @throws CancellationException when {@code ingestion} was cancelled
     */
    SpiceVersion importRows(SpiceDefinition definition, Ingestion ingestion) {
        try (IngestionSource.SourceRows rows = open(definition, definition.sql(), ingestion)) {
            return build(definition, ingestion, RowShape.of(definition, rows.columns()), null, rows);
        }
    }

    /**
     * Builds the version an incremental refresh at {@code refreshTime} leaves: the current version's rows outside the
     * definition's lookback window, then the query's rows inside it. Without a current version this is
     * {@link #importRows} (the window column is checked against the query's columns). When the source knows the
     * query's columns without running it, the window is checked first, before the current version is asked for;
     * otherwise it is checked against the current version's columns, and the window query's columns must be those.
     *
     * @param current the dataset's current version retained for this import (which releases it), or null when the
     *                dataset has no data yet
     * @throws IngestionFailure when the window is unusable, the columns changed since the current version, the query
     *                          fails or a limit is exceeded
     * @throws CancellationException when {@code ingestion} was cancelled
     */
    SpiceVersion importWindow(SpiceDefinition definition, Ingestion ingestion, Supplier<SpiceVersion> current,
                              Instant refreshTime) {
        LookbackWindow window = definition.lookbackWindow();
        if (window == null) {
            throw new IngestionFailure(IngestionErrorType.SQL_INVALID_PARAMETER_VALUE, "Dataset "
                    + definition.name() + " has no lookback window, which an incremental refresh needs");
        }
        Optional<List<Column>> known = source.columns(definition)
                .map(columns -> RowShape.of(definition, columns).columns());
        known.ifPresent(columns -> windowColumn(definition, columns));
        SpiceVersion base = currentVersion(current);
        if (base == null) {
            try (IngestionSource.SourceRows rows = open(definition, definition.sql(), ingestion)) {
                RowShape shape = RowShape.of(definition, rows.columns());
                windowColumn(definition, shape.columns());
                return build(definition, ingestion, shape, null, rows);
            }
        }
        try {
            List<Column> columns = known.orElse(base.columns());
            if (!base.columns().equals(columns)) {
                throw new IngestionFailure(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR, "The columns of dataset "
                        + definition.name() + " changed since its last refresh, so an incremental refresh cannot"
                        + " keep its earlier rows; run a full refresh");
            }
            int windowColumn = windowColumn(definition, columns);
            Cutoff cutoff = Cutoff.of(window, refreshTime, columns.get(windowColumn).type().kind());
            String sql = windowSql(definition.sql(), columns.get(windowColumn).name(), cutoff);
            try (IngestionSource.SourceRows rows = open(definition, sql, ingestion)) {
                RowShape shape = RowShape.of(definition, rows.columns());
                List<Column> windowed = shape.columns();
                if (!windowed.equals(columns)) {
                    throw new IngestionFailure(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR, "The window query of"
                            + " dataset " + definition.name() + " has columns " + windowed + " instead of "
                            + columns);
                }
                return build(definition, ingestion, shape, new Kept(base, windowColumn, cutoff), rows);
            }
        } finally {
            base.release();
        }
    }

    /** The index of the lookback window's column, which must be a date or timestamp column of {@code columns}. */
    private static int windowColumn(SpiceDefinition definition, List<Column> columns) {
        LookbackWindow window = definition.lookbackWindow();
        int windowColumn = indexOf(columns, window.columnName());
        if (windowColumn < 0) {
            throw new IngestionFailure(IngestionErrorType.SQL_INVALID_PARAMETER_VALUE, "The lookback window column "
                    + window.columnName() + " is not a column of dataset " + definition.name());
        }
        AthenaType type = columns.get(windowColumn).type();
        if (type.kind() != AthenaType.Kind.DATE && type.kind() != AthenaType.Kind.TIMESTAMP) {
            throw new IngestionFailure(IngestionErrorType.SQL_INVALID_PARAMETER_VALUE, "The lookback window column "
                    + window.columnName() + " has type " + type.ddl() + "; it must be date or timestamp");
        }
        return windowColumn;
    }

    /** Opens the source's rows; an engine error while planning or starting becomes the ingestion's failure. */
    private IngestionSource.SourceRows open(SpiceDefinition definition, String sql, Ingestion ingestion) {
        try {
            return source.open(definition, sql, ingestion);
        } catch (GlauxException e) {
            throw new IngestionFailure(IngestionErrors.fromEngine(e), e);
        }
    }

    /**
     * Where the window starts, for one refresh: a value of the window column (days for dates, milliseconds for
     * timestamps) is inside when it is at least {@code bound}; {@code condition} says the same in SQL.
     */
    record Cutoff(long bound, String condition) {

        static Cutoff of(LookbackWindow window, Instant refreshTime, AthenaType.Kind kind) {
            Optional<Instant> cutoff = window.cutoff(refreshTime);
            if (cutoff.isEmpty()) {
                return new Cutoff(Long.MIN_VALUE, "IS NOT NULL");
            }
            Instant at = cutoff.get();
            if (kind == AthenaType.Kind.DATE) {
                LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                return new Cutoff(day.toEpochDay(), ">= DATE '" + DATE_LITERAL.format(day) + "'");
            }
            return new Cutoff(at.toEpochMilli(), ">= TIMESTAMP '" + TIMESTAMP_LITERAL.format(at) + "'");
        }

        boolean inside(Object value) {
            return value != null && ((Number) value).longValue() >= bound;
        }
    }

    /** The dataset's query restricted to the window: {@code SELECT * FROM (<sql>) WHERE "<column>" <condition>}. */
    static String windowSql(String sql, String column, Cutoff cutoff) {
        String query = sql.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        // Line breaks around the query so that a trailing line comment in it cannot swallow the closing parenthesis.
        return "SELECT * FROM (\n" + query + "\n) AS \"glaux_lookback_window\" WHERE " + quote(column) + " "
                + cutoff.condition();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Rows of {@code version} to carry over: those whose window column is outside the window (NULL or earlier). */
    private record Kept(SpiceVersion version, int windowColumn, Cutoff cutoff) {
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private SpiceVersion currentVersion(Supplier<SpiceVersion> current) {
        try {
            return current.get();
        } catch (GlauxException e) {
            if (e.type() == ErrorType.LIMIT_EXCEEDED) {
                throw new IngestionFailure(IngestionErrorType.ACCOUNT_CAPACITY_LIMIT_EXCEEDED, e.getMessage(), e);
            }
            throw e;
        }
    }

    private SpiceVersion build(SpiceDefinition definition, Ingestion ingestion, RowShape shape, Kept kept,
                               IngestionSource.SourceRows source) {
        List<Column> columns = shape.columns();
        BufferAllocator allocator = root.newChildAllocator("spice-" + definition.name() + "-" + ingestion.id(), 0,
                Long.MAX_VALUE);
        // A column read as values that are nearly all distinct keeps them (see BatchBuilder), for queries to encode
        // if one needs its ids.
        BatchBuilder builder = new BatchBuilder(allocator, columns, batchRows, true);
        try {
            long rows = kept == null ? 0 : copyKept(kept, builder, ingestion);
            Optional<IngestionSource.ColumnBatches> columnar = shape.keepsRows() ? source.batches(allocator, batchRows)
                    : Optional.empty();
            if (columnar.isPresent()) {
                columnarImport.run();
                try (IngestionSource.ColumnBatches batches = columnar.get()) {
                    for (ColumnBatch next = batches.next(); next != null; next = batches.next()) {
                        try (ColumnBatch batch = next) {
                            checkCancelled(ingestion);
                            rows = countRows(rows, batch.rowCount(), ingestion);
                            builder.append(batch);
                            ingestion.addRows(batch.rowCount());
                            checkCapacity();
                        }
                    }
                }
                checkCancelled(ingestion);
                return builder.build(SpiceVersion::new);
            }
            for (Object[] row = source.next(); row != null; row = source.next()) {
                checkCancelled(ingestion);
                Object[] shaped = row == IngestionSource.SourceRows.UNREADABLE ? null : shape.apply(row);
                if (shaped == null) {
                    ingestion.addDropped(1);
                    continue;
                }
                rows = countRow(rows);
                boolean batchDone = builder.append(shaped);
                ingestion.addRows(1);
                if (batchDone) {
                    checkCapacity();
                }
            }
            checkCapacity();
            checkCancelled(ingestion);
            return builder.build(SpiceVersion::new);
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

    /** Appends the kept rows of the current version (values re-encoded into the new dictionaries); returns them. */
    private long copyKept(Kept kept, BatchBuilder builder, Ingestion ingestion) {
        SpiceVersion version = kept.version();
        int width = version.columns().size();
        long rows = 0;
        for (VectorSchemaRoot batch : version.batches()) {
            for (int row = 0; row < batch.getRowCount(); row++) {
                if (kept.cutoff().inside(version.value(batch, kept.windowColumn(), row))) {
                    continue;
                }
                checkCancelled(ingestion);
                rows = countRow(rows);
                Object[] values = new Object[width];
                for (int column = 0; column < width; column++) {
                    values[column] = version.value(batch, column, row);
                }
                if (builder.append(values)) {
                    checkCapacity();
                }
            }
        }
        return rows;
    }

    /**
     * Counts a batch of {@code count} rows; when it would pass the row limit, the rows up to the limit are counted
     * as ingested (as row by row) and the import fails.
     */
    private long countRows(long rows, int count, Ingestion ingestion) {
        long allowed = limits.maxRowsPerDataset() - rows;
        if (count > allowed) {
            ingestion.addRows(Math.max(0, allowed));
            countRow(limits.maxRowsPerDataset());
        }
        return rows + count;
    }

    private long countRow(long rows) {
        if (rows + 1 > limits.maxRowsPerDataset()) {
            throw new IngestionFailure(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED,
                    "The dataset exceeds the SPICE limit of " + limits.maxRowsPerDataset() + " rows");
        }
        return rows + 1;
    }

    private static void checkCancelled(Ingestion ingestion) {
        if (ingestion.cancelFlag().get()) {
            throw new CancellationException("Ingestion was cancelled");
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
}
