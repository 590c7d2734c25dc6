package io.glaux.exec;

import io.glaux.Glaux;
import io.glaux.testing.GeneratedRows;
import io.glaux.testing.ThreadActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * StopQueryExecution stops the work, not just the state: whatever operator a query is in (a join, an aggregation, a
 * sort, a window, writing its result or a CTAS table), its worker unwinds and is free for the next query within a
 * second or so. Each query here would run for minutes; the pool has one worker, so the next query can only run once
 * the stopped one has let go of it.
 */
class QueryCancellationTest {

    /** Generous for a loaded two-core machine; an unstoppable query takes minutes. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nested-loop join|5|SELECT count(*) FROM n p JOIN n q ON p.id + q.id < 0",
        "multi-way hash join|4|SELECT max(p.id + q.id + r.id) FROM n p JOIN n q ON p.k = q.k JOIN n r ON q.k = r.k",
        "aggregation|5|SELECT p.id, count(*), sum(q.id) FROM n p JOIN n q ON p.k = q.k GROUP BY p.id",
        // Integer products past 2^31 fail as in Trino: the sort key is computed in bigint.
        "sort|5|SELECT p.id, q.id FROM n p JOIN n q ON p.k = q.k ORDER BY CAST(p.id AS bigint) * q.id DESC, p.id"
                + " LIMIT 5",
        "window|6|SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 500000 PRECEDING AND CURRENT ROW) FROM n",
        "result writer|5|SELECT p.id, q.id FROM n p JOIN n q ON p.k = q.k WHERE (p.id + q.id) % 100 = 0",
        "CTAS write|5|CREATE TABLE copy WITH (format = 'PARQUET') AS SELECT p.id, q.id AS other FROM n p JOIN n q"
                + " ON p.k = q.k WHERE (p.id + q.id) % 100 = 0"
    })
    void stoppingAQueryFreesItsWorkerWhereverItIs(String kind, int digits, String query) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(1).syncWrites(false).build()) {
            String rows = GeneratedRows.numbers(digits);
            String sql = query.startsWith("CREATE TABLE") ? query.replace(" AS SELECT", " AS " + rows + "SELECT")
                    : rows + query;
            QueryService queries = glaux.queries();
            String id = queries.submit(QueryRequest.of(sql)).queryExecutionId();
            // Let it get well into its operators: past planning, into the plan's compiled code.
            ThreadActivity.awaitExecutingPlan("glaux-query-");
            Thread.sleep(1500);
            assertThat(queries.get(id).orElseThrow().state()).as(kind + " still running").isEqualTo(QueryState.RUNNING);

            Instant stopped = Instant.now();
            queries.cancel(id);
            QueryExecution done = queries.await(id, STOPS_WITHIN);
            assertThat(done.state()).as(kind + " stopped within " + STOPS_WITHIN).isEqualTo(QueryState.CANCELLED);
            assertThat(done.status().stateChangeReason()).isEqualTo("Query cancelled by user");
            System.out.printf("%s stopped in %d ms%n", kind, Duration.between(stopped, Instant.now()).toMillis());

            // The worker is idle, and the next query runs on it at once.
            ThreadActivity.assertIdle("glaux-query-");
            assertThat(queries.runningQueries()).isZero();
            String next = queries.submit(QueryRequest.of("SELECT 42")).queryExecutionId();
            assertThat(queries.await(next, STOPS_WITHIN).state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(glaux.results(next).rows()).containsExactly(java.util.List.of("42"));
            // Nothing of the stopped query is left: no result object, no CTAS table or data.
            assertThat(glaux.store().head("glaux-query-results", id + ".csv")).isEmpty();
            assertThat(glaux.store().listAll("glaux-query-results", "tables/")).isEmpty();
            assertThat(glaux.catalog().getTable("default", "copy")).isEmpty();
        }
    }

    @Test
    void closingGlauxCancelsRunningAndQueuedQueriesAndRecordsWhy() throws Exception {
        String running;
        String queued;
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(1).syncWrites(false).build()) {
            running = glaux.queries().submit(QueryRequest.of(GeneratedRows.numbers(5)
                    + "SELECT count(*) FROM n p JOIN n q ON p.id + q.id < 0")).queryExecutionId();
            queued = glaux.queries().submit(QueryRequest.of("SELECT 1")).queryExecutionId();
            ThreadActivity.awaitExecutingPlan("glaux-query-");
            assertThat(glaux.queries().get(queued).orElseThrow().state()).isEqualTo(QueryState.QUEUED);

            long start = System.nanoTime();
            glaux.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STOPS_WITHIN);
            for (String id : java.util.List.of(running, queued)) {
                QueryExecution stopped = glaux.queries().get(id).orElseThrow();
                assertThat(stopped.state()).isEqualTo(QueryState.CANCELLED);
                assertThat(stopped.status().stateChangeReason()).isEqualTo(QueryService.CANCELLED_BY_SHUTDOWN);
            }
            ThreadActivity.assertIdle("glaux-query-");
        }
        // The history says the same after a restart.
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            for (String id : java.util.List.of(running, queued)) {
                QueryExecution stopped = glaux.queries().get(id).orElseThrow();
                assertThat(stopped.state()).isEqualTo(QueryState.CANCELLED);
                assertThat(stopped.status().stateChangeReason()).isEqualTo(QueryService.CANCELLED_BY_SHUTDOWN);
                assertThat(stopped.status().completionDateTime()).isNotNull();
            }
        }
    }

    @Test
    void aClosedGlauxRefusesNewQueries() throws Exception {
        Glaux glaux = Glaux.builder().dataFolder(data).build();
        glaux.close();
        glaux.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of("SELECT 1")))
                .hasMessageContaining("stopping");
    }

    @Test
    void aQueryLeftUnfinishedByACrashIsFailedAtTheNextStart() throws Exception {
        // What a killed process leaves behind: records of queries that were queued or running.
        QueryHistory history = new QueryHistory(data.resolve(".glaux/history"), false);
        for (QueryState state : java.util.List.of(QueryState.QUEUED, QueryState.RUNNING)) {
            history.save(new QueryExecution("crashed-" + state, "SELECT 1", io.glaux.catalog.ddl.StatementType.DML,
                    "primary", io.glaux.sql.QueryContext.DEFAULT, "s3://glaux-query-results/crashed.csv",
                    new QueryStatus(state, null, Instant.now(), null, null), QueryStatistics.EMPTY, null,
                    java.util.List.of(), null, null));
        }
        for (int start = 0; start < 2; start++) {
            try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
                assertThat(glaux.queries().list("primary")).hasSize(2).allSatisfy(execution -> {
                    assertThat(execution.state()).isEqualTo(QueryState.FAILED);
                    assertThat(execution.status().stateChangeReason())
                            .isEqualTo("Query was interrupted because Glaux stopped while it ran");
                    assertThat(execution.status().athenaError()).isNotNull();
                    assertThat(execution.status().completionDateTime()).isNotNull();
                });
            }
        }
    }

    @Test
    void aCtasCommittedButNotRecordedWhenTheProcessStoppedLeavesNoTableAtTheNextStart() throws Exception {
        String committed;
        String other;
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            committed = run(glaux, "CREATE TABLE cut AS SELECT x FROM (VALUES (1), (2)) AS v (x)");
            other = run(glaux, "CREATE TABLE kept AS SELECT x FROM (VALUES (3)) AS v (x)");
            assertThat(glaux.store().listAll("glaux-query-results", "tables/" + committed + "/")).isNotEmpty();
        }
        // What a kill between the catalog commit and the history write leaves: the table, and the query RUNNING.
        // A second interrupted CTAS names a table another query made: that table is not its to undo.
        QueryHistory history = new QueryHistory(data.resolve(".glaux/history"), false);
        QueryExecution done = history.load().stream().filter(e -> e.queryExecutionId().equals(committed))
                .findFirst().orElseThrow();
        history.save(running(done, committed, done.query()));
        history.save(running(done, "late-" + other, "CREATE TABLE kept AS SELECT 4 AS x"));

        for (int start = 0; start < 2; start++) {
            try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
                assertThat(glaux.queries().get(committed).orElseThrow().state()).isEqualTo(QueryState.FAILED);
                assertThat(glaux.catalog().getTable("default", "cut")).as("rolled back").isEmpty();
                assertThat(glaux.store().listAll("glaux-query-results", "tables/" + committed + "/")).isEmpty();
                assertThat(glaux.catalog().getTable("default", "kept")).isPresent();
                QueryExecution select = glaux.queries().await(glaux.queries().submit(QueryRequest.of(
                        "SELECT count(*) FROM kept")).queryExecutionId(), Duration.ofMinutes(1));
                assertThat(select.state()).isEqualTo(QueryState.SUCCEEDED);
            }
        }
    }

    private static String run(Glaux glaux, String sql) throws InterruptedException {
        String id = glaux.queries().submit(QueryRequest.of(sql)).queryExecutionId();
        QueryExecution done = glaux.queries().await(id, Duration.ofMinutes(1));
        assertThat(done.state()).as(String.valueOf(done.status().stateChangeReason())).isEqualTo(QueryState.SUCCEEDED);
        return id;
    }

    private static QueryExecution running(QueryExecution like, String id, String sql) {
        return new QueryExecution(id, sql, like.statementType(), like.workgroup(), like.context(),
                like.outputLocation(), new QueryStatus(QueryState.RUNNING, null, Instant.now(), null, null),
                QueryStatistics.EMPTY, null, java.util.List.of(), null, null);
    }
}
