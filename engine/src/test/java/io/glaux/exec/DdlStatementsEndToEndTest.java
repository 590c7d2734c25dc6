package io.glaux.exec;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.S3Location;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every DDL form Athena accepts, run through the embedded engine over real objects in a local store, and observed
 * the way a user would: by querying the tables, by SHOW / DESCRIBE output, and by the result objects written.
 */
class DdlStatementsEndToEndTest {

    private static final String ALL_TYPES = "b boolean, ti tinyint, si smallint, i int, bi bigint, f float, d double,"
            + " de decimal(5,2), c char(3), vc varchar(4), s string, dt date, ts timestamp, bin binary,"
            + " arr array<int>, m map<string,int>, st struct<a:int,b:string>";

    /**
     * Every all-types table below holds one row; this reads it back. (The struct is read field by field: see the
     * report on ROW rendering.) The char(3) column shows padded to 3, as Trino shows it.
     */
    private static final String ALL_TYPES_SELECT = "SELECT b, ti, si, i, bi, f, d, de, c, vc, s, dt, ts, bin,"
            + " arr, m, t.st.a, t.st.b FROM ";

    private static final List<String> ALL_TYPES_ROW = List.of("true", "1", "2", "3", "4", "1.5", "2.25", "12.34",
            "ab ", "vc", "str", "2024-01-02", "2024-01-02 03:04:05.123", "61 62 63", "[1, 2, 3]", "{k1=1, k2=2}",
            "7", "s");

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void createAndDropDatabases() throws IOException {
        QueryExecution created = succeeded(g.run("CREATE DATABASE sales"));
        assertThat(created.statementType().name()).isEqualTo("DDL");
        assertThat(created.result().resultObject()).endsWith("/" + created.queryExecutionId() + ".txt");
        assertThat(textObject(created)).isEmpty();
        assertThat(created.result().updateCount()).isNull();

        succeeded(g.run("CREATE SCHEMA IF NOT EXISTS sales"));
        succeeded(g.run("CREATE SCHEMA hr COMMENT 'people' LOCATION 's3://lake/hr/'"));
        failed(g.run("CREATE DATABASE sales"), 1302, "Database 'sales' already exists");
        failed(g.run("CREATE SCHEMA hr"), 1302, "Database 'hr' already exists");

        QueryExecution shown = succeeded(g.run("SHOW DATABASES"));
        assertThat(textObject(shown)).isEqualTo("default\nhr\nsales\n");
        assertThat(g.query("SHOW SCHEMAS LIKE 's*'").rows()).containsExactly(List.of("sales"));

        g.put("lake", "orders/a.csv", "1\n");
        g.query("CREATE EXTERNAL TABLE sales.orders (id int) LOCATION 's3://lake/orders/'");
        failed(g.run("DROP DATABASE sales"), 1003, "Database 'sales' is not empty. One or more tables exist.");
        assertThat(g.rows("SELECT id FROM sales.orders")).containsExactly(List.of("1"));

        succeeded(g.run("DROP DATABASE sales CASCADE"));
        succeeded(g.run("DROP SCHEMA hr"));
        succeeded(g.run("DROP DATABASE IF EXISTS hr"));
        failed(g.run("DROP DATABASE hr"), 1301, "Database 'hr' does not exist");
        assertThat(g.rows("SHOW DATABASES")).containsExactly(List.of("default"));
        assertThat(g.run("SELECT id FROM sales.orders").status().stateChangeReason())
                .isEqualTo("SCHEMA_NOT_FOUND: line 1:16: Schema 'sales' does not exist");
        // CASCADE drops the table definitions, never the data.
        assertThat(g.glaux().store().getAll("lake", "orders/a.csv")).isEqualTo("1\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lazySimpleTextWithEveryTypeAndEveryDelimiterClause() {
        g.put("lake", "all/part-0", "true|1|2|3|4|1.5|2.25|12.34|ab|vc|str|2024-01-02|2024-01-02 03:04:05.123|YWJj"
                + "|1;2;3|k1=1;k2=2|7;s\n");
        g.put("lake", "esc/part-0", "a\\|b|x;y\n\\N|\n");
        g.query("CREATE EXTERNAL TABLE IF NOT EXISTS alltypes (" + ALL_TYPES + ")"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY '|' COLLECTION ITEMS TERMINATED BY ';'"
                + " MAP KEYS TERMINATED BY '=' LINES TERMINATED BY '\\n'"
                + " STORED AS TEXTFILE LOCATION 's3://lake/all/'");
        assertThat(g.rows(ALL_TYPES_SELECT + "alltypes t")).containsExactly(ALL_TYPES_ROW);
        assertThat(g.rows("SELECT arr[2], element_at(m, 'k2'), cardinality(arr), t.st.b, length(vc) + 1, de * 2,"
                + " dt + INTERVAL '1' DAY, ts < TIMESTAMP '2024-01-02 03:04:06', bi + ti FROM alltypes t"))
                .containsExactly(List.of("2", "2", "3", "s", "3", "24.68", "2024-01-03", "true", "5"));
        // A second IF NOT EXISTS is a no-op that keeps the first definition.
        succeeded(g.run("CREATE EXTERNAL TABLE IF NOT EXISTS alltypes (x int) LOCATION 's3://lake/elsewhere/'"));
        assertThat(g.rows("SELECT count(*) FROM alltypes")).containsExactly(List.of("1"));
        failed(g.run("CREATE EXTERNAL TABLE alltypes (x int) LOCATION 's3://lake/elsewhere/'"), 1302,
                "Table 'default.alltypes' already exists");

        g.query("CREATE EXTERNAL TABLE escaped (a string, tags array<string>) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY '|' ESCAPED BY '\\\\' COLLECTION ITEMS TERMINATED BY ';'"
                + " LOCATION 's3://lake/esc/'");
        assertThat(g.rows("SELECT a, tags, cardinality(tags) FROM escaped"))
                .containsExactly(List.of("a|b", "[x, y]", "2"), Arrays.asList(null, "[]", "0"));

        List<String> described = column(g.rows("DESCRIBE alltypes"));
        assertThat(described).hasSize(17);
        assertThat(described.get(7)).startsWith("de").contains("\tdecimal(5,2)");
        assertThat(described.get(16)).startsWith("st").contains("\tstruct<a:int,b:string>");
        assertThat(column(g.rows("SHOW COLUMNS IN alltypes")).stream().map(String::strip))
                .containsExactly("b", "ti", "si", "i", "bi", "f", "d", "de", "c", "vc", "s", "dt", "ts", "bin", "arr",
                        "m", "st");
        String ddl = String.join("\n", column(g.rows("SHOW CREATE TABLE alltypes")));
        assertThat(ddl).startsWith("CREATE EXTERNAL TABLE `default`.`alltypes`(\n  `b` boolean, \n")
                .contains("  FIELDS TERMINATED BY '|' \n  COLLECTION ITEMS TERMINATED BY ';' \n"
                        + "  MAP KEYS TERMINATED BY '=' \n  LINES TERMINATED BY '\\n' \n")
                .contains("LOCATION\n  's3://lake/all/'\n");
    }

    @Test
    void openCsvSerdeWithCustomSeparatorQuoteAndEscape() {
        g.put("lake", "oc/a.csv", "'a;b~'x';1;2024-05-06\n'c~~d';2;\n");
        g.query("CREATE EXTERNAL TABLE oc (a string, b int, day date) ROW FORMAT SERDE"
                + " 'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES"
                + " ('separatorChar'=';', 'quoteChar'='''', 'escapeChar'='~') LOCATION 's3://lake/oc/'");
        assertThat(g.rows("SELECT a, b + 1, day FROM oc ORDER BY b"))
                .containsExactly(List.of("a;b'x", "2", "2024-05-06"), Arrays.asList("c~d", "3", null));
        assertThat(String.join("\n", column(g.rows("SHOW CREATE TABLE oc"))))
                .contains("'org.apache.hadoop.hive.serde2.OpenCSVSerde' \nWITH SERDEPROPERTIES ( \n");
    }

    @Test
    void skipHeaderAndNullFormatTableProperties() {
        g.put("lake", "nf/a.csv", "id,name\n-- second header\n1,NA\n2,b\n");
        g.put("lake", "nf/b.csv", "id,name\n-- second header\nNA,c\n");
        g.query("CREATE EXTERNAL TABLE nf (id int, name string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/nf/'"
                + " TBLPROPERTIES ('skip.header.line.count'='2', 'serialization.null.format'='NA')");
        assertThat(g.rows("SELECT id, name, name IS NULL FROM nf ORDER BY name"))
                .containsExactly(List.of("2", "b", "false"), Arrays.asList(null, "c", "false"),
                        Arrays.asList("1", null, "true"));
        assertThat(g.rows("SHOW TBLPROPERTIES nf ('skip.header.line.count')")).containsExactly(List.of("2"));
    }

    @Test
    void jsonTablesWithBothSerdes() {
        String line = "{\"b\":true,\"ti\":1,\"si\":2,\"i\":3,\"bi\":4,\"f\":1.5,\"d\":2.25,\"de\":12.34,\"c\":\"ab\","
                + "\"vc\":\"vc\",\"s\":\"str\",\"dt\":\"2024-01-02\",\"ts\":\"2024-01-02 03:04:05.123\","
                + "\"bin\":\"YWJj\",\"arr\":[1,2,3],\"m\":{\"k1\":1,\"k2\":2},\"st\":{\"a\":7,\"b\":\"s\"}}\n";
        g.put("lake", "hive-json/a.json", line + "{\"i\":9}\n");
        g.put("lake", "openx-json/a.json", line.replace("\"i\":3", "\"I\":3") + "{\"i\":9}\n");
        g.query("CREATE EXTERNAL TABLE hj (" + ALL_TYPES + ") ROW FORMAT SERDE"
                + " 'org.apache.hive.hcatalog.data.JsonSerDe' LOCATION 's3://lake/hive-json/'");
        g.query("CREATE EXTERNAL TABLE oj (" + ALL_TYPES + ") ROW FORMAT SERDE"
                + " 'org.openx.data.jsonserde.JsonSerDe' WITH SERDEPROPERTIES ('case.insensitive'='true')"
                + " LOCATION 's3://lake/openx-json/'");
        for (String table : List.of("hj", "oj")) {
            List<List<String>> rows = g.rows(ALL_TYPES_SELECT + table + " t ORDER BY i");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).as(table).isEqualTo(ALL_TYPES_ROW);
            assertThat(rows.get(1).get(3)).isEqualTo("9");
            assertThat(rows.get(1).stream().filter(v -> v != null).count()).as(table).isEqualTo(1);
        }
    }

