package io.glaux.exec;

import io.glaux.sql.QueryContext;
import io.glaux.storage.ObjectInfo;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names Athena refuses (anything but lower-case letters, digits and '_', or over 255 characters) are refused with
 * Athena's error before anything is created or written, whichever statement creates them; names that only refer to
 * something fail as "not found" user errors.
 */
class AthenaNamesEndToEndTest {

    private static final String DDL_TASK = "FAILED: Execution Error, return code 1 from"
            + " org.apache.hadoop.hive.ql.exec.DDLTask. ";
    private static final String TOO_LONG = "Value at 'name' failed to satisfy constraint: Member must have length"
            + " less than or equal to 255";

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "t/a.csv", "1\n");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void createDatabaseRefusesNamesAthenaRefuses() throws IOException {
        List<String> catalogBefore = catalogFiles();
        for (String name : List.of("`..`", "`../../x`", "\"../y\"", "`My-Db`", "`a b`", "`é`", "`x.y`")) {
            String stored = name.substring(1, name.length() - 1).toLowerCase(java.util.Locale.ROOT);
            failed(g.run("CREATE DATABASE " + name), 1003,
                    DDL_TASK + "InvalidObjectException(message:" + stored + " is not a valid database name)");
            failed(g.run("CREATE DATABASE IF NOT EXISTS " + name), 1003, null);
        }
        failed(g.run("CREATE DATABASE " + "d".repeat(256)), 1003, DDL_TASK + TOO_LONG);
        failed(g.run("CREATE DATABASE _x"), 1006, "line 1:17: mismatched input '_x'. Expecting: 'IF', <identifier>");
        assertThat(g.rows("SHOW DATABASES")).containsExactly(List.of("default"));
        assertThat(catalogFiles()).isEqualTo(catalogBefore);

        // Upper case is folded; a leading '_' or digit is fine quoted; 255 characters are allowed.
        succeeded(g.run("CREATE DATABASE My_Db"));
        succeeded(g.run("CREATE DATABASE `_x`"));
        succeeded(g.run("CREATE DATABASE 1x"));
        succeeded(g.run("CREATE DATABASE " + "d".repeat(255)));
        assertThat(g.rows("SHOW DATABASES")).extracting(r -> r.get(0))
                .containsExactly("1x", "_x", "d".repeat(255), "default", "my_db");
    }

    @Test
    void createExternalTableRefusesBadTableAndColumnNames() throws IOException {
        List<String> catalogBefore = catalogFiles();
        failed(g.run("CREATE EXTERNAL TABLE `../t` (id int) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + "[../t]: is not a valid table name");
        failed(g.run("CREATE EXTERNAL TABLE IF NOT EXISTS `a-b` (id int) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + "[a-b]: is not a valid table name");
        failed(g.run("CREATE EXTERNAL TABLE t (`a-b` int) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + "InvalidObjectException(message:Invalid column name: a-b)");
        failed(g.run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (`a b` string) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + "InvalidObjectException(message:Invalid partition column name: a b)");
        failed(g.run("CREATE EXTERNAL TABLE " + "t".repeat(256) + " (id int) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + TOO_LONG);
        failed(g.run("CREATE EXTERNAL TABLE t (" + "c".repeat(256) + " int) LOCATION 's3://lake/t/'"), 1003,
                DDL_TASK + TOO_LONG);
        failed(g.run("CREATE EXTERNAL TABLE _t (id int) LOCATION 's3://lake/t/'"), 1006,
                "line 1:23: mismatched input '_t'. Expecting: 'IF', <identifier>");
        failed(g.run("CREATE EXTERNAL TABLE t (_id int) LOCATION 's3://lake/t/'"), 1006,
                "line 1:26: mismatched input '_id'. Expecting: <identifier>");
        assertThat(g.rows("SHOW TABLES")).isEmpty();
        assertThat(catalogFiles()).isEqualTo(catalogBefore);

        // Backticks make a leading '_' acceptable; 255 characters are allowed and the table works.
        succeeded(g.run("CREATE EXTERNAL TABLE `_t` (`_id` int) LOCATION 's3://lake/t/'"));
        String longName = "t".repeat(255);
        succeeded(g.run("CREATE EXTERNAL TABLE " + longName + " (" + "c".repeat(255)
                + " int) LOCATION 's3://lake/t/'"));
        assertThat(g.rows("SELECT " + "c".repeat(255) + " FROM " + longName)).containsExactly(List.of("1"));
        succeeded(g.run("DROP TABLE " + longName));
    }

    @Test
    void alterTableRefusesBadColumnNamesAndLeavesTheTableAlone() {
        succeeded(g.run("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'"));
        failed(g.run("ALTER TABLE t ADD COLUMNS (`x/y` int)"), 1003,
                DDL_TASK + "Unable to alter table. Invalid column name: x/y");
        failed(g.run("ALTER TABLE t REPLACE COLUMNS (id int, `..` string)"), 1003,
                DDL_TASK + "Unable to alter table. Invalid column name: ..");
        failed(g.run("ALTER TABLE t ADD COLUMNS (" + "c".repeat(256) + " int)"), 1003, DDL_TASK + TOO_LONG);
        failed(g.run("ALTER TABLE t ADD COLUMNS (_c int)"), 1006,
                "line 1:28: mismatched input '_c'. Expecting: <identifier>");
        assertThat(g.rows("SHOW COLUMNS IN t")).extracting(r -> r.get(0).strip()).containsExactly("id");
        succeeded(g.run("ALTER TABLE t ADD COLUMNS (`_c` int, Big int)"));
        assertThat(g.rows("SHOW COLUMNS IN t")).extracting(r -> r.get(0).strip()).containsExactly("id", "_c", "big");
    }

    @Test
    void ctasRefusesBadNamesBeforeWritingAnything() throws IOException {
        failed(g.run("CREATE TABLE \"../c\" AS SELECT 1 AS x"), 1000, "../c is not a valid object name");
        failed(g.run("CREATE TABLE \"" + "c".repeat(256) + "\" AS SELECT 1 AS x"), 1000, TOO_LONG);
        failed(g.run("CREATE TABLE c AS SELECT 1 AS \"a-b\""), 1000, "Invalid column name: a-b");
        failed(g.run("CREATE TABLE c WITH (external_location='s3://lake/c/') AS SELECT 1 AS \"../x\""), 1000,
                "Invalid column name: ../x");
        failed(g.run("CREATE TABLE c AS SELECT 1 AS x, count(*) FROM (VALUES 1)"), 1000,
                "MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 2");
        failed(g.run("CREATE TABLE c AS SELECT 1 AS x, 2 AS \"X\""), 1000,
                "DUPLICATE_COLUMN_NAME: line 1:1: Column name 'x' specified more than once");
        succeeded(g.run("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'"));
        failed(g.run("CREATE TABLE c AS SELECT a.id, b.id FROM t a JOIN t b ON a.id = b.id"), 1000,
                "DUPLICATE_COLUMN_NAME: line 1:1: Column name 'id' specified more than once");
        failed(g.run("CREATE TABLE 1c AS SELECT 1 AS x"), 1006,
                "line 1:14: identifiers must not start with a digit; surround the identifier with double quotes");
        assertThat(g.rows("SHOW TABLES")).containsExactly(List.of("t"));
        assertThat(keys("glaux-query-results", "tables/")).isEmpty();
        assertThat(keys("lake", "c/")).isEmpty();

        succeeded(g.run("CREATE TABLE \"1c\" AS SELECT 1 AS \"_x\", 2 AS Big"));
        assertThat(g.rows("SELECT * FROM \"1c\"")).containsExactly(List.of("1", "2"));
        // A column the query names _col0 is named, unlike the expression a result calls _col0.
        succeeded(g.run("CREATE TABLE d AS SELECT 1 AS _col0"));
        assertThat(g.query("SELECT * FROM d").columns().get(0).name()).isEqualTo("_col0");
    }

    @Test
    void createViewRefusesBadNames() {
        failed(g.run("CREATE VIEW \"../v\" AS SELECT 1 AS x"), 1000, "../v is not a valid object name");
        failed(g.run("CREATE OR REPLACE VIEW v AS SELECT 1 AS \"a b\""), 1000, "Invalid column name: a b");
        failed(g.run("CREATE VIEW v AS SELECT 1"), 1000,
                "MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 1");
        failed(g.run("CREATE VIEW 2v AS SELECT 1 AS x"), 1006,
                "line 1:13: identifiers must not start with a digit; surround the identifier with double quotes");
        assertThat(g.rows("SHOW VIEWS")).isEmpty();
        succeeded(g.run("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'"));
        succeeded(g.run("CREATE VIEW \"2v\" AS SELECT id AS x FROM t"));
        assertThat(g.rows("SELECT x FROM \"2v\"")).containsExactly(List.of("1"));
    }

    @Test
    void namesThatOnlyReferToSomethingFailAsNotFoundWithoutPaths() {
        String root = data.toString();
        for (String sql : List.of("SELECT * FROM \"../../x\".t", "SELECT * FROM \"..\".\"..\"", "SHOW TABLES IN `..`",
                "DESCRIBE `../t`", "DROP DATABASE `../../x`", "DROP TABLE `..`.t", "MSCK REPAIR TABLE `../t`",
                "SHOW PARTITIONS `../../x`.t", "ALTER TABLE `..` ADD PARTITION (dt='x')",
                "INSERT INTO \"../t\" SELECT 1", "SELECT * FROM \"" + "t".repeat(300) + "\"")) {
            QueryExecution done = g.run(sql);
            assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
            assertThat(done.status().athenaError().errorCategory()).as(sql).isEqualTo(2);
            assertThat(done.status().stateChangeReason()).as(sql).doesNotContain(root)
                    .doesNotContainIgnoringCase("exception:");
        }
        // The same through the session's current database (QueryExecutionContext.Database).
        for (String database : List.of("../../x", "..", "d".repeat(300))) {
            for (String sql : List.of("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'", "SHOW TABLES",
                    "CREATE TABLE c AS SELECT 1 AS x", "CREATE VIEW v AS SELECT 1 AS x", "SELECT * FROM t")) {
                QueryExecution done = g.glaux().execute(QueryRequest.of(sql)
                        .withContext(new QueryContext(null, database)));
                assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
                assertThat(done.status().athenaError().errorCategory()).as(sql).isEqualTo(2);
                assertThat(done.status().stateChangeReason()).as(sql).doesNotContain(root);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.state()).as("%s: %s", execution.query(), execution.status().stateChangeReason())
                .isEqualTo(QueryState.SUCCEEDED);
        return execution;
    }

    /** A user error with the AthenaError type and (when not null) the exact message. */
    private void failed(QueryExecution execution, int errorType, String message) {
        assertThat(execution.state()).as(execution.query()).isEqualTo(QueryState.FAILED);
        assertThat(execution.status().athenaError().errorType()).as(execution.query()).isEqualTo(errorType);
        assertThat(execution.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(execution.status().stateChangeReason()).doesNotContain(data.toString());
        if (message != null) {
            assertThat(execution.status().stateChangeReason()).as(execution.query()).isEqualTo(message);
        }
    }

    private List<String> keys(String bucket, String prefix) throws IOException {
        return g.glaux().store().listAll(bucket, prefix).stream().map(ObjectInfo::key).sorted().toList();
    }

    private List<String> catalogFiles() throws IOException {
        Path catalog = data.resolve(".glaux/catalog");
        try (Stream<Path> files = Files.walk(catalog)) {
            return files.map(catalog::relativize).map(Path::toString).sorted().toList();
        }
    }
}
