package io.glaux.exec;

import io.glaux.format.parquet.ParquetRecords;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.S3Location;
import io.glaux.testing.GlauxFixture;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UNLOAD through the embedded engine: the files it writes in each format (read back by Glaux's tables and, for
 * Parquet, by parquet-hadoop's own reader), its manifest and DataManifestLocation, partitioned targets, and Athena's
 * refusals.
 */
class UnloadEndToEndTest {

    /** One row of every kind the clients' test covers, and one of NULLs. */
    static final String ROWS = "SELECT * FROM (VALUES"
            + " (CAST(1 AS bigint), 1.5E0, 12.34, 'a,b \"q\"\nline', true, DATE '2024-01-02',"
            + " TIMESTAMP '2024-01-02 03:04:05.123'),"
            + " (CAST(NULL AS bigint), CAST(NULL AS double), CAST(NULL AS decimal(4,2)), CAST(NULL AS varchar),"
            + " CAST(NULL AS boolean), CAST(NULL AS date), CAST(NULL AS timestamp)))"
            + " AS t(id, ratio, price, label, flag, day, at)";

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.glaux().store().createBucket("lake");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void jsonUnloadWritesGzippedFilesListedInTheManifest() throws IOException {
        QueryExecution unload = succeeded(g.run("UNLOAD (" + ROWS + ") TO 's3://lake/out/' WITH (format = 'JSON')"));
        assertThat(unload.statementType().name()).isEqualTo("DML");
        assertThat(unload.result().updateCount()).isEqualTo(2L);
        assertThat(unload.result().rowCount()).isZero();
        assertThat(textObject(unload)).isEmpty();
        assertThat(unload.result().dataManifestLocation())
                .isEqualTo("s3://glaux-query-results/" + unload.queryExecutionId() + "-manifest.csv");
        List<String> manifest = manifest(unload);
        assertThat(manifest).hasSize(1).allMatch(o -> o.startsWith("s3://lake/out/") && o.endsWith(".gz"));
        assertThat(keys("lake", "out/")).containsExactly(S3Location.parse(manifest.get(0)).key());
        String json = gunzip(object(manifest.get(0)));
        assertThat(json.lines()).hasSize(2);
        assertThat(json.lines().findFirst().orElseThrow()).contains("\"id\":1", "\"label\":\"a,b \\\"q\\\"\\nline\"");

        g.query("CREATE EXTERNAL TABLE back (id bigint, ratio double, price decimal(4,2), label string,"
                + " flag boolean, day date, at timestamp) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'"
                + " LOCATION 's3://lake/out/'");
        assertThat(g.rows("SELECT id, ratio, price, label, flag, day, at FROM back ORDER BY id")).containsExactly(
                List.of("1", "1.5", "12.34", "a,b \"q\"\nline", "true", "2024-01-02", "2024-01-02 03:04:05.123"),
                Arrays.asList(null, null, null, null, null, null, null));
    }

    @Test
    void textfileUnloadUsesTheFieldDelimiterAndCompression() throws IOException {
        QueryExecution unload = succeeded(g.run("UNLOAD (SELECT id, label FROM (VALUES (1, 'x'), (2, NULL))"
                + " AS t(id, label)) TO 's3://lake/text/' WITH (format = 'TEXTFILE', field_delimiter = ',',"
                + " compression = 'NONE')"));
        List<String> manifest = manifest(unload);
        assertThat(manifest).hasSize(1);
        assertThat(manifest.get(0)).doesNotEndWith(".gz");
        assertThat(new String(object(manifest.get(0)), StandardCharsets.UTF_8)).isEqualTo("1,x\n2,\\N\n");
    }

    @Test
    void parquetUnloadIsReadableByParquetHadoop() throws Exception {
        QueryExecution unload = succeeded(g.run("UNLOAD (" + ROWS + ") TO 's3://lake/pq/'"
                + " WITH (format = 'PARQUET')"));
        List<String> manifest = manifest(unload);
        assertThat(manifest).hasSize(1).allMatch(o -> o.endsWith(".gz.parquet"));
        List<Group> rows = ParquetRecords.read(object(manifest.get(0)));
        assertThat(rows).hasSize(2);
        Group first = rows.get(0);
        assertThat(first.getLong("id", 0)).isEqualTo(1L);
        assertThat(first.getDouble("ratio", 0)).isEqualTo(1.5);
        // decimal(4,2) is stored as its unscaled INT32, as Hive and Trino store short decimals.
        assertThat(BigDecimal.valueOf(first.getInteger("price", 0), 2)).isEqualByComparingTo("12.34");
        assertThat(first.getString("label", 0)).isEqualTo("a,b \"q\"\nline");
        assertThat(first.getBoolean("flag", 0)).isTrue();
        assertThat(first.getInteger("day", 0)).isEqualTo((int) java.time.LocalDate.parse("2024-01-02").toEpochDay());
        assertThat(Instant.ofEpochMilli(first.getLong("at", 0)))
                .isEqualTo(java.time.LocalDateTime.parse("2024-01-02T03:04:05.123").toInstant(ZoneOffset.UTC));
        Group nulls = rows.get(1);
        for (String column : List.of("id", "ratio", "price", "label", "flag", "day", "at")) {
            assertThat(nulls.getFieldRepetitionCount(column)).as(column).isZero();
        }
    }

    @Test
    void partitionedUnloadWritesHiveFoldersAndMayRunAgain() throws IOException {
        String sql = "UNLOAD (SELECT id, day FROM (VALUES (1, DATE '2024-01-01'), (2, DATE '2024-01-02'),"
                + " (3, DATE '2024-01-01')) AS t(id, day)) TO 's3://lake/parts/'"
                + " WITH (format = 'TEXTFILE', compression = 'NONE', partitioned_by = ARRAY['day'])";
        QueryExecution first = succeeded(g.run(sql));
        assertThat(manifest(first)).hasSize(2);
        assertThat(keys("lake", "parts/")).hasSize(2)
                .anyMatch(k -> k.startsWith("parts/day=2024-01-01/"))
                .anyMatch(k -> k.startsWith("parts/day=2024-01-02/"));
        // Partitioned, the target may already hold files: Athena adds the new ones beside them.
        QueryExecution second = succeeded(g.run(sql));
        assertThat(keys("lake", "parts/")).hasSize(4);
        assertThat(manifest(second)).allMatch(o -> o.contains("/" + second.queryExecutionId() + "_"));
        // Partition columns are not written into the files.
        assertThat(new String(object(manifest(first).get(0)), StandardCharsets.UTF_8)).isEqualTo("1\n3\n");
    }

    @Test
    void refusals() throws IOException {
        g.put("lake", "full/old.csv", "1\n");
        failed(g.run("UNLOAD (SELECT 1 AS x) TO 's3://lake/full/' WITH (format = 'JSON')"),
                "HIVE_PATH_ALREADY_EXISTS: Target directory for UNLOAD already exists: s3://lake/full/");
        failed(g.run("UNLOAD (SELECT 1 AS x) TO 's3://lake/orc/' WITH (format = 'ORC')"),
                "NOT_SUPPORTED: Glaux cannot write ORC files for UNLOAD: use PARQUET, TEXTFILE or JSON");
        failed(g.run("UNLOAD (SELECT 1 AS x) TO 's3://lake/avro/' WITH (format = 'AVRO')"),
                "NOT_SUPPORTED: Glaux cannot write AVRO files for UNLOAD: use PARQUET, TEXTFILE or JSON");
        failed(g.run("UNLOAD (SELECT 1 AS x) TO 's3://lake/x/' WITH (compression = 'GZIP')"),
                "INVALID_TABLE_PROPERTY: UNLOAD requires the format property (PARQUET, TEXTFILE or JSON)");
        failed(g.run("UNLOAD (SELECT 1 AS x) TO 's3://lake/x/' WITH (format = 'JSON', location = 'y')"),
                "INVALID_TABLE_PROPERTY: UNLOAD property 'location' does not exist");
        failed(g.run("UNLOAD (SELECT 1 AS day, 2 AS id) TO 's3://lake/x/' WITH (format = 'JSON',"
                + " partitioned_by = ARRAY['day'])"),
                "Partition columns [day] must be the last columns of the query, in the same order");
        failed(g.run("UNLOAD (SELECT 1 AS x TO 's3://lake/x/' WITH (format = 'JSON')"), null);
        failed(g.run("UNLOAD (SELECT nope FROM (VALUES 1) AS t(x)) TO 's3://lake/x/' WITH (format = 'JSON')"),
                "COLUMN_NOT_FOUND: line 1:16: Column 'nope' cannot be resolved");
        assertThat(g.glaux().store().listAll("lake", "x/")).isEmpty();
    }

    @Test
    void ctasAndInsertReportTheirManifestToo() throws IOException {
        QueryExecution ctas = succeeded(g.run("CREATE TABLE t WITH (format = 'JSON', external_location ="
                + " 's3://lake/t/') AS SELECT 1 AS x"));
        assertThat(ctas.result().dataManifestLocation()).endsWith("/" + ctas.queryExecutionId() + "-manifest.csv");
        assertThat(manifest(ctas)).hasSize(1);
        QueryExecution insert = succeeded(g.run("INSERT INTO t VALUES (2)"));
        assertThat(insert.result().dataManifestLocation())
                .endsWith("/" + insert.queryExecutionId() + "-manifest.csv");
        assertThat(manifest(insert)).hasSize(1).doesNotContainAnyElementsOf(manifest(ctas));
        assertThat(succeeded(g.run("SELECT 1")).result().dataManifestLocation()).isNull();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.state()).as("%s: %s", execution.query(), execution.status().stateChangeReason())
                .isEqualTo(QueryState.SUCCEEDED);
        return execution;
    }

    private static void failed(QueryExecution execution, String message) {
        assertThat(execution.state()).as(execution.query()).isEqualTo(QueryState.FAILED);
        if (message != null) {
            assertThat(execution.status().stateChangeReason()).isEqualTo(message);
        }
    }

    private String textObject(QueryExecution execution) throws IOException {
        return new String(object(execution.result().resultObject()), StandardCharsets.UTF_8);
    }

    private List<String> manifest(QueryExecution execution) throws IOException {
        return new String(object(execution.result().dataManifestLocation()), StandardCharsets.UTF_8).lines().toList();
    }

    private byte[] object(String uri) throws IOException {
        S3Location location = S3Location.parse(uri);
        return g.glaux().store().getAll(location.bucket(), location.key());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> keys(String bucket, String prefix) throws IOException {
        return g.glaux().store().listAll(bucket, prefix).stream().map(ObjectInfo::key).sorted().toList();
    }
}