    @Test
    void ctasInEveryFormatRoundTripsEveryType() throws IOException {
        g.put("lake", "all/part-0", "true|1|2|3|4|1.5|2.25|12.34|ab|vc|str|2024-01-02|2024-01-02 03:04:05.123|YWJj"
                + "|1;2;3|k1=1;k2=2|7;s\n");
        g.query("CREATE EXTERNAL TABLE alltypes (" + ALL_TYPES + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY '|'"
                + " COLLECTION ITEMS TERMINATED BY ';' MAP KEYS TERMINATED BY '=' LOCATION 's3://lake/all/'");
        for (String format : List.of("PARQUET", "TEXTFILE", "JSON")) {
            String name = "copy_" + format.toLowerCase();
            QueryExecution ctas = succeeded(g.run("CREATE TABLE " + name + " WITH (format='" + format
                    + "', external_location='s3://lake/" + name + "/') AS SELECT * FROM alltypes"));
            assertThat(ctas.result().updateCount()).isEqualTo(1L);
            List<String> manifest = manifest(ctas);
            assertThat(manifest).hasSize(1).allMatch(o -> o.startsWith("s3://lake/" + name + "/"));
            assertThat(keys("lake", name + "/")).containsExactly(S3Location.parse(manifest.get(0)).key());
            assertThat(g.rows(ALL_TYPES_SELECT + name + " t")).as(format).containsExactly(ALL_TYPES_ROW);
            // Every column keeps its type, varchar(4) and char(3) included.
            assertThat(column(g.rows("DESCRIBE " + name))).isEqualTo(column(g.rows("DESCRIBE alltypes")));
        }
        // Parquet data is really Parquet: the object starts and ends with the magic number.
        String parquetKey = keys("lake", "copy_parquet/").get(0);
        byte[] bytes = g.glaux().store().getAll("lake", parquetKey);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(String.join("\n", column(g.rows("SHOW CREATE TABLE copy_json"))))
                .contains("'org.apache.hive.hcatalog.data.JsonSerDe'");
    }

