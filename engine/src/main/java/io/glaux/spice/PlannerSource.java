package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.BatchScan;
import io.glaux.sql.scan.ScanContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.linq4j.Enumerator;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs the statement through the engine's planner in-process: no query execution, no result object. */
final class PlannerSource implements IngestionSource {

    private final Supplier<QueryPlanner> planner;

    PlannerSource(Supplier<QueryPlanner> planner) {
        this.planner = planner;
    }

    @Override
    public Optional<List<Column>> columns(SpiceDefinition definition) {
        return Optional.of(prepare(definition, definition.sql()).tableColumns());
    }

    @Override
    public SourceRows open(SpiceDefinition definition, String sql, Ingestion ingestion) {
        PreparedQuery query = prepare(definition, sql);
        List<Column> columns = query.tableColumns();
        ScanContext context = new ScanContext(ingestion.cancelFlag(), Long.MAX_VALUE);
        // char(n) values are stored as Trino holds them, without trailing spaces.
        Enumerator<Object[]> rows = query.runHeld(context, ingestion.cancelFlag());
        return new SourceRows() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public Object[] next() {
                return rows.moveNext() ? rows.current() : null;
            }

            @Override
            public Optional<ColumnBatches> batches(BufferAllocator allocator, int maxRows) {
                return query.columnScan().map(scan -> {
                    BatchScan batches = scan.open(context, allocator, maxRows);
                    return new ColumnBatches() {
                        @Override
                        public ColumnBatch next() {
                            return batches.next();
                        }

                        @Override
                        public void close() {
                            batches.close();
                        }
                    };
                });
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    private PreparedQuery prepare(SpiceDefinition definition, String sql) {
        try {
            return planner.get().prepare(sql, definition.context(), List.of());
        } catch (io.glaux.error.GlauxException e) {
            throw new IngestionFailure(IngestionErrors.fromEngine(e), e);
        }
    }
}
