package io.glaux.sql.schema;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that aggregate a live table, or take its top N, run on the vectorized operators over the columns they
 * read, with exactly the answers of the row operators; row scans, queries estimated too large for the memory, and
 * tables without a columnar layout for the columns used stay on the row operators.
 */
class LiveVectorizedQueriesTest {

    private static final String COLUMNS = "id int, qty bigint, price decimal(12,2), discount decimal(12,2),"
            + " ratio double, name string, flag varchar(1), shipped date";
    private static final String[] NAMES = {"alpha", "beta", "gamma", "café", ""};
    private static final int ROWS = 3000;

    @TempDir
    Path folder;

    private Glaux vectorized;
    private Glaux rowByRow;

    @BeforeEach
    void open() throws IOException {
        // Batches of 97 rows, so a query's columns span many batches (and each object several).
        vectorized = Glaux.builder().dataFolder(folder.resolve("vectorized")).syncWrites(false).spiceBatchRows(97)
                .build();
        rowByRow = Glaux.builder().dataFolder(folder.resolve("row")).syncWrites(false).liveVectorized(false)
                .build();
        for (Glaux glaux : List.of(vectorized, rowByRow)) {
            createTables(glaux);
        }
    }

    @AfterEach
    void close() throws IOException {
        vectorized.close();
        rowByRow.close();
    }

    /** '|'-separated rows in two objects, NULLs in every column; a Parquet copy; a partitioned Parquet copy. */
    private static void createTables(Glaux glaux) {
        put(glaux, "lake", "items/part-0", lines(1, ROWS / 2));
        put(glaux, "lake", "items/part-1", lines(ROWS / 2 + 1, ROWS - ROWS / 2));
        query(glaux, "CREATE EXTERNAL TABLE items (" + COLUMNS + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY '|'"
                + " LOCATION 's3://lake/items/'");
        query(glaux, "CREATE TABLE pq WITH (format = 'PARQUET', external_location = 's3://lake/pq/')"
                + " AS SELECT * FROM items");
        query(glaux, "CREATE TABLE parts WITH (format = 'PARQUET', external_location = 's3://lake/parts/',"
                + " partitioned_by = ARRAY['flag']) AS SELECT id, qty, price, discount, ratio, name, shipped, flag"
                + " FROM items");
    }

    private static String lines(int first, int count) {
        StringBuilder text = new StringBuilder();
        for (int id = first; id < first + count; id++) {
            text.append(id).append('|')
                    .append(id % 11 == 0 ? "\\N" : Long.toString(id % 50)).append('|')
                    .append(id % 13 == 0 ? "\\N" : (id * 37 % 100000) / 100 + "." + String.format("%02d", id % 100))
                    .append('|')
                    .append("0.0").append(id % 10).append('|')
                    .append(id % 17 == 0 ? "\\N" : Double.toString(id / 7.0)).append('|')
                    .append(id % 10 == 9 ? "\\N" : NAMES[id % NAMES.length]).append('|')
                    .append(id % 3 == 0 ? "A" : id % 3 == 1 ? "N" : "R").append('|')
                    .append(id % 19 == 0 ? "\\N" : LocalDate.of(1994, 1, 1).plusDays(id % 700)).append('\n');
        }
        return text.toString();
    }

    private static final List<String> QUERIES = List.of(
            "SELECT flag, name, sum(qty), sum(price * (1 - discount)), avg(price), count(*), count(name)"
                    + " FROM %s GROUP BY flag, name",
            "SELECT sum(price * discount) FROM %s WHERE shipped >= DATE '1994-06-01'"
                    + " AND shipped < DATE '1995-01-01' AND discount BETWEEN 0.02 AND 0.06 AND qty < 24",
            "SELECT count(*), count(qty), min(shipped), max(shipped), min(ratio), max(ratio) FROM %s",
            "SELECT count(DISTINCT name), count(DISTINCT qty) FROM %s WHERE flag <> 'A'",
            "SELECT id, price, name FROM %s WHERE ratio > 100 ORDER BY price DESC, id LIMIT 7",
            "SELECT year(shipped), count(*) FROM %s WHERE name IN ('alpha', 'café') GROUP BY year(shipped)",
            "SELECT count(*), sum(qty), avg(price) FROM %s WHERE name = 'nobody'");

    @Test
    void aggregatesAndTopNsOverTextParquetAndPartitionsRunVectorizedWithTheRowByRowAnswers() {
        for (String table : List.of("items", "pq", "parts")) {
            for (String template : QUERIES) {
                String sql = template.formatted(table);
                long before = vectorized.liveVectorizedScans();
                List<List<String>> expected = sorted(query(rowByRow, sql));
                assertThat(sorted(query(vectorized, sql))).as(sql).isEqualTo(expected);
                assertThat(vectorized.liveVectorizedScans()).as(sql).isEqualTo(before + 1);
            }
        }
        assertThat(rowByRow.liveVectorizedScans()).isZero();
    }