    @Test
    void ctasPartitionedWithNoDataAndDefaultLocation() throws IOException {
        g.put("lake", "src/a.csv", "1,x,2024-01-01\n2,y,2024-01-02\n3,z,2024-01-01\n");
        g.query("CREATE EXTERNAL TABLE src (id int, name string, day date) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/src/'");
        QueryExecution ctas = succeeded(g.run("CREATE TABLE by_day WITH (format='PARQUET',"
                + " external_location='s3://lake/by_day/', partitioned_by=ARRAY['day'])"
                + " AS SELECT id, name, day FROM src"));
        assertThat(ctas.result().updateCount()).isEqualTo(3L);
        assertThat(textObject(ctas)).isEmpty();
        assertThat(manifest(ctas)).hasSize(2);
        assertThat(keys("lake", "by_day/")).hasSize(2)
                .anyMatch(k -> k.startsWith("by_day/day=2024-01-01/"))
                .anyMatch(k -> k.startsWith("by_day/day=2024-01-02/"));
        assertThat(manifest(ctas).stream().map(o -> S3Location.parse(o).key()).sorted().toList())
                .isEqualTo(keys("lake", "by_day/"));
        assertThat(g.rows("SHOW PARTITIONS by_day"))
                .containsExactly(List.of("day=2024-01-01"), List.of("day=2024-01-02"));
        assertThat(g.rows("SELECT day, count(*), min(name) FROM by_day GROUP BY day ORDER BY day"))
                .containsExactly(List.of("2024-01-01", "2", "x"), List.of("2024-01-02", "1", "y"));
        assertThat(column(g.rows("SHOW COLUMNS IN by_day")).stream().map(String::strip))
                .containsExactly("id", "name", "day");

        QueryExecution empty = succeeded(g.run("CREATE TABLE IF NOT EXISTS shape WITH (format='TEXTFILE')"
                + " AS SELECT id, name FROM src WITH NO DATA"));
        assertThat(empty.result().updateCount()).isEqualTo(0L);
        assertThat(manifest(empty)).isEmpty();
        assertThat(g.rows("SELECT * FROM shape")).isEmpty();
        // Without external_location the table lives under the output location, in a folder named for the query.
        String location = String.join("\n", column(g.rows("SHOW CREATE TABLE shape")));
        assertThat(location).contains("'s3://glaux-query-results/tables/" + empty.queryExecutionId() + "/'");
        assertThat(g.rows("DESCRIBE shape").stream().map(r -> r.get(0).split("\t")[1].strip()))
                .containsExactly("int", "string");
    }

