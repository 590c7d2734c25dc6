package io.glaux.sql;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.storage.ObjectInfo;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad statements and bad data, each failing the way Athena fails (state FAILED, a StateChangeReason with Trino's
 * wording and positions, an AthenaError of the user category), after which the engine still answers and nothing
 * stored before is lost.
 */
class BadInputTest {

    private static final int USER_ERROR = 1000;
    private static final int DATA_ERROR = 1001;
    private static final int SYNTAX_ERROR = 1006;
    private static final int FUNCTION_ERROR = 1008;
    private static final int INVALID_ARGUMENT = 1100;
    private static final int NOT_FOUND = 1301;

    @TempDir
    Path data;

    private GlauxFixture g;
    private String earlierResult;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "t/a.csv", "1,x\n2,y\n");
        g.query("CREATE EXTERNAL TABLE t (id int, name string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/t/'");
        earlierResult = g.run("SELECT name FROM t ORDER BY id").queryExecutionId();
    }

    /** After every failure: the table and the earlier result still read back, and a good query answers. */
    @AfterEach
    void stillWorks() throws IOException {
        try {
            assertThat(g.rows("SELECT id, name FROM t ORDER BY id"))
                    .containsExactly(List.of("1", "x"), List.of("2", "y"));
            assertThat(g.glaux().results(earlierResult).rows()).containsExactly(List.of("x"), List.of("y"));
            assertThat(g.rows("SELECT 40 + 2")).containsExactly(List.of("42"));
        } finally {
            g.close();
        }
    }

    @Test
    void sqlSyntaxErrorsNameTheTokenAndItsPosition() {
        fails("SELECT * FROM t WHERE", SYNTAX_ERROR, "line 1:22: mismatched input '<EOF>'. Expecting: ");
        fails("SELECT * FROM", SYNTAX_ERROR, "line 1:14: mismatched input '<EOF>'. Expecting: ");
        fails("SELECT * FROM WHERE id = 1", SYNTAX_ERROR, "line 1:15: mismatched input 'WHERE'. Expecting: ");
        fails("SELECT id FROM t\nGROUP id", SYNTAX_ERROR, "line 2:7: mismatched input 'id'. Expecting: 'BY'");
        fails("SELECT a b c FROM t", SYNTAX_ERROR, "line 1:12: mismatched input 'c'. Expecting: ");
        fails("SELEC 1", SYNTAX_ERROR, "line 1:1: mismatched input 'SELEC'. Expecting: ");
        fails("SELECT (1", SYNTAX_ERROR, "line 1:10: mismatched input '<EOF>'. Expecting: ");
    }

    @Test
    void syntaxErrorsInTheQueryPartArePositionedInTheWholeStatement() {
        fails("CREATE VIEW v AS SELECT * FROM t WHERE", SYNTAX_ERROR,
                "line 1:39: mismatched input '<EOF>'. Expecting: ");
        fails("CREATE TABLE c WITH (format='JSON') AS\nSELECT * FROM\n  t WHERE", SYNTAX_ERROR,
                "line 3:10: mismatched input '<EOF>'. Expecting: ");
        fails("INSERT INTO t SELECT a b c FROM t", SYNTAX_ERROR, "line 1:26: mismatched input 'c'. Expecting: ");
        fails("CREATE VIEW v AS SELEC 1", SYNTAX_ERROR, "line 1:18: mismatched input 'SELEC'. Expecting: ");
        fails("CREATE VIEW v AS SELECT nope FROM t", NOT_FOUND,
                "COLUMN_NOT_FOUND: line 1:25: Column 'nope' cannot be resolved");
        fails("CREATE TABLE c AS\nSELECT id,\n       nope FROM t", NOT_FOUND,
                "COLUMN_NOT_FOUND: line 3:8: Column 'nope' cannot be resolved");
        assertThat(g.rows("SHOW TABLES")).containsExactly(List.of("t"));
    }

    @Test
    void ddlSyntaxErrors() {
        fails("CREATE EXTERNAL TABLE x (a int) LOCATIO 's3://lake/x/'", SYNTAX_ERROR,
                "line 1:33: mismatched input 'LOCATIO'. Expecting: 'COMMENT', 'LOCATION', 'PARTITIONED', 'ROW',"
                        + " 'STORED'");
        fails("DROP TABL t", SYNTAX_ERROR,
                "line 1:6: mismatched input 'TABL'. Expecting: 'DATABASE', 'SCHEMA', 'TABLE', 'VIEW'");
        fails("CREATE EXTERNAL TABLE x (a int,\n  b) LOCATION 's3://lake/x/'", SYNTAX_ERROR, "line 2:4: ");
        fails("ALTER TABLE t ADD PARTITON (dt='1')", SYNTAX_ERROR,
                "line 1:19: mismatched input 'PARTITON'. Expecting: 'COLUMNS', 'IF', 'PARTITION'");
        fails("CREATE EXTERNAL TABLE x (a unknowntype) LOCATION 's3://lake/x/'", SYNTAX_ERROR, "line 1:");
    }

    @Test
    void missingNames() {
        fails("SELECT * FROM nope", NOT_FOUND,
                "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nope' does not exist");
        fails("SELECT * FROM awsdatacatalog.default.nope", NOT_FOUND,
                "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nope' does not exist");
        fails("SELECT nope FROM default.t", NOT_FOUND,
                "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        fails("SELECT default.t.id, nope FROM default.t", NOT_FOUND,
                "COLUMN_NOT_FOUND: line 1:22: Column 'nope' cannot be resolved");
        fails("SELECT id FROM default.t WHERE 'default.x' = '' AND\n  nope = 1", NOT_FOUND,
                "COLUMN_NOT_FOUND: line 2:3: Column 'nope' cannot be resolved");
        fails("SELECT * FROM default.t WHERE", SYNTAX_ERROR, "line 1:30: mismatched input '<EOF>'. Expecting: ");
        fails("SELECT id FROM\n  nodb.t", NOT_FOUND, "SCHEMA_NOT_FOUND: line 2:3: Schema 'nodb' does not exist");
        fails("SELECT nope FROM t", NOT_FOUND, "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        fails("SELECT no_such_function(id) FROM t", FUNCTION_ERROR,
                "FUNCTION_NOT_FOUND: line 1:8: Function 'no_such_function' not registered");
        fails("DESCRIBE nope", NOT_FOUND, "Table 'default.nope' does not exist");
        fails("SHOW TABLES IN nodb", NOT_FOUND, "Database 'nodb' does not exist");
        fails("INSERT INTO nope SELECT 1", NOT_FOUND,
                "TABLE_NOT_FOUND: Table 'awsdatacatalog.default.nope' does not exist");
        fails("CREATE TABLE nodb.c AS SELECT 1 AS a", NOT_FOUND, "SCHEMA_NOT_FOUND: Schema 'nodb' does not exist");
    }

    @Test
    void viewsOverDroppedTablesSayWhichView() {
        g.query("CREATE EXTERNAL TABLE gone (id int) LOCATION 's3://lake/gone/'");
        g.query("CREATE VIEW v AS SELECT id FROM gone");
        g.query("DROP TABLE gone");
        fails("SELECT * FROM v", NOT_FOUND, "INVALID_VIEW: Failed analyzing stored view 'awsdatacatalog.default.v':"
                + " line 1:16: Table 'awsdatacatalog.default.gone' does not exist");
    }

    @Test
    void typeErrors() {
        fails("INSERT INTO t SELECT DATE '2024-01-01', 1", USER_ERROR, "TYPE_MISMATCH: Insert query has mismatched"
                + " column types: Table: [int, string], Query: [date, int]");
        fails("INSERT INTO t (id) SELECT 1, 2", USER_ERROR, null);
        assertThat(g.rows("SELECT count(*) FROM t")).containsExactly(List.of("2"));
    }

    @Test
    void runtimeErrors() {
        fails("SELECT id / 0 FROM t", USER_ERROR, "DIVISION_BY_ZERO: Division by zero");
        fails("SELECT 1 / 0", USER_ERROR, "DIVISION_BY_ZERO: Division by zero");
        fails("SELECT CAST('abc' AS integer)", USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT");
        fails("SELECT CAST(name AS bigint) FROM t", USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast 'x' to BIGINT");
        fails("SELECT CAST('abc' AS double)", USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to DOUBLE");
        fails("SELECT CAST('abc' AS boolean)", USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to BOOLEAN");
        fails("SELECT CAST('abc' AS date)", USER_ERROR, "INVALID_CAST_ARGUMENT: Value cannot be cast to date: abc");
        fails("SELECT CAST(name AS date) FROM t", USER_ERROR,
                "INVALID_CAST_ARGUMENT: Value cannot be cast to date: x");
        // The same failing statement again fails the same way (no half-initialized generated code left behind).
        fails("SELECT CAST('abc' AS integer)", USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT");
    }

    @Test
    void executionParameters() throws IOException {
        QueryExecution tooFew = g.glaux().execute(QueryRequest.of("SELECT name FROM t WHERE id = ? OR id = ?")
                .withExecutionParameters(List.of("1")));
        assertFailed(tooFew, INVALID_ARGUMENT, "Incorrect number of parameters: expected 2 but found 1");
        QueryExecution tooMany = g.glaux().execute(QueryRequest.of("SELECT 1")
                .withExecutionParameters(List.of("1")));
        assertFailed(tooMany, INVALID_ARGUMENT, "Incorrect number of parameters: expected 0 but found 1");
        QueryExecution right = g.glaux().execute(QueryRequest.of("SELECT name FROM t WHERE id = ?")
                .withExecutionParameters(List.of("2")));
        assertThat(right.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(g.glaux().results(right.queryExecutionId()).rows()).containsExactly(List.of("y"));
    }

    @Test
    void ctasIntoANonEmptyLocationWritesNothing() throws IOException {
        fails("CREATE TABLE c WITH (external_location='s3://lake/t/') AS SELECT * FROM t", USER_ERROR,
                "HIVE_PATH_ALREADY_EXISTS: Target directory for table 'default.c' already exists: s3://lake/t/");
        assertThat(g.glaux().store().listAll("lake", "t/").stream().map(ObjectInfo::key)).containsExactly("t/a.csv");
        assertThat(g.rows("SHOW TABLES")).containsExactly(List.of("t"));
        fails("CREATE TABLE t AS SELECT 1 AS a", 1302,
                "TABLE_ALREADY_EXISTS: Table 'awsdatacatalog.default.t' already exists");
    }

    @Test
    void badParquetObjectsNameTheObject() {
        g.put("lake", "pq/not-parquet.parquet", "id,name\n1,x\n");
        g.query("CREATE EXTERNAL TABLE pq (id int) STORED AS PARQUET LOCATION 's3://lake/pq/'");
        fails("SELECT * FROM pq", DATA_ERROR, "HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split"
                + " s3://lake/pq/not-parquet.parquet (offset=0, length=12): s3://lake/pq/not-parquet.parquet is not a"
                + " Parquet file.");

        g.query("CREATE TABLE good WITH (external_location='s3://lake/good/') AS SELECT id FROM t");
        String key = keys("good/").get(0);
        byte[] bytes = get(key);
        byte[] corrupt = Arrays.copyOf(bytes, bytes.length);
        for (int i = 4; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xFF; // pages and footer garbled, magic numbers intact
        }
        g.put("lake", key, corrupt);
        QueryExecution failed = g.run("SELECT * FROM good");
        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().athenaError().errorType()).isEqualTo(DATA_ERROR);
        assertThat(failed.status().stateChangeReason()).startsWith("HIVE_")
                .contains("s3://lake/" + key);
    }

    @Test
    void badTextObjectsNameTheObjectAndLine() {
        g.put("lake", "oc/a.csv", "\"1\",\"ok\"\n\"2\",\"unterminated\n\"3\",\"x\"\n");
        g.query("CREATE EXTERNAL TABLE oc (id int, s string) ROW FORMAT SERDE"
                + " 'org.apache.hadoop.hive.serde2.OpenCSVSerde' LOCATION 's3://lake/oc/'");
        fails("SELECT * FROM oc", DATA_ERROR, "HIVE_BAD_DATA: Error parsing CSV in s3://lake/oc/a.csv at line 2: ");

        g.put("lake", "js/a.json", "{\"id\":1}\n{\"id\":\n{\"id\":3}\n");
        g.query("CREATE EXTERNAL TABLE hive_json (id int) ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'"
                + " LOCATION 's3://lake/js/'");
        fails("SELECT * FROM hive_json", DATA_ERROR, "HIVE_BAD_DATA: Error parsing JSON in s3://lake/js/a.json at"
                + " line 2: ");
        g.query("CREATE EXTERNAL TABLE openx_json (id int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'"
                + " WITH SERDEPROPERTIES ('ignore.malformed.json'='true') LOCATION 's3://lake/js/'");
        assertThat(g.rows("SELECT id FROM openx_json")).containsExactly(List.of("1"), Arrays.asList((String) null),
                List.of("3"));
    }

    @Test
    void invalidLocationsAreRefused() {
        fails("CREATE EXTERNAL TABLE x (a int) LOCATION 'http://lake/x/'", SYNTAX_ERROR,
                "line 1:42: 'http://lake/x/' is not an S3 location (s3://bucket/prefix/)");
        fails("CREATE EXTERNAL TABLE x (a int) LOCATION 's3://Bad_Bucket/x/'", SYNTAX_ERROR,
                "line 1:42: The specified bucket is not valid: 'Bad_Bucket'");
        fails("CREATE TABLE c WITH (external_location='file:///tmp/c/') AS SELECT 1 AS a", INVALID_ARGUMENT,
                "Invalid external_location: 'file:///tmp/c/' is not an S3 location (s3://bucket/prefix/)");
        assertThat(g.rows("SHOW TABLES")).containsExactly(List.of("t"));
    }

    @Test
    void dotDotKeysNeverLeaveTheStore() throws IOException {
        Path outside = data.getParent().resolve(data.getFileName() + "-outside");
        Files.createDirectories(outside.resolve("x"));
        Files.writeString(outside.resolve("x/secret.csv"), "666\n");
        String escape = "../../" + outside.getFileName() + "/x/";
        // "../" in a key is just two dots and a slash, as in S3: the prefix stays inside the bucket.
        g.query("CREATE EXTERNAL TABLE x (a int) LOCATION 's3://lake/" + escape + "'");
        assertThat(g.rows("SELECT a FROM x")).isEmpty();
        fails("CREATE EXTERNAL TABLE y (a int) LOCATION 's3://../x/'", SYNTAX_ERROR,
                "line 1:42: The specified bucket is not valid: '..'");
        g.query("CREATE EXTERNAL TABLE p (a int) PARTITIONED BY (k string) LOCATION 's3://lake/p/'");
        g.query("CREATE TABLE c WITH (external_location='s3://lake/" + escape + "c/') AS SELECT 7 AS a");
        assertThat(g.rows("SELECT a FROM c")).containsExactly(List.of("7"));
        // A partition folder named with dots is a key like any other, inside the bucket.
        g.put("lake", "p/k=../a.csv", "5\n");
        g.query("MSCK REPAIR TABLE p");
        assertThat(g.rows("SELECT a, k FROM p")).containsExactly(List.of("5", ".."));
        assertThat(Files.readString(outside.resolve("x/secret.csv"))).isEqualTo("666\n");
        try (var files = Files.walk(outside)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(outside.resolve("x/secret.csv"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Runs {@code sql}, which must fail with the error type and a reason starting with {@code reasonPrefix}. */
    private void fails(String sql, int errorType, String reasonPrefix) {
        assertFailed(g.run(sql), errorType, reasonPrefix);
    }

    private static void assertFailed(QueryExecution execution, int errorType, String reasonPrefix) {
        String reason = execution.status().stateChangeReason();
        assertThat(execution.state()).as("%s → %s", execution.query(), reason).isEqualTo(QueryState.FAILED);
        assertThat(execution.status().athenaError().errorType()).as("%s → %s", execution.query(), reason)
                .isEqualTo(errorType);
        assertThat(execution.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(execution.status().athenaError().retryable()).isFalse();
        assertThat(execution.status().athenaError().errorMessage()).isEqualTo(reason);
        assertThat(execution.result()).isNull();
        if (reasonPrefix != null) {
            assertThat(reason).as(execution.query()).startsWith(reasonPrefix);
        }
    }

    private List<String> keys(String prefix) {
        try {
            return g.glaux().store().listAll("lake", prefix).stream().map(ObjectInfo::key).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] get(String key) {
        try {
            return g.glaux().store().getAll("lake", key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
