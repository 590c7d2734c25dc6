package io.glaux.exec;

import io.glaux.Glaux;
import io.glaux.testing.ThreadActivity;
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

    /**
     * {@code WITH d(x) AS (VALUES 0..9), n AS (ids 0..10^digits-1 with k = id % 10)}: rows made by the plan itself,
     * with no table scan underneath (scans have always checked the cancel flag; these operators did not).
     */
    private static String numbers(int digits) {
        StringBuilder id = new StringBuilder();
        StringBuilder from = new StringBuilder();
        long weight = 1;
        for (int i = 0; i < digits; i++) {
            id.append(i == 0 ? "" : " + ").append(weight).append(" * d").append(i).append(".x");
            from.append(i == 0 ? "" : ", ").append("d d").append(i);
            weight *= 10;
        }
        return "WITH d(x) AS (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), n AS (SELECT id, id % 10 AS k FROM (SELECT "
                + id + " AS id FROM " + from + ")) ";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nested-loop join|5|SELECT count(*) FROM n p JOIN n q ON p.id + q.id < 0",
        "multi-way hash join|4|SELECT max(p.id + q.id + r.id) FROM n p JOIN n q ON p.k = q.k JOIN n r ON q.k = r.k",
        "aggregation|5|SELECT p.id, count(*), sum(q.id) FROM n p JOIN n q ON p.k = q.k GROUP BY p.id",
        "sort|5|SELECT p.id, q.id FROM n p JOIN n q ON p.k = q.k ORDER BY p.id * q.id DESC, p.id LIMIT 5",
        "window|6|SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 500000 PRECEDING AND CURRENT ROW) FROM n",
        "result writer|5|SELECT p.id, q.id FROM n p JOIN n q ON p.k = q.k WHERE (p.id + q.id) % 100 = 0",
        "CTAS write|5|CREATE TABLE copy WITH (format = 'PARQUET') AS SELECT p.id, q.id AS other FROM n p JOIN n q"
                + " ON p.k = q.k WHERE (p.id + q.id) % 100 = 0"
    })
    void stoppingAQueryFreesItsWorkerWhereverItIs(String kind, int digits, String query) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(1).syncWrites(false).build()) {
            String sql = query.startsWith("CREATE TABLE") ? query.replace(" AS SELECT", " AS " + numbers(digits)
                    + "SELECT") : numbers(digits) + query;
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
            String next = queries.submit(QueryRequest.of("SELECT 42")).queryExecutionId();
            assertThat(queries.await(next, STOPS_WITHIN).state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(glaux.results(next).rows()).containsExactly(java.util.List.of("42"));
            assertThat(glaux.store().head("glaux-query-results", id + ".csv")).isEmpty();
        }
    }
}