    @Test
    void insertIntoPlainWithColumnListAndNewPartition() throws IOException {
        g.put("lake", "src/a.csv", "1,x,2024-01-01\n");
        g.query("CREATE EXTERNAL TABLE src (id int, name string, day date) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/src/'");
        QueryExecution plain = succeeded(g.run("INSERT INTO src VALUES (2, 'y', DATE '2024-01-02'),"
                + " (3, 'z', NULL)"));
        assertThat(plain.result().updateCount()).isEqualTo(2L);
        assertThat(manifest(plain)).hasSize(1).allMatch(o -> o.startsWith("s3://lake/src/"));
        QueryExecution listed = succeeded(g.run("INSERT INTO src (name, id) SELECT upper(name), id * 10 FROM src"
                + " WHERE id = 1"));
        assertThat(listed.result().updateCount()).isEqualTo(1L);
        assertThat(g.rows("SELECT id, name, day FROM src ORDER BY id")).containsExactly(
                List.of("1", "x", "2024-01-01"), List.of("2", "y", "2024-01-02"), Arrays.asList("3", "z", null),
                Arrays.asList("10", "X", null));
        // The original object is untouched.
        assertThat(g.glaux().store().getAll("lake", "src/a.csv"))
                .isEqualTo("1,x,2024-01-01\n".getBytes(StandardCharsets.UTF_8));

        g.query("CREATE TABLE parts WITH (external_location='s3://lake/parts/', partitioned_by=ARRAY['day'])"
                + " AS SELECT id, name, day FROM src WHERE day IS NOT NULL");
        QueryExecution partitioned = succeeded(g.run("INSERT INTO parts SELECT 7, 'new', DATE '2025-05-05'"));
        assertThat(partitioned.result().updateCount()).isEqualTo(1L);
        assertThat(manifest(partitioned)).hasSize(1)
                .allMatch(o -> o.startsWith("s3://lake/parts/day=2025-05-05/"));
        assertThat(g.rows("SHOW PARTITIONS parts")).containsExactly(List.of("day=2024-01-01"),
                List.of("day=2024-01-02"), List.of("day=2025-05-05"));
        assertThat(g.rows("SELECT name FROM parts WHERE day = DATE '2025-05-05'")).containsExactly(List.of("new"));
        assertThat(g.rows("SELECT count(*) FROM parts")).containsExactly(List.of("3"));
    }

