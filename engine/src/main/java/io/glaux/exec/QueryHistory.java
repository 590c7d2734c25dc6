package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.persist.JsonFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Query executions persisted one JSON file each, so GetQueryExecution and ListQueryExecutions answer after a
 * restart. A query still queued or running when the process stopped is recorded as FAILED on the next start. As
 * Athena, it keeps a query for {@link #RETENTION} after its submission: an older record is deleted when the history
 * is loaded (so a data folder's history, which every start reads, does not grow without end).
 */
public final class QueryHistory {

    /** How long Athena keeps a query's history ("Athena keeps a query history for 45 days"). */
    public static final Duration RETENTION = Duration.ofDays(45);

    private final Path folder;
    private final JsonFiles files = new JsonFiles();
    private final boolean syncWrites;

    public QueryHistory(Path folder) {
        this(folder, true);
    }

    /** @param syncWrites force each record to disk (survives a power cut; costs an fsync or two per save) */
    public QueryHistory(Path folder, boolean syncWrites) {
        this.folder = folder;
        this.syncWrites = syncWrites;
    }

    public void save(QueryExecution execution) {
        files.write(folder.resolve(execution.queryExecutionId() + ".json"), execution, syncWrites);
    }

    /** Forgets an execution (one that was refused after it was recorded). */
    public void delete(String queryExecutionId) {
        try {
            Files.deleteIfExists(folder.resolve(queryExecutionId + ".json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not delete history record " + queryExecutionId, e);
        }
    }

    /** Every recorded execution; interrupted ones come back FAILED (and are saved so). */
    public List<QueryExecution> load() {
        return load(interrupted -> { });
    }

    /**
     * Every recorded execution submitted within {@link #RETENTION}; interrupted ones are first given to
     * {@code recovery} (which undoes what they left), then come back FAILED and are saved so. Older records are
     * deleted (an interrupted one after its recovery).
     */
    public List<QueryExecution> load(java.util.function.Consumer<QueryExecution> recovery) {
        Instant keptSince = Instant.now().minus(RETENTION);
        List<QueryExecution> executions = new ArrayList<>();
        for (QueryExecution recorded : files.readAll(folder, QueryExecution.class)) {
            QueryExecution execution = recorded;
            if (!execution.state().isTerminal()) {
                recovery.accept(execution);
                execution = interrupted(execution);
            }
            Instant submitted = execution.status().submissionDateTime();
            if (submitted != null && submitted.isBefore(keptSince)) {
                delete(execution.queryExecutionId());
                continue;
            }
            if (execution != recorded) {
                save(execution);
            }
            executions.add(execution);
        }
        return executions;
    }

    private static QueryExecution interrupted(QueryExecution execution) {
        String reason = "Query was interrupted because Glaux stopped while it ran";
        QueryStatus status = new QueryStatus(QueryState.FAILED, reason, execution.status().submissionDateTime(),
                Instant.now(), AthenaError.of(ErrorType.INTERNAL_SERVICE_ERROR, reason));
        return new QueryExecution(execution.queryExecutionId(), execution.query(), execution.statementType(),
                execution.workgroup(), execution.context(), execution.outputLocation(), status,
                execution.statistics(), null, execution.executionParameters(), execution.clientRequestToken(),
                execution.encryption());
    }
}
