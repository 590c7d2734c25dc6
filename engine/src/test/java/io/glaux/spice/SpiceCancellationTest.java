package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryService;
import io.glaux.exec.QueryState;
import io.glaux.error.GlauxException;
import io.glaux.sql.QueryContext;
import io.glaux.testing.GeneratedRows;
import io.glaux.testing.ThreadActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stopping SPICE work stops it: an ingestion whose query is deep in a join, a query over SPICE datasets whose
 * vectorized scans run on helper threads, and everything at once when Glaux closes.
 */
class SpiceCancellationTest {

    /** A dataset query that runs for minutes without producing a row (so the importer's own row loop never runs). */
    private static final String ENDLESS = GeneratedRows.numbers(5)
            + "SELECT p.id AS a, q.id AS b FROM n p JOIN n q ON p.id + q.id < 0";
    private static final long STOPS_WITHIN_SECONDS = 10;

    @TempDir
    Path folder;

    private static void awaitRunning(Ingestion ingestion) throws InterruptedException {
        ThreadActivity.awaitExecutingPlan("glaux-spice-ingestion");
        Thread.sleep(1000);
        assertThat(ingestion.status()).isEqualTo(IngestionStatus.RUNNING);
    }

    @Test
    void cancellingAnIngestionStopsItsQueryMidway() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build()) {
            glaux.spice().createDataset(new SpiceDefinition("endless", ENDLESS, QueryContext.DEFAULT));
            Ingestion ingestion = glaux.spice().createIngestion("endless");
            awaitRunning(ingestion);

            ingestion.cancel();
            assertThat(ingestion.await(STOPS_WITHIN_SECONDS, TimeUnit.SECONDS)).as("ended").isTrue();
            assertThat(ingestion.status()).isEqualTo(IngestionStatus.CANCELLED);
            assertThat(ingestion.errorInfo()).isNull();
            ThreadActivity.assertIdle("glaux-spice-ingestion");
            assertThat(glaux.spice().usedBytes()).isZero();
            assertThat(glaux.spice().dataset("endless").orElseThrow().rows()).isZero();
        }
    }

    @Test
    void closingGlauxEndsRunningAndQueuedIngestionsWithAReason() throws Exception {
        Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build();
        glaux.spice().createDataset(new SpiceDefinition("endless", ENDLESS, QueryContext.DEFAULT));
        glaux.spice().createDataset(new SpiceDefinition("small", "SELECT 1 AS x", QueryContext.DEFAULT));
        Ingestion running = glaux.spice().createIngestion("endless");
        Ingestion queued = glaux.spice().createIngestion("small");
        awaitRunning(running);
        assertThat(queued.status()).isEqualTo(IngestionStatus.QUEUED);

        long start = System.nanoTime();
        glaux.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(STOPS_WITHIN_SECONDS));
        for (Ingestion ingestion : List.of(running, queued)) {
            assertThat(ingestion.await(0, TimeUnit.SECONDS)).isTrue();
            assertThat(ingestion.status()).isEqualTo(IngestionStatus.CANCELLED);
            assertThat(ingestion.errorInfo()).isEqualTo(new ErrorInfo(IngestionErrorType.INGESTION_CANCELED,
                    SpiceService.STOPPED_MESSAGE));
        }
        ThreadActivity.assertIdle("glaux-spice-ingestion");
        assertThatThrownBy(() -> glaux.spice().createIngestion("small")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("stopping");
    }

    @Test
    void aStoppedQueryOverSpiceLeavesNoScanHelperBusy() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).maxConcurrentQueries(1)
                .spiceScanOptions(SpiceScanOptions.defaults().withThreads(2).withVectorized(true))
                .spiceBatchRows(1000).build()) {
            glaux.spice().createDataset(new SpiceDefinition("nums", GeneratedRows.numbers(6) + "SELECT id, k FROM n",
                    QueryContext.DEFAULT));
            assertThat(SpiceTestData.await(glaux.spice().createIngestion("nums")).status())
                    .isEqualTo(IngestionStatus.COMPLETED);
            // Forty vectorized GROUP BYs of a million rows into a million groups, one after another, each on the
            // querying thread and a helper (an aggregate runs once per query, so each branch is its own).
            StringBuilder branches = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                branches.append(i == 0 ? "" : " UNION ALL ").append("SELECT id, count(*) AS c FROM spice.default.nums"
                        + " WHERE id > ").append(i).append(" GROUP BY id");
            }
            String sql = "SELECT count(*) FROM (" + branches + ")";
            String plan = glaux.planner().prepare(sql, QueryContext.DEFAULT, List.of()).physicalPlan();
            assertThat(plan.split("aggregation=", -1)).as(plan).hasSize(41);
            long scansBefore = glaux.spice().vectorizedScans();

            QueryService queries = glaux.queries();
            String id = queries.submit(QueryRequest.of(sql)).queryExecutionId();
            ThreadActivity.awaitExecutingPlan("glaux-query-");
            ThreadActivity.awaitFrame("glaux-spice-scan", frame -> frame.getClassName().startsWith(
                    "io.glaux.sql.vector."));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (glaux.spice().vectorizedScans() - scansBefore < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(glaux.spice().vectorizedScans() - scansBefore).as("aggregations run").isGreaterThan(3);
            assertThat(queries.get(id).orElseThrow().state()).isEqualTo(QueryState.RUNNING);

            queries.cancel(id);
            QueryExecution done = queries.await(id, Duration.ofSeconds(STOPS_WITHIN_SECONDS));
            assertThat(done.state()).isEqualTo(QueryState.CANCELLED);
            ThreadActivity.assertIdle("glaux-query-");
            ThreadActivity.assertIdle("glaux-spice-scan");
            long scansAfter = glaux.spice().vectorizedScans();
            Thread.sleep(300);
            assertThat(glaux.spice().vectorizedScans()).isEqualTo(scansAfter);
        }
    }
}
