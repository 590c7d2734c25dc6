package io.glaux.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code glaux serve} and {@code glaux query} as processes of their own, stopped the two ways a process stops:
 * SIGTERM (what {@code docker stop} and systemd send; Ctrl-C's SIGINT takes the same path) ends the running query,
 * records it and exits within seconds; kill -9 records nothing, and the next start turns what it left RUNNING or
 * QUEUED into FAILED. Either way no query stays running in the history.
 */
class ProcessStopTest {

    /** Runs for many minutes: a nested-loop join of 100,000 generated rows with itself that matches nothing. */
    private static final String ENDLESS = "WITH d(x) AS (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),"
            + " n AS (SELECT d0.x + 10 * d1.x + 100 * d2.x + 1000 * d3.x + 10000 * d4.x AS id"
            + " FROM d d0, d d1, d d2, d d3, d d4)"
            + " SELECT count(*) FROM n p JOIN n q ON p.id + q.id < 0";

    @TempDir
    Path scratch;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@code glaux <arguments>} as a child process (two processors, so two queries run at once). */
    private Process glaux(Path out, Path err, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:ActiveProcessorCount=2", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                GlauxCommand.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        started.add(process);
        return process;
    }

    /** A running {@code glaux serve} child process and an Athena client pointed at it. */
    private final class Served implements AutoCloseable {
        final ServeProcess serve;
        final Process process;
        final Path out;
        final AthenaClient athena;

        Served(Path data, int run) throws IOException, InterruptedException {
            serve = ServeProcess.start(data, scratch, "serve-" + run);
            process = serve.process();
            started.add(process);
            out = serve.out();
            athena = AthenaClient.builder().endpointOverride(serve.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
        }

        String start(String sql) {
            return athena.startQueryExecution(b -> b.queryString(sql).workGroup("primary")).queryExecutionId();
        }

        QueryExecution get(String id) {
            return athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
        }

        void awaitRunning(String id) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (get(id).status().state() != QueryExecutionState.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(get(id).status().state()).isEqualTo(QueryExecutionState.RUNNING);
            // Into the join itself, past planning and compiling.
            Thread.sleep(1500);
            assertThat(get(id).status().state()).isEqualTo(QueryExecutionState.RUNNING);
        }

        @Override
        public void close() throws InterruptedException {
            athena.close();
            serve.close();
        }
    }

    @Test
    void sigtermEndsTheRunningQueryRecordsItAndExitsWithinSeconds() throws Exception {
        Path data = scratch.resolve("data");
        String running;
        String queued;
        try (Served served = new Served(data, 1)) {
            running = served.start(ENDLESS);
            served.awaitRunning(running);
            // Two queries run at once (two processors): fill both workers, and queue one more.
            String second = served.start(ENDLESS);
            served.awaitRunning(second);
            queued = served.start("SELECT 1");
            assertThat(served.get(queued).status().state()).isEqualTo(QueryExecutionState.QUEUED);

            long start = System.nanoTime();
            served.process.destroy();
            boolean exited = served.process.waitFor(20, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(exited).as("exited within 20 s of SIGTERM").isTrue();
            System.out.println("glaux serve exited " + took.toMillis() + " ms after SIGTERM");
            assertThat(took).isLessThan(Duration.ofSeconds(20));
            assertThat(Files.readString(served.out)).contains("Glaux stopped in");
        }
        try (Served restarted = new Served(data, 2)) {
            for (String id : List.of(running, queued)) {
                QueryExecution stopped = restarted.get(id);
                assertThat(stopped.status().state()).as(id).isEqualTo(QueryExecutionState.CANCELLED);
                assertThat(stopped.status().stateChangeReason())
                        .isEqualTo("Query cancelled because the Glaux server stopped");
                assertThat(stopped.status().completionDateTime()).isNotNull();
            }
            assertNothingUnfinished(restarted);
        }
    }

    @Test
    void afterKillMinus9TheNextStartLeavesNoQueryRunningOrQueued() throws Exception {
        Path data = scratch.resolve("data");
        String running;
        try (Served served = new Served(data, 1)) {
            running = served.start(ENDLESS);
            served.awaitRunning(running);
            served.process.destroyForcibly();
            assertThat(served.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (Served restarted = new Served(data, 2)) {
            QueryExecution interrupted = restarted.get(running);
            assertThat(interrupted.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(interrupted.status().stateChangeReason())
                    .isEqualTo("Query was interrupted because Glaux stopped while it ran");
            assertNothingUnfinished(restarted);
        }
    }

    @Test
    void sigtermOfGlauxQueryCancelsItsStatementAndRecordsIt() throws Exception {
        Path data = scratch.resolve("data");
        Path out = scratch.resolve("query.out");
        Process query = glaux(out, scratch.resolve("query.err"), "query", "--data", data.toString(),
                "--no-sample-data", ENDLESS);
        // The history records the query when it is submitted; give it time to get into the join.
        Path history = data.resolve(".glaux/history");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(Files.isDirectory(history) && hasRecord(history)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hasRecord(history)).as("query submitted").isTrue();
        Thread.sleep(3000);
        assertThat(query.isAlive()).as("query still running").isTrue();

        query.destroy();
        assertThat(query.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s of SIGTERM").isTrue();
        try (io.glaux.Glaux glaux = io.glaux.Glaux.builder().dataFolder(data).build()) {
            List<io.glaux.exec.QueryExecution> executions = glaux.queries().list("primary");
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).state()).isEqualTo(io.glaux.exec.QueryState.CANCELLED);
            assertThat(executions.get(0).status().stateChangeReason())
                    .isEqualTo("Query cancelled because the Glaux server stopped");
        }
    }

    private static boolean hasRecord(Path history) throws IOException {
        try (var files = Files.list(history)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".json"));
        }
    }

    private static void assertNothingUnfinished(Served served) {
        List<String> ids = served.athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds();
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            assertThat(served.get(id).status().state()).as(id)
                    .isIn(QueryExecutionState.SUCCEEDED, QueryExecutionState.FAILED, QueryExecutionState.CANCELLED);
        }
    }
}