    @Test
    void aFilterOnThePartitionKeyReadsOnlyItsPartitionAsTheRowScanDoes() {
        String sql = "SELECT count(*), sum(price) FROM parts WHERE flag = 'N'";
        QueryExecution fast = run(vectorized, sql);
        QueryExecution slow = run(rowByRow, sql);
        assertThat(fast.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(vectorized.liveVectorizedScans()).isEqualTo(1);
        assertThat(fast.statistics().dataScannedInBytes()).isPositive()
                .isEqualTo(slow.statistics().dataScannedInBytes());
        long all = run(vectorized, "SELECT count(*), sum(price) FROM parts").statistics().dataScannedInBytes();
        assertThat(fast.statistics().dataScannedInBytes()).isLessThan(all / 2);
    }

    @Test
    void rowScansStayOnTheRowOperators() {
        assertThat(query(vectorized, "SELECT id, name FROM items WHERE qty = 7 ORDER BY id"))
                .isEqualTo(query(rowByRow, "SELECT id, name FROM items WHERE qty = 7 ORDER BY id"));
        query(vectorized, "SELECT * FROM pq LIMIT 3");
        assertThat(vectorized.liveVectorizedScans()).isZero();
    }

    @Test
    void aQueryEstimatedBeyondTheMemoryRunsRowByRow() throws IOException {
        try (Glaux small = Glaux.builder().dataFolder(folder.resolve("small")).syncWrites(false)
                .liveVectorMemory(10_000).build()) {
            createTables(small);
            String sql = QUERIES.get(0).formatted("pq");
            assertThat(sorted(query(small, sql))).isEqualTo(sorted(query(rowByRow, sql)));
            assertThat(small.liveVectorizedScans()).isZero();
        }
    }

    @Test
    void aQueryThatOutgrowsTheMemoryWhileReadingFailsAsAthenaDoesAndTheNextOneRuns() throws IOException {
        try (Glaux small = Glaux.builder().dataFolder(folder.resolve("small")).syncWrites(false)
                .liveVectorMemory(32 * 1024).build()) {
            createTables(small);
            // The catalog claims one row, so the query is planned vectorized; reading its 3,000 rows passes 32 KiB.
            query(small, "ALTER TABLE pq SET TBLPROPERTIES ('numRows' = '1')");
            QueryExecution failed = run(small, "SELECT name, sum(price), count(DISTINCT id) FROM pq GROUP BY name");
            assertThat(failed.state()).isEqualTo(QueryState.FAILED);
            assertThat(failed.status().athenaError().errorMessage())
                    .contains("Query exhausted resources at this scale factor");
            assertThat(query(small, "SELECT count(*) FROM pq")).containsExactly(List.of(String.valueOf(ROWS)));
        }
    }

    @Test
    void valuesBeyondWhatTheVectorizedArithmeticHoldsRunAgainOnTheRowOperators() throws IOException {
        String rows = "100000000000000000|90000000000000000\n3|4\n";
        for (Glaux glaux : List.of(vectorized, rowByRow)) {
            put(glaux, "lake", "wide/part-0", rows);
            query(glaux, "CREATE EXTERNAL TABLE wide (a decimal(18,0), b bigint) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY '|' LOCATION 's3://lake/wide/'");
        }
        // Planned before the data is read, the products look like they fit 64 bits; the data says otherwise.
        for (String sql : List.of("SELECT sum(a * a), max(a * 3) FROM wide", "SELECT sum(b * b) FROM wide")) {
            QueryExecution fast = run(vectorized, sql);
            QueryExecution slow = run(rowByRow, sql);
            assertThat(fast.state()).as(sql).isEqualTo(slow.state());
            if (slow.state() == QueryState.SUCCEEDED) {
                assertThat(query(vectorized, sql)).as(sql).isEqualTo(query(rowByRow, sql));
            } else {
                assertThat(fast.status().stateChangeReason()).as(sql).isEqualTo(slow.status().stateChangeReason());
            }
        }
        assertThat(query(vectorized, "SELECT sum(a * a) FROM wide")).containsExactly(
                List.of("10000000000000000000000000000000009"));
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static void put(Glaux glaux, String bucket, String key, String content) {
        try {
            glaux.store().createBucket(bucket);
            glaux.store().put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QueryExecution run(Glaux glaux, String sql) {
        return glaux.execute(QueryRequest.of(sql));
    }

    private static List<List<String>> query(Glaux glaux, String sql) {
        QueryExecution done = run(glaux, sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + done.state() + ": " + done.status().stateChangeReason());
        }
        try {
            return glaux.results(done.queryExecutionId()).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
