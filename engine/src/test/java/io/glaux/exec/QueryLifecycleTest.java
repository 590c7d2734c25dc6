package io.glaux.exec;

import io.glaux.Glaux;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.GlauxException;
import io.glaux.storage.ObjectUpload;
import io.glaux.testing.GlauxFixture;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.WorkgroupConfiguration;
import io.glaux.workgroup.WorkgroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryLifecycleTest {

    private static final String SLOW_QUERY = "SELECT count(*) FROM big WHERE regexp_like(s, '(x|y|z)+q$') OR id < 0";

    @TempDir
    Path data;

    /** Streams {@code rows} lines of "id,text" into one object and returns its size. */
    private static long writeBigCsv(Glaux glaux, int rows) throws IOException {
        glaux.store().createBucket("lake");
        long size = 0;
        try (ObjectUpload upload = glaux.store().startUpload("lake", "big/part-0.csv")) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(upload, StandardCharsets.UTF_8));
            for (int i = 0; i < rows; i++) {
                String line = i + ",row-" + (i % 997) + "-abcdefghijklmnopqrstuvwxyz\n";
                out.write(line);
                size += line.length();
            }
            out.flush();
            upload.commit();
        }
        QueryExecution created = glaux.execute("CREATE EXTERNAL TABLE IF NOT EXISTS big (id bigint, s string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/big/'");
        assertThat(created.state()).isEqualTo(QueryState.SUCCEEDED);
        return size;
    }

    private static void awaitRunning(QueryService queries, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (queries.get(id).orElseThrow().state() != QueryState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queries.get(id).orElseThrow().state()).isEqualTo(QueryState.RUNNING);
    }

    @Test
    void aSucceededQueryReportsItsStatisticsAndResultObject() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryExecution submitted = g.glaux().queries().submit(QueryRequest.of("SELECT 1 AS one"));
            assertThat(submitted.state()).isIn(QueryState.QUEUED, QueryState.RUNNING, QueryState.SUCCEEDED);
            assertThat(submitted.queryExecutionId())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            QueryExecution done = g.glaux().queries().await(submitted.queryExecutionId(), Duration.ofMinutes(1));
            assertThat(done.state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(done.statementType()).isEqualTo(StatementType.DML);
            assertThat(done.outputLocation())
                    .isEqualTo("s3://glaux-query-results/" + done.queryExecutionId() + ".csv");
            assertThat(done.status().completionDateTime()).isAfterOrEqualTo(done.status().submissionDateTime());
            QueryStatistics stats = done.statistics();
            assertThat(stats.totalExecutionTimeInMillis())
                    .isGreaterThanOrEqualTo(stats.engineExecutionTimeInMillis());
            assertThat(stats.dataScannedInBytes()).isZero();
            assertThat(g.glaux().queries().list("primary")).extracting(QueryExecution::queryExecutionId)
                    .contains(done.queryExecutionId());
        }
    }

    @Test
    void aRunningQueryCanBeCancelledAndLeavesNoResultObject() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            writeBigCsv(g.glaux(), 3_000_000);
            QueryService queries = g.glaux().queries();
            String id = queries.submit(QueryRequest.of(SLOW_QUERY)).queryExecutionId();
            awaitRunning(queries, id);
            queries.cancel(id);
            QueryExecution done = queries.await(id, Duration.ofSeconds(30));
            assertThat(done.state()).isEqualTo(QueryState.CANCELLED);
            assertThat(done.status().stateChangeReason()).isEqualTo("Query cancelled by user");
            assertThat(g.glaux().store().head("glaux-query-results", id + ".csv")).isEmpty();
            assertThat(g.glaux().store().head("glaux-query-results", id + ".csv.metadata")).isEmpty();
            // Stopping a finished query changes nothing, and the engine keeps serving.
            queries.cancel(id);
            assertThat(queries.get(id).orElseThrow().state()).isEqualTo(QueryState.CANCELLED);
            assertThat(g.rows("SELECT count(*) FROM big WHERE id < 10")).containsExactly(List.of("10"));
        }
    }

    @Test
    void exceedingTheWorkgroupsBytesScannedCutoffCancelsTheQuery() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            long size = writeBigCsv(g.glaux(), 400_000);
            assertThat(size).isGreaterThan(12_000_000L);
            g.glaux().workgroups().create("capped", null, new WorkgroupConfiguration(
                    ResultConfiguration.NONE.withOutputLocation("s3://capped-results/"), true, true,
                    10_000_000L, false, "AUTO"), Map.of());
            g.glaux().store().createBucket("capped-results");
            QueryExecution done = g.glaux().execute(QueryRequest.of("SELECT count(*) FROM big")
                    .withWorkgroup("capped"));
            assertThat(done.state()).as(done.status().stateChangeReason()).isEqualTo(QueryState.CANCELLED);
            assertThat(done.status().stateChangeReason())
                    .isEqualTo("Query cancelled! Bytes scanned limit was exceeded");
            assertThat(done.status().athenaError().errorCategory()).isEqualTo(2);
            assertThat(done.statistics().dataScannedInBytes()).isGreaterThan(10_000_000L).isLessThanOrEqualTo(size);
            assertThat(g.glaux().store().listAll("capped-results", "")).isEmpty();
            // The same query under primary (no cutoff) succeeds and scans the whole object.
            QueryExecution uncapped = g.run("SELECT count(*) FROM big");
            assertThat(uncapped.state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(uncapped.statistics().dataScannedInBytes()).isEqualTo(size);
        }
    }

    @Test
    void concurrentQueriesAllFinishWithTheirOwnAnswers() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(2).maxQueuedQueries(100).build()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(glaux.queries().submit(QueryRequest.of("SELECT " + i + " * x FROM (VALUES (1), (2), (3))"
                        + " AS t(x) ORDER BY x")).queryExecutionId());
            }
            for (int i = 0; i < ids.size(); i++) {
                QueryExecution done = glaux.queries().await(ids.get(i), Duration.ofMinutes(2));
                assertThat(done.state()).isEqualTo(QueryState.SUCCEEDED);
                assertThat(glaux.results(ids.get(i)).rows())
                        .containsExactly(List.of("" + i), List.of("" + 2 * i), List.of("" + 3 * i));
            }
        }
    }

    @Test
    void queriesBeyondThePoolWaitQueuedAndAFullQueueRefusesMore() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).maxConcurrentQueries(1).maxQueuedQueries(1).build()) {
            writeBigCsv(glaux, 1_500_000);
            String running = glaux.queries().submit(QueryRequest.of(SLOW_QUERY)).queryExecutionId();
            awaitRunning(glaux.queries(), running);
            String queued = glaux.queries().submit(QueryRequest.of(SLOW_QUERY)).queryExecutionId();
            assertThat(glaux.queries().get(queued).orElseThrow().state()).isEqualTo(QueryState.QUEUED);
            assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of(SLOW_QUERY)))
                    .isInstanceOf(GlauxException.class).hasMessageContaining("Too many queries");
            glaux.queries().cancel(queued);
            assertThat(glaux.queries().get(queued).orElseThrow().state()).isEqualTo(QueryState.CANCELLED);
            glaux.queries().cancel(running);
            assertThat(glaux.queries().await(running, Duration.ofSeconds(30)).state())
                    .isEqualTo(QueryState.CANCELLED);
        }
    }

    @Test
    void aRepeatedClientRequestTokenReturnsTheFirstExecution() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            String token = "token-0123456789-0123456789-0123";
            QueryRequest request = QueryRequest.of("SELECT 42").withClientRequestToken(token);
            String first = g.glaux().queries().submit(request).queryExecutionId();
            assertThat(g.glaux().queries().submit(request).queryExecutionId()).isEqualTo(first);
            assertThatThrownBy(() -> g.glaux().queries().submit(QueryRequest.of("SELECT 43")
                    .withClientRequestToken(token))).hasMessageContaining("ClientRequestToken");
        }
    }

    @Test
    void workgroupRulesAreCheckedWhenTheQueryIsSubmitted() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            glaux.workgroups().create("bare", null, WorkgroupConfiguration.defaults(), Map.of());
            assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of("SELECT 1").withWorkgroup("bare")
                    .withOutputLocation("s3://no-such-results/")))
                    .hasMessage("Unable to verify/create output bucket no-such-results");
            assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of("SELECT 1").withWorkgroup("bare")))
                    .hasMessage("No output location provided. An output location is required either through the"
                            + " Workgroup result configuration setting or as an API input.");
            QueryExecution withClientLocation = glaux.execute(QueryRequest.of("SELECT 1").withWorkgroup("bare")
                    .withOutputLocation("s3://glaux-query-results/bare/"));
            assertThat(withClientLocation.outputLocation()).startsWith("s3://glaux-query-results/bare/");
            glaux.workgroups().update(glaux.workgroups().get("bare").withState(WorkgroupState.DISABLED));
            assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of("SELECT 1").withWorkgroup("bare")
                    .withOutputLocation("s3://x-results/"))).hasMessage("WorkGroup bare is disabled.");
            assertThatThrownBy(() -> glaux.queries().submit(QueryRequest.of("SELECT 1").withWorkgroup("nope")))
                    .hasMessage("WorkGroup nope is not found.");
        }
    }

    @Test
    void catalogAndHistorySurviveARestart() throws Exception {
        String succeeded;
        String failed;
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.put("lake", "t/a.csv", "1,one\n2,two\n");
            g.query("CREATE DATABASE sales");
            g.query("CREATE EXTERNAL TABLE sales.t (id int, name string) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/t/'");
            succeeded = g.run("sales", "SELECT name FROM t WHERE id = 2").queryExecutionId();
            failed = g.run("SELECT nope FROM sales.t").queryExecutionId();
        }
        try (GlauxFixture g = GlauxFixture.local(data)) {
            QueryExecution before = g.glaux().queries().get(succeeded).orElseThrow();
            assertThat(before.state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(before.statistics().dataScannedInBytes()).isEqualTo(12);
            assertThat(g.glaux().results(succeeded).rows()).containsExactly(List.of("two"));
            QueryExecution failedBefore = g.glaux().queries().get(failed).orElseThrow();
            assertThat(failedBefore.state()).isEqualTo(QueryState.FAILED);
            assertThat(failedBefore.status().stateChangeReason()).contains("Column 'nope' cannot be resolved");
            assertThat(g.glaux().queries().list("primary")).hasSize(4);
            assertThat(g.rows("SELECT count(*) FROM sales.t")).containsExactly(List.of("2"));
        }
    }
}