    @Test
    void partitionsAddDropAndRepair() throws IOException {
        g.put("lake", "logs/dt=2024-01-01/a.csv", "1\n");
        g.put("lake", "logs/dt=2024-01-02/a.csv", "2\n3\n");
        g.put("lake", "logs/dt=2024-01-02/_SUCCESS", "");
        g.put("lake", "elsewhere/b.csv", "40\n");
        g.query("CREATE EXTERNAL TABLE logs (n int) PARTITIONED BY (dt string) LOCATION 's3://lake/logs/'");
        assertThat(g.rows("SELECT * FROM logs")).isEmpty();
        assertThat(g.rows("SHOW PARTITIONS logs")).isEmpty();

        QueryExecution repair = succeeded(g.run("MSCK REPAIR TABLE logs"));
        assertThat(textObject(repair)).isEqualTo("Partitions not in metastore:\tlogs:dt=2024-01-01\tlogs:dt=2024-01-02\n"
                + "Repair: Added partition to metastore logs:dt=2024-01-01\n"
                + "Repair: Added partition to metastore logs:dt=2024-01-02\n");
        assertThat(g.rows("SHOW PARTITIONS logs"))
                .containsExactly(List.of("dt=2024-01-01"), List.of("dt=2024-01-02"));
        assertThat(g.rows("SELECT dt, sum(n) FROM logs GROUP BY dt ORDER BY dt"))
                .containsExactly(List.of("2024-01-01", "1"), List.of("2024-01-02", "5"));

        g.put("lake", "logs/dt=2024-01-03/a.csv", "100\n");
        assertThat(textObject(succeeded(g.run("MSCK REPAIR TABLE logs"))))
                .isEqualTo("Partitions not in metastore:\tlogs:dt=2024-01-03\n"
                        + "Repair: Added partition to metastore logs:dt=2024-01-03\n");
        assertThat(g.rows("SELECT sum(n) FROM logs")).containsExactly(List.of("106"));

        succeeded(g.run("ALTER TABLE logs DROP PARTITION (dt='2024-01-02')"));
        failed(g.run("ALTER TABLE logs DROP PARTITION (dt='2024-01-02')"), 1301, null);
        succeeded(g.run("ALTER TABLE logs DROP IF EXISTS PARTITION (dt='2024-01-02')"));
        assertThat(g.rows("SHOW PARTITIONS logs"))
                .containsExactly(List.of("dt=2024-01-01"), List.of("dt=2024-01-03"));
        assertThat(g.rows("SELECT n FROM logs ORDER BY n")).containsExactly(List.of("1"), List.of("100"));

        succeeded(g.run("ALTER TABLE logs ADD PARTITION (dt='old') LOCATION 's3://lake/elsewhere/'"
                + " PARTITION (dt='2024-01-02')"));
        failed(g.run("ALTER TABLE logs ADD PARTITION (dt='old')"), 1302,
                "Partition 'dt=old' already exists in table 'default.logs'");
        succeeded(g.run("ALTER TABLE logs ADD IF NOT EXISTS PARTITION (dt='old')"));
        assertThat(g.rows("SHOW PARTITIONS logs")).containsExactly(List.of("dt=2024-01-01"),
                List.of("dt=2024-01-02"), List.of("dt=2024-01-03"), List.of("dt=old"));
        assertThat(g.rows("SELECT dt, n FROM logs WHERE dt IN ('old', '2024-01-02') ORDER BY n"))
                .containsExactly(List.of("2024-01-02", "2"), List.of("2024-01-02", "3"), List.of("old", "40"));
        List<String> described = column(g.rows("DESCRIBE logs"));
        assertThat(described.get(0)).startsWith("n ").contains("\tint");
        assertThat(String.join("\n", described)).contains("# Partition Information").contains("dt");
    }

