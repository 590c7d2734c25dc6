package io.glaux.exec;

import io.glaux.catalog.Catalog;
import io.glaux.sql.catalog.CatalogRegistry;
import io.glaux.catalog.ddl.DdlExecutor;
import io.glaux.catalog.ddl.DdlParser;
import io.glaux.catalog.ddl.DdlResult;
import io.glaux.catalog.ddl.DdlStatement;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.FormatRegistry;
import io.glaux.results.ColumnInfo;
import io.glaux.results.CsvResultWriter;
import io.glaux.results.ResultObjects;
import io.glaux.results.TextResultWriter;
import io.glaux.results.ValueType;
import io.glaux.saved.PreparedStatementCommand;
import io.glaux.saved.PreparedStatementStore;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import org.apache.calcite.linq4j.Enumerator;

import java.util.List;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs statements: queries stream their rows into {@code <id>.csv}; catalog DDL writes its output lines to
 * {@code <id>.txt}; CREATE VIEW, CTAS, INSERT INTO and UNLOAD plan their query part with the SQL planner, and the
 * last three also write a manifest of the data objects they added ({@code <id>-manifest.csv}, reported as the
 * outcome's data manifest). PREPARE and DEALLOCATE PREPARE manage the workgroup's
 * prepared statements; EXECUTE runs one.
 */
public final class StatementExecutor implements StatementRunner {

    private final CatalogRegistry catalogs;
    private final QueryPlanner planner;
    private final ObjectStore store;
    private final ResultObjects results;
    private final DdlExecutor ddl;
    private final CreateViewRunner views;
    private final CreateTableAsRunner createTableAs;
    private final InsertRunner inserts;
    private final UnloadRunner unloads;
    private final PreparedStatementCommands prepared;
    private volatile QueryAccess access = QueryAccess.NONE;

    /**
     * @param catalog  the Glue-like catalog DDL changes
     * @param catalogs every catalog; SHOW and DESCRIBE over the others read their metadata
     */
    public StatementExecutor(Catalog catalog, CatalogRegistry catalogs, QueryPlanner planner, ObjectStore store,
                             ResultObjects results, FormatRegistry formats,
                             PreparedStatementStore preparedStatements) {
        this.catalogs = catalogs;
        this.planner = planner;
        this.store = store;
        this.results = results;
        this.ddl = new DdlExecutor(catalog, store);
        this.views = new CreateViewRunner(catalog, planner);
        this.createTableAs = new CreateTableAsRunner(catalog, planner, store, formats);
        this.inserts = new InsertRunner(catalog, planner, store, formats);
        this.unloads = new UnloadRunner(planner, store, formats);
        this.prepared = new PreparedStatementCommands(preparedStatements, planner);
    }

    /**
     * Checks every query run from now on that has a caller ({@link QueryRequest#principal()}) against
     * {@code access} before it reads anything ({@link QueryAccess#NONE}: no checks).
     */
    public void access(QueryAccess access) {
        this.access = access == null ? QueryAccess.NONE : access;
        results.keyUsers(this.access.keyUsers());
    }

    @Override
    public void recoverInterrupted(QueryExecution interrupted) throws IOException {
        Optional<DdlStatement> parsed = DdlParser.tryParse(interrupted.query());
        if (parsed.isPresent() && parsed.get() instanceof DdlStatement.CreateTableAsSelect ctas) {
            createTableAs.rollBackInterrupted(interrupted.queryExecutionId(), ctas, interrupted.context());
        }
    }

    @Override
    public StatementType classify(String sql) {
        return StatementType.classify(sql);
    }

    @Override
    public StatementType classify(QueryRequest request) {
        return prepared.classify(request).orElseGet(() -> classify(request.query()));
    }

    /**
     * Queries and EXPLAIN answer rows ({@code <id>.csv}); DDL, SHOW, DESCRIBE, CTAS, INSERT, PREPARE and DEALLOCATE
     * write text. (EXECUTE is judged by the type of the statement it runs.)
     */
    @Override
    public boolean writesText(QueryRequest request) {
        return switch (classify(request)) {
            case DDL -> true;
            case UTILITY -> !ExplainStatement.isExplain(request.query()) && !isDescribeOfPrepared(request.query())
                    && !isShowFunctions(request.query());
            case DML -> isParsedAsDdl(request.query());
        };
    }

    private static boolean isShowFunctions(String sql) {
        try {
            return ShowFunctionsStatement.parse(sql).isPresent();
        } catch (GlauxException e) {
            return true;
        }
    }

    private static boolean isDescribeOfPrepared(String sql) {
        try {
            return PreparedStatementCommands.parse(sql).orElse(null) instanceof PreparedStatementCommand.Describe;
        } catch (GlauxException e) {
            return false;
        }
    }

    private static boolean isParsedAsDdl(String sql) {
        try {
            return DdlParser.tryParse(sql).isPresent();
        } catch (GlauxException e) {
            return true;
        }
    }

    @Override
    public void checkOutputBucket(S3Location outputPrefix) {
        boolean exists;
        try {
            exists = store.bucketExists(outputPrefix.bucket());
        } catch (java.io.IOException e) {
            return;
        }
        if (!exists) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, noOutputBucket(outputPrefix));
        }
    }

    private static String noOutputBucket(S3Location outputPrefix) {
        return "Unable to verify/create output bucket " + outputPrefix.bucket();
    }

    @Override
    public StatementOutcome run(String queryId, QueryRequest request, S3Location outputPrefix, ScanContext scan)
            throws Exception {
        long planningStart = System.nanoTime();
        // Checked again: the bucket may be gone since the submission, or the store did not answer then.
        boolean outputBucket;
        try {
            outputBucket = store.bucketExists(outputPrefix.bucket());
        } catch (java.io.IOException e) {
            throw new GlauxException(ErrorType.INTERNAL_SERVICE_ERROR, noOutputBucket(outputPrefix) + ": "
                    + e.getMessage(), e);
        }
        if (!outputBucket) {
            throw new GlauxException(ErrorType.USER_ERROR, noOutputBucket(outputPrefix));
        }
        // The statement reads encrypted objects with its caller's use of KMS keys, and its results are encrypted
        // as the request says (the workgroup's setting when it enforces it), written as the caller.
        scan.readAs(access.keyUsers().of(request.principal(), "s3"));
        ResultObjects.Sink sink = results.sink(request.encryption(), request.principal());
        Optional<PreparedStatementCommand> command = PreparedStatementCommands.parse(request.query());
        if (command.isPresent()) {
            if (command.get() instanceof PreparedStatementCommand.Execute execute) {
                return run(queryId, prepared.bind(execute, request), outputPrefix, scan);
            }
            if (command.get() instanceof PreparedStatementCommand.Describe describe) {
                PreparedStatementCommands.TableResult table = prepared.describe(describe, request);
                return table(sink, queryId, outputPrefix, table.columns(), table.rows(),
                        (System.nanoTime() - planningStart) / 1_000_000);
            }
            if (command.get() instanceof PreparedStatementCommand.Prepare prepare) {
                prepared.prepare(prepare, request);
            } else {
                prepared.deallocate((PreparedStatementCommand.Deallocate) command.get(), request);
            }
            return text(sink, queryId, outputPrefix, "result", List.of(), null, planningStart);
        }
        Optional<ShowFunctionsStatement> showFunctions = ShowFunctionsStatement.parse(request.query());
        if (showFunctions.isPresent()) {
            return table(sink, queryId, outputPrefix, ShowFunctionsStatement.COLUMNS, showFunctions.get().rows(),
                    (System.nanoTime() - planningStart) / 1_000_000);
        }
        Optional<ExplainStatement> explain = ExplainStatement.parse(request.query());
        if (explain.isPresent()) {
            return explain(sink, queryId, request, explain.get(), outputPrefix, scan, planningStart);
        }
        Optional<DdlStatement> parsed = DdlParser.tryParse(request.query());
        if (parsed.isEmpty()) {
            return select(sink, queryId, request, outputPrefix, scan, planningStart);
        }
        DdlStatement statement = parsed.get();
        QueryContext context = request.context();
        try {
            if (statement instanceof DdlStatement.CreateView view) {
                views.run(view, context);
                return text(sink, queryId, outputPrefix, "result", List.of(), null, planningStart);
            }
            if (statement instanceof DdlStatement.CreateTableAsSelect ctas) {
                CreateTableAsRunner.WriteOutcome outcome = createTableAs.run(queryId, ctas, context,
                        request.executionParameters(), outputPrefix, scan);
                return written(sink, queryId, outputPrefix, outcome, planningStart);
            }
            if (statement instanceof DdlStatement.InsertInto insert) {
                CreateTableAsRunner.WriteOutcome outcome = inserts.run(queryId, insert, context,
                        request.executionParameters(), scan);
                return written(sink, queryId, outputPrefix, outcome, planningStart);
            }
            if (statement instanceof DdlStatement.Unload unload) {
                UnloadRunner.Planned planned = unloads.plan(unload, context, request.executionParameters(),
                        scan.cancelFlag());
                if (request.principal() != null) {
                    access.check(request.principal(), planned.query().tables(),
                            io.glaux.results.ResultLocations.text(outputPrefix, queryId));
                    access.check(request.principal(), List.of(), planned.location());
                }
                return written(sink, queryId, outputPrefix, unloads.write(queryId, planned, scan), planningStart);
            }
        } catch (GlauxException e) {
            throw SqlPositions.shift(e, request.query(), ((DdlStatement.WithQuery) statement).queryOffset());
        }
        String target = DdlExecutor.catalogOf(statement).orElse(context.catalog());
        DdlResult result = QueryContext.DEFAULT_CATALOG.equals(target) ? ddl.execute(statement, context.database())
                : DdlExecutor.readOnly(catalogs.require(target).metadata(), target, statement, context.database());
        return text(sink, queryId, outputPrefix, result.columnName(), result.lines(), null, planningStart);
    }

    private StatementOutcome select(ResultObjects.Sink sink, String queryId, QueryRequest request,
                                    S3Location outputPrefix, ScanContext scan, long planningStart) throws Exception {
        PreparedQuery query = planner.prepare(request.query(), request.context(), request.executionParameters(),
                scan.cancelFlag());
        if (request.principal() != null) {
            access.check(request.principal(), query.tables(), outputPrefix.resolve(queryId + ".csv"));
        }
        long planningMillis = (System.nanoTime() - planningStart) / 1_000_000;
        try (CsvResultWriter writer = ResultWriteFailures.translated(outputPrefix.resolve(queryId + ".csv"),
                () -> new CsvResultWriter(sink, outputPrefix, queryId, query.columns(), query.valueTypes()));
             Enumerator<Object[]> rows = query.run(scan, scan.cancelFlag())) {
            while (rows.moveNext()) {
                writer.write(rows.current());
            }
            S3Location object = writer.commit(StatementType.DML.name());
            return new StatementOutcome(query.columns(), writer.rowCount(), null, object.toString(), planningMillis);
        }
    }

    /**
     * EXPLAIN of a query: its plan as rows of one column {@code Query Plan} in {@code <id>.csv}, one line of the
     * text plan per row (EXPLAIN ANALYZE runs the query first); {@code TYPE VALIDATE} answers one row, column
     * {@code Valid}, {@code true}, once the query plans.
     */
    private StatementOutcome explain(ResultObjects.Sink sink, String queryId, QueryRequest request,
                                     ExplainStatement explain, S3Location outputPrefix, ScanContext scan,
                                     long planningStart) throws Exception {
        if (isParsedAsDdl(explain.query()) || ExplainStatement.isExplain(explain.query())) {
            throw new GlauxException(ErrorType.USER_ERROR, "NOT_SUPPORTED: Glaux explains queries only"
                    + " (SELECT, WITH, VALUES)");
        }
        PreparedQuery query;
        try {
            query = planner.prepare(explain.query(), request.context(), request.executionParameters(),
                    scan.cancelFlag());
        } catch (GlauxException e) {
            throw SqlPositions.shift(e, request.query(), explain.queryOffset());
        }
        if (request.principal() != null) {
            access.check(request.principal(), query.tables(), outputPrefix.resolve(queryId + ".csv"));
        }
        long planningMillis = (System.nanoTime() - planningStart) / 1_000_000;
        ColumnInfo column;
        List<Object> rows;
        if (explain.type() == ExplainStatement.Type.VALIDATE) {
            column = ColumnInfo.of("Valid", "boolean", 0, 0);
            rows = List.of(true);
        } else {
            column = ColumnInfo.of("Query Plan", "varchar", Integer.MAX_VALUE, 0);
            rows = List.copyOf(explain.analyze() ? query.explainAnalyze(scan, scan.cancelFlag()) : query.explain());
        }
        return table(sink, queryId, outputPrefix, List.of(column), rows.stream().map(row -> new Object[] {row})
                .toList(), planningMillis);
    }

    /** A utility statement's rows (EXPLAIN, DESCRIBE INPUT/OUTPUT) as a result table in {@code <id>.csv}. */
    private StatementOutcome table(ResultObjects.Sink sink, String queryId, S3Location outputPrefix,
                                   List<ColumnInfo> columns, List<Object[]> rows, long planningMillis)
            throws Exception {
        try (CsvResultWriter writer = ResultWriteFailures.translated(outputPrefix.resolve(queryId + ".csv"),
                () -> new CsvResultWriter(sink, outputPrefix, queryId, columns,
                        columns.stream().map(ValueType::of).toList()))) {
            for (Object[] row : rows) {
                writer.write(row);
            }
            S3Location object = writer.commit(StatementType.UTILITY.name());
            return new StatementOutcome(columns, writer.rowCount(), null, object.toString(), planningMillis);
        }
    }

    /**
     * After a CTAS, INSERT INTO or UNLOAD: the manifest of the files it wrote, and an empty text result whose
     * UpdateCount is the number of rows written.
     */
    private StatementOutcome written(ResultObjects.Sink sink, String queryId, S3Location outputPrefix,
                                     CreateTableAsRunner.WriteOutcome outcome, long planningStart) throws IOException {
        S3Location manifest = ResultWriteFailures.translated(
                io.glaux.results.ResultLocations.manifest(outputPrefix, queryId),
                () -> TextResultWriter.writeManifest(sink, outputPrefix, queryId, outcome.objects()));
        return text(sink, queryId, outputPrefix, "rows", List.of(), outcome.rows(), planningStart)
                .withDataManifest(manifest);
    }

    private StatementOutcome text(ResultObjects.Sink sink, String queryId, S3Location outputPrefix, String column,
                                  List<String> lines, Long updateCount, long planningStart) throws IOException {
        S3Location object = ResultWriteFailures.translated(io.glaux.results.ResultLocations.text(outputPrefix,
                queryId), () -> TextResultWriter.write(sink, outputPrefix, queryId, lines));
        List<ColumnInfo> columns = List.of(ColumnInfo.of(column, "varchar", Integer.MAX_VALUE, 0));
        return new StatementOutcome(columns, lines.size(), updateCount, object.toString(),
                (System.nanoTime() - planningStart) / 1_000_000);
    }
}
