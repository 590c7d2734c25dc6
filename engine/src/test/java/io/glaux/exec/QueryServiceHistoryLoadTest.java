package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.sql.QueryContext;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.S3Location;
import io.glaux.workgroup.WorkgroupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The query history is read beside the start, by a thread of its own: the service is ready before it is read, and a
 * call that starts a query or looks up a past one waits for it.
 */
class QueryServiceHistoryLoadTest {

    private static final String TOKEN = "t".repeat(32);

    @TempDir
    Path data;

    /** A runner that runs nothing, and whose undoing of an interrupted query waits for {@code recovering}. */
    private static StatementRunner runner(CountDownLatch recovering) {
        return new StatementRunner() {
            @Override
            public StatementOutcome run(String queryId, QueryRequest request, S3Location outputPrefix,
                                        ScanContext scan) {
                throw new IllegalStateException("no query is run by this test");
            }

            @Override
            public StatementType classify(String sql) {
                return StatementType.DML;
            }

            @Override
            public void recoverInterrupted(QueryExecution interrupted) throws InterruptedException {
                recovering.await();
            }
        };
    }

    private static QueryExecution recorded(String id, QueryState state, String token) {
        Instant submission = Instant.now().minus(Duration.ofHours(1));
        return new QueryExecution(id, "SELECT 1", StatementType.DML, "primary", QueryContext.DEFAULT,
                "s3://glaux-query-results/" + id + ".csv", new QueryStatus(state, null, submission,
                state.isTerminal() ? submission.plusSeconds(1) : null, null), QueryStatistics.EMPTY, null, List.of(),
                token, null);
    }

    @Test
    void theServiceIsReadyBeforeItsHistoryIsReadAndLookupsWaitForIt() throws Exception {
        QueryHistory history = new QueryHistory(data.resolve("history"), false);
        history.save(recorded("interrupted", QueryState.RUNNING, null));
        for (int i = 0; i < 200; i++) {
            history.save(recorded("done-" + i, QueryState.SUCCEEDED, i == 7 ? TOKEN : null));
        }
        CountDownLatch recovering = new CountDownLatch(1);
        WorkgroupService workgroups = new WorkgroupService(data.resolve("workgroups"), "s3://glaux-query-results/");

        // Read synchronously, the constructor would wait on the interrupted query's recovery for ever.
        QueryService queries = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new QueryService(runner(recovering), workgroups, history, 2, 10, 0.9));
        try {
            CompletableFuture<Optional<QueryExecution>> lookup = CompletableFuture.supplyAsync(
                    () -> queries.get("done-3"));
            CompletableFuture<QueryExecution> repeated = CompletableFuture.supplyAsync(
                    () -> queries.submit(QueryRequest.of("SELECT 1").withClientRequestToken(TOKEN)));
            CompletableFuture<List<QueryExecution>> listed = CompletableFuture.supplyAsync(
                    () -> queries.list("primary"));
            Thread.sleep(200);
            assertThat(lookup).isNotDone();
            assertThat(repeated).isNotDone();
            assertThat(listed).isNotDone();

            recovering.countDown();
            assertThat(lookup.get(30, TimeUnit.SECONDS)).hasValueSatisfying(
                    execution -> assertThat(execution.state()).isEqualTo(QueryState.SUCCEEDED));
            // The token of a query in the history still names it: no new query was started.
            assertThat(repeated.get(30, TimeUnit.SECONDS).queryExecutionId()).isEqualTo("done-7");
            assertThat(listed.get(30, TimeUnit.SECONDS)).hasSize(201);
            assertThat(queries.get("interrupted").orElseThrow().state()).isEqualTo(QueryState.FAILED);
            assertThat(queries.get("never-run")).isEmpty();
        } finally {
            recovering.countDown();
            queries.close();
        }
    }
}