    @Test
    void unicodeLiteralsInsertAndQuery() {
        g.query("CREATE TABLE words WITH (format='JSON', external_location='s3://lake/words/')"
                + " AS SELECT 'héllo😀' AS w");
        succeeded(g.run("INSERT INTO words VALUES ('日本')"));
        assertThat(g.rows("SELECT w, length(w) FROM words WHERE w <> 'ascii' ORDER BY w"))
                .containsExactly(List.of("héllo😀", "6"), List.of("日本", "2"));
    }

    @Test
    void addColumnsReadsNullFromOldObjects() {
        g.put("lake", "ac/old.csv", "1,a\n");
        g.query("CREATE EXTERNAL TABLE ac (id int, s string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/ac/'");
        succeeded(g.run("ALTER TABLE ac ADD COLUMNS (extra bigint, note string)"));
        g.put("lake", "ac/new.csv", "2,b,20,hello\n");
        assertThat(g.rows("SELECT id, s, extra, note FROM ac ORDER BY id"))
                .containsExactly(Arrays.asList("1", "a", null, null), List.of("2", "b", "20", "hello"));
        assertThat(column(g.rows("SHOW COLUMNS IN ac")).stream().map(String::strip))
                .containsExactly("id", "s", "extra", "note");
        failed(g.run("ALTER TABLE ac ADD COLUMNS (s int)"), 1003, "Duplicate column name: s");
    }

