package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A table {@code items} covering every SPICE column type, with NULLs, repeated strings, dates and decimals. */
final class SpiceTestData {

    static final String COLUMNS = "id int, big bigint, small smallint, tiny tinyint, score double, ratio float,"
            + " amount decimal(10,2), name string, code varchar(8), d date, ts timestamp, flag boolean";
    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta", "café", "ünï", "c-3po", ""};

    private SpiceTestData() {
    }

    /** A place in the store for a test's own SPICE service, named after a folder of the test. */
    static io.glaux.storage.S3Location location(java.nio.file.Path folder) {
        return new io.glaux.storage.S3Location("spice-tests", folder.getFileName() + "/");
    }

    /** Rows {@code first} to {@code first + count - 1} as text lines ('|' separated, \N for NULL). */
    static String lines(int first, int count) {
        StringBuilder text = new StringBuilder();
        for (int id = first; id < first + count; id++) {
            text.append(id).append('|')
                    .append(id % 11 == 0 ? "\\N" : Long.toString(id * 1_000_003L - 7_000_000_000L)).append('|')
                    .append(id % 300 - 150).append('|')
                    .append(id % 9 == 0 ? "\\N" : Integer.toString(id % 100 - 50)).append('|')
                    .append(id % 13 == 0 ? "\\N" : Double.toString(id / 7.0)).append('|')
                    .append((id % 5) * 0.25).append('|')
                    .append(id % 17 == 0 ? "\\N" : (id * 37 % 10000) / 100 + "." + String.format("%02d", id % 100))
                    .append('|')
                    .append(id % 10 == 9 ? "\\N" : NAMES[id % NAMES.length]).append('|')
                    .append("k").append(id % 4).append('|')
                    .append(id % 19 == 0 ? "\\N" : java.time.LocalDate.of(2023, 12, 1).plusDays(id % 90))
                    .append('|')
                    .append(id % 23 == 0 ? "\\N" : java.time.LocalDateTime.of(2024, 1, 1, 0, 0)
                            .plusSeconds(id * 3607L).plusNanos((id % 1000) * 1_000_000L).toString().replace('T', ' '))
                    .append('|')
                    .append(id % 7 == 0 ? "\\N" : Boolean.toString(id % 2 == 0)).append('\n');
        }
        return text.toString();
    }

    static void createItems(Glaux glaux, int rows) {
        put(glaux, "lake", "items/part-0", lines(1, rows));
        query(glaux, "CREATE EXTERNAL TABLE items (" + COLUMNS + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY '|'"
                + " LOCATION 's3://lake/items/'");
    }

    static void put(Glaux glaux, String bucket, String key, String content) {
        try {
            glaux.store().createBucket(bucket);
            glaux.store().put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a statement that must succeed, as texts. */
    static List<List<String>> query(Glaux glaux, String sql) {
        QueryExecution done = glaux.execute(QueryRequest.of(sql));
        if (done.state() != QueryState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + done.state() + ": " + done.status().stateChangeReason());
        }
        try {
            QueryResults results = glaux.results(done.queryExecutionId());
            return results.rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for an ingestion to reach a final status. */
    static Ingestion await(Ingestion ingestion) {
        try {
            if (!ingestion.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("Ingestion still " + ingestion.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return ingestion;
    }
}
