package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.storage.testing.S3ProxyProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 endpoint over an external S3 store: Glaux configured with {@code --s3-endpoint} pointing at s3proxy running
 * as its own process on loopback. The port serves the same buckets and objects the engine keeps there, and when that
 * process is killed (kill -9) and started again, Glaux names the store while it is gone and recovers by itself.
 */
@Tag("s3")
class S3EndpointOverS3StoreTest extends S3EndpointContractTest {

    private S3ProxyProcess external;
    private Path outside;

    @Override
    protected Glaux.Builder engine(Path data) throws Exception {
        outside = data.resolveSibling(data.getFileName() + "-external");
        external = S3ProxyProcess.start(outside.resolve("objects"), outside.resolve("logs"));
        return Glaux.builder().dataFolder(data).s3(external.config());
    }

    @Override
    protected void stopStore() throws Exception {
        if (external != null) {
            external.close();
            deleteTree(outside);
        }
    }

    /**
     * What this external store can address: no dot segments through the MinIO client (see S3CompatibleStoreTest),
     * and, as s3proxy keeps objects as files written beside a temporary name 37 bytes longer, no key segment beyond about
     * 218 bytes (a file name is at most 255; Glaux's own folder store keeps such keys aside, s3proxy answers 500 for
     * them). Keys may still be 1024 bytes long.
     */
    @Override
    protected List<String> unusualKeys() {
        return List.of(("s".repeat(200) + "/").repeat(5) + "s".repeat(19),
                "long/" + "x".repeat(200) + "/" + "y".repeat(200), "\u00e9".repeat(100) + "/" + "\u00e8".repeat(100),
                "back\\slash", "a/b/c", "sp ace/plus+/%25");
    }

    @Test
    void aStoreThatStopsAnsweringIsServiceUnavailableNamingIt() throws Exception {
        String bucket = newBucket("outage");
        put(bucket, "k", "v");
        external.kill();
        try {
            RawS3.Answer answer = raw.send("GET", "/" + bucket + "/k", null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("ServiceUnavailable");
            assertThat(answer.body()).contains("the S3 store at " + external.endpoint());
            assertNoMachinePath(answer.body());
        } finally {
            external.restart();
        }
        assertThat(get(bucket, "k")).isEqualTo("v");
    }

    @Test
    void aStoreKilledMidQueryFailsItNamingTheStoreAndEverythingRecoversAfterItsRestart() throws Exception {
        String bucket = newBucket("killed");
        int files = 8;
        int rowsPerFile = 200_000;
        for (int file = 0; file < files; file++) {
            StringBuilder csv = new StringBuilder();
            for (int row = 0; row < rowsPerFile; row++) {
                csv.append(file * rowsPerFile + row).append(",row-number-").append(row).append('\n');
            }
            glaux.store().put(bucket, "big/part-" + file + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        String table = "big_" + bucket.replace('-', '_');
        finished("CREATE EXTERNAL TABLE " + table + " (id bigint, label string) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://" + bucket + "/big/'");
        String slow = "SELECT count(*), sum(length(regexp_replace(label, '[0-9]', 'xy'))) FROM " + table;
        QueryExecution before = finished("SELECT 'answered before the kill' AS note");
        assertThat(before.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);

        String running = start(slow);
        awaitRunning(running);
        Thread.sleep(300);
        external.kill();
        try {
            QueryExecution failed = await(running);
            assertThat(failed.status().state()).as("killed mid-read").isEqualTo(QueryExecutionState.FAILED);
            assertThat(failed.status().stateChangeReason())
                    .startsWith("HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split s3://" + bucket + "/big/part-")
                    .contains("the S3 store at " + external.endpoint())
                    .doesNotContain("HIVE_BAD_DATA");

            QueryExecution refused = await(start(slow));
            assertThat(refused.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(refused.status().stateChangeReason()).contains("the S3 store at " + external.endpoint())
                    .contains("did not answer");

            assertThatThrownBy(() -> athena.getQueryResults(b -> b.queryExecutionId(before.queryExecutionId())))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith("Unable to read the query result object "
                                        + before.resultConfiguration().outputLocation())
                                .contains("the S3 store at " + external.endpoint());
                    });
        } finally {
            external.restart();
        }

        assertThat(athena.getQueryResults(b -> b.queryExecutionId(before.queryExecutionId())).resultSet().rows())
                .hasSize(2);
        QueryExecution recovered = finished(slow);
        var rows = athena.getQueryResults(b -> b.queryExecutionId(recovered.queryExecutionId())).resultSet().rows();
        assertThat(rows.get(1).data().get(0).varCharValue()).isEqualTo(Integer.toString(files * rowsPerFile));
    }

    private String start(String sql) {
        return athena.startQueryExecution(b -> b.queryString(sql).queryExecutionContext(c -> c.database("default")))
                .queryExecutionId();
    }

    private void awaitRunning(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status().state()
                == QueryExecutionState.QUEUED) {
            assertThat(System.nanoTime()).as("query still queued").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private QueryExecution await(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                return execution;
            }
            assertThat(System.nanoTime()).as("query still running").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private QueryExecution finished(String sql) throws InterruptedException {
        QueryExecution execution = await(start(sql));
        assertThat(execution.status().state()).as(sql + ": " + execution.status().stateChangeReason())
                .isEqualTo(QueryExecutionState.SUCCEEDED);
        return execution;
    }
}