    @Test
    void dropTableKeepsDataAndFreesTheName() throws IOException {
        g.put("lake", "t/a.csv", "1\n");
        g.query("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'");
        succeeded(g.run("DROP TABLE t"));
        assertThat(g.run("SELECT * FROM t").status().stateChangeReason())
                .isEqualTo("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.t' does not exist");
        failed(g.run("DROP TABLE t"), 1301, "Table 'default.t' does not exist");
        succeeded(g.run("DROP TABLE IF EXISTS t"));
        assertThat(g.glaux().store().getAll("lake", "t/a.csv")).isEqualTo("1\n".getBytes(StandardCharsets.UTF_8));
        g.query("CREATE EXTERNAL TABLE t (id bigint) LOCATION 's3://lake/t/'");
        assertThat(g.rows("SELECT id + 1 FROM t")).containsExactly(List.of("2"));
    }

    @Test
    void showAndDescribeAcrossDatabases() throws IOException {
        g.script("""
                CREATE DATABASE a;
                CREATE EXTERNAL TABLE a.t1 (x int) LOCATION 's3://lake/t1/';
                CREATE EXTERNAL TABLE a.t2 (y string) COMMENT 'second' LOCATION 's3://lake/t2/';
                CREATE VIEW a.v AS SELECT x FROM a.t1;
                """);
        QueryExecution tables = succeeded(g.run("SHOW TABLES IN a"));
        assertThat(textObject(tables)).isEqualTo("t1\nt2\nv\n");
        assertThat(tables.result().columns().get(0).name()).isEqualTo("tab_name");
        assertThat(g.query("a", "SHOW TABLES").rows()).containsExactly(List.of("t1"), List.of("t2"), List.of("v"));
        assertThat(g.rows("SHOW TABLES IN a 't*'")).containsExactly(List.of("t1"), List.of("t2"));
        assertThat(g.rows("SHOW VIEWS IN a")).containsExactly(List.of("v"));
        assertThat(g.rows("SHOW TABLES")).isEmpty();
        assertThat(column(g.rows("SHOW COLUMNS IN t2 IN a")).stream().map(String::strip)).containsExactly("y");
        assertThat(column(g.query("a", "DESCRIBE v").rows()).get(0)).startsWith("x ").contains("\tint");
        assertThat(String.join("\n", column(g.rows("SHOW CREATE TABLE a.t2"))))
                .contains("COMMENT 'second'").contains("LOCATION\n  's3://lake/t2/'");
    }

    @Test
    void viewsReplaceStackAndResolveAcrossDatabases() throws IOException {
        g.put("lake", "nums/a.csv", "1\n2\n3\n");
        g.script("""
                CREATE DATABASE other;
                CREATE EXTERNAL TABLE other.nums (n int) LOCATION 's3://lake/nums/';
                """);
        QueryExecution view = succeeded(g.run("other", "CREATE VIEW evens AS SELECT n FROM nums WHERE n % 2 = 0"));
        assertThat(textObject(view)).isEmpty();
        assertThat(g.rows("SELECT * FROM other.evens")).containsExactly(List.of("2"));

        // A view in the current database over a view in another one, referenced as db.view.
        g.query("CREATE VIEW doubled AS SELECT n * 2 AS twice FROM other.evens");
        assertThat(g.rows("SELECT twice FROM doubled")).containsExactly(List.of("4"));
        failed(g.run("CREATE VIEW doubled AS SELECT 1 AS x"), 1302, "View 'default.doubled' already exists");

        succeeded(g.run("CREATE OR REPLACE VIEW other.evens AS SELECT n FROM other.nums WHERE n <> 2"));
        assertThat(g.rows("SELECT twice FROM doubled ORDER BY 1")).containsExactly(List.of("2"), List.of("6"));
        assertThat(String.join("\n", column(g.rows("SHOW CREATE VIEW other.evens"))))
                .isEqualTo("CREATE VIEW \"other\".\"evens\" AS\nSELECT n FROM other.nums WHERE n <> 2");

        // The same table under each of its names, with the current database set.
        for (String name : List.of("awsdatacatalog.other.nums", "other.nums", "nums", "\"other\".\"NUMS\"")) {
            assertThat(g.query("other", "SELECT sum(n) FROM " + name).rows()).as(name)
                    .containsExactly(List.of("6"));
        }
        // Likewise in the default database, whose name Calcite reserves as a keyword but Trino does not.
        g.query("CREATE EXTERNAL TABLE nums (n int) LOCATION 's3://lake/nums/'");
        g.query("CREATE VIEW default.big AS SELECT n FROM default.nums WHERE n > 2");
        for (String name : List.of("awsdatacatalog.default.nums", "default.nums", "DEFAULT.nums", "nums",
                "\"default\".nums", "awsdatacatalog.default.big")) {
            assertThat(g.rows("SELECT max(n) FROM " + name)).as(name).containsExactly(List.of("3"));
        }
        assertThat(g.query("other", "SELECT default.nums.n FROM default.nums JOIN nums o ON default.nums.n = o.n"
                + " WHERE o.n = 1").rows()).containsExactly(List.of("1"));

        succeeded(g.run("DROP VIEW doubled"));
        failed(g.run("DROP VIEW doubled"), 1301, "View 'default.doubled' does not exist");
        succeeded(g.run("DROP VIEW IF EXISTS doubled"));
        failed(g.run("DROP TABLE other.evens"), 1003, "Cannot drop a view with DROP TABLE");
        failed(g.run("DROP VIEW other.nums"), 1003, "Cannot drop a base table with DROP VIEW");
        assertThat(g.rows("SHOW VIEWS IN other")).containsExactly(List.of("evens"));
    }

