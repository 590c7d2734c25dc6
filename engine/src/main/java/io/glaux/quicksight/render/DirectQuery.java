package io.glaux.quicksight.render;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryService;
import io.glaux.exec.QueryState;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.role.QueryChecks;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.storage.S3Location;
import io.glaux.quicksight.visual.VisualColumn;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs SQL as QuickSight runs a direct query: a real Athena query execution in a workgroup, stopped and failed after
 * the time limit, its rows read back from the result object. Failures are QuickSight's: QUERY_TIMEOUT, or QUERY_FAILED
 * with Athena's reason. It runs as QuickSight's service role: what the role may not do fails it with AWS's sentence and
 * the fix ({@link QueryChecks}).
 */
final class DirectQuery {

    private final Glaux glaux;
    private final Duration timeout;
    private final QuickSightRole role;
    private final QueryChecks checks;

    DirectQuery(Glaux glaux, Duration timeout, QuickSightRole role) {
        this.glaux = glaux;
        this.timeout = timeout;
        this.role = role;
        this.checks = new QueryChecks(glaux, role);
    }

    VisualData run(String sql, List<VisualColumn> columns, String workGroup) {
        long start = System.nanoTime();
        QueryService queries = glaux.queries();
        checks.beforeQuery(sql, workGroup).ifPresent(refused -> {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, refused.message());
        });
        QueryExecution submitted = queries.submit(QueryRequest.of(sql).withWorkgroup(workGroup)
                .withPrincipal(role.principal()));
        QueryExecution finished;
        try {
            finished = queries.await(submitted.queryExecutionId(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queries.cancel(submitted.queryExecutionId());
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, "Interrupted");
        }
        if (!finished.state().isTerminal()) {
            queries.cancel(submitted.queryExecutionId());
            throw new QuickSightException(QuickSightException.Kind.QUERY_TIMEOUT, null, "Query timeout: the direct"
                    + " query " + submitted.queryExecutionId() + " ran for more than " + timeout.toSeconds()
                    + " seconds, the limit of a visual's direct query (QuickSight's is 2 minutes); it was stopped. Import the dataset into SPICE"
                    + " or narrow the visual with filters.");
        }
        if (finished.state() != QueryState.SUCCEEDED) {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, "Your database generated a"
                    + " SQL exception (query " + finished.queryExecutionId() + "): "
                    + finished.status().stateChangeReason());
        }
        if (finished.result() != null) {
            checks.beforeRead(S3Location.parse(finished.result().resultObject())).ifPresent(refused -> {
                throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, refused.message());
            });
        }
        QueryResults results;
        try {
            // QuickSight reads the results as its role: encrypted results need the role's use of their key.
            results = glaux.results(finished.queryExecutionId(), role.principal());
        } catch (io.glaux.iam.AccessDeniedException denied) {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, QueryChecks.keyRefused(denied,
                    "reading the result of query " + finished.queryExecutionId()).message());
        } catch (IOException e) {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, "The result of query "
                    + finished.queryExecutionId() + " could not be read: " + e.getMessage());
        }
        return new VisualData(columns, emptyAsNull(results.rows()), VisualData.DIRECT_QUERY,
                finished.queryExecutionId(), Duration.ofNanos(System.nanoTime() - start).toMillis(),
                finished.statistics().dataScannedInBytes());
    }

    /** Athena's CSV result writes NULL as an empty field; a visual shows it as null. */
    private static List<List<String>> emptyAsNull(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v == null || v.isEmpty() ? null : v).toList())
                .toList();
    }
}
