package io.glaux.exec;

import io.glaux.results.CsvResultWriter;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Runs statements: queries stream their rows into {@code <id>.csv}; DDL goes to the catalog and writes
 * {@code <id>.txt}; CTAS and INSERT INTO write data objects and a manifest.
 */
public final class StatementExecutor implements StatementRunner {

    private final QueryPlanner planner;
    private final ObjectStore store;

    public StatementExecutor(QueryPlanner planner, ObjectStore store) {
        this.planner = planner;
        this.store = store;
    }

    @Override
    public StatementType classify(String sql) {
        return StatementType.DML;
    }

    @Override
    public StatementOutcome run(String queryId, QueryRequest request, S3Location outputPrefix, ScanContext scan)
            throws Exception {
        long planningStart = System.nanoTime();
        PreparedQuery query = planner.prepare(request.query(), request.context(), request.executionParameters());
        long planningMillis = (System.nanoTime() - planningStart) / 1_000_000;
        try (CsvResultWriter writer = new CsvResultWriter(store, outputPrefix, queryId, query.columns());
             Enumerator<Object[]> rows = query.run(scan, scan.cancelFlag())) {
            while (rows.moveNext()) {
                writer.write(rows.current());
            }
            S3Location object = writer.commit(StatementType.DML.name());
            return new StatementOutcome(query.columns(), writer.rowCount(), null, object.toString(), planningMillis);
        }
    }
}