    @Test
    void ddlResultObjectsHoldTheOutputLines() throws IOException {
        g.query("CREATE EXTERNAL TABLE t (id int, name string) LOCATION 's3://lake/t/'");
        QueryExecution describe = succeeded(g.run("DESCRIBE t"));
        assertThat(describe.outputLocation()).isEqualTo(describe.result().resultObject());
        assertThat(describe.result().rowCount()).isEqualTo(2);
        assertThat(textObject(describe)).isEqualTo(String.format("%-20s\t%-20s\t%-20s\n%-20s\t%-20s\t%-20s\n",
                "id", "int", "", "name", "string", ""));
        // A DDL statement writes no CSV result and no metadata.
        S3Location txt = S3Location.parse(describe.result().resultObject());
        assertThat(keys(txt.bucket(), describe.queryExecutionId())).containsExactly(txt.key());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.state()).as("%s: %s", execution.query(), execution.status().stateChangeReason())
                .isEqualTo(QueryState.SUCCEEDED);
        return execution;
    }

    /** Asserts a failure with the AthenaError type and (when not null) the exact message. */
    private static void failed(QueryExecution execution, int errorType, String message) {
        assertThat(execution.state()).as(execution.query()).isEqualTo(QueryState.FAILED);
        assertThat(execution.status().athenaError().errorType()).as(execution.query()).isEqualTo(errorType);
        assertThat(execution.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(execution.status().athenaError().errorMessage())
                .isEqualTo(execution.status().stateChangeReason());
        if (message != null) {
            assertThat(execution.status().stateChangeReason()).isEqualTo(message);
        }
    }

    private String textObject(QueryExecution execution) throws IOException {
        S3Location object = S3Location.parse(execution.result().resultObject());
        assertThat(object.key()).isEqualTo(execution.queryExecutionId() + ".txt");
        return new String(g.glaux().store().getAll(object.bucket(), object.key()), StandardCharsets.UTF_8);
    }

    private List<String> manifest(QueryExecution execution) throws IOException {
        S3Location txt = S3Location.parse(execution.result().resultObject());
        String text = new String(g.glaux().store().getAll(txt.bucket(), execution.queryExecutionId()
                + "-manifest.csv"), StandardCharsets.UTF_8);
        return text.lines().toList();
    }

    private List<String> keys(String bucket, String prefix) throws IOException {
        return g.glaux().store().listAll(bucket, prefix).stream().map(ObjectInfo::key).sorted().toList();
    }

    private static List<String> column(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }
}
