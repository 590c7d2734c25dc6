package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.FileCatalog;
import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdlExecutorTest {

    static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    static final String ORDERS = "CREATE EXTERNAL TABLE sales.orders (id int COMMENT 'the id', name string) "
            + "COMMENT 'orders' PARTITIONED BY (dt string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
            + "LOCATION 's3://bucket/orders/' TBLPROPERTIES ('skip.header.line.count'='1')";

    @TempDir
    Path folder;
    FileCatalog catalog;
    DdlExecutor executor;

    @BeforeEach
    void open() {
        reopen();
    }

    void reopen() {
        catalog = new FileCatalog(folder);
        executor = new DdlExecutor(catalog, new InMemoryObjectStore(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    DdlResult run(String sql) {
        return executor.execute(DdlParser.tryParse(sql).orElseThrow(), "default");
    }

    List<String> lines(String sql) {
        return run(sql).lines();
    }

    static void assertFails(Runnable action, ErrorType type, String message) {
        assertThatThrownBy(action::run).isInstanceOf(GlauxException.class).hasMessage(message)
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(type);
    }

    void createView(String name) {
        catalog.createTable(new TableDefinition("default", name, TableKind.VIRTUAL_VIEW,
                List.of(new Column("x", AthenaType.INT)), null, null, Map.of(), "SELECT 1 AS x", NOW), false);
    }

    @Test
    void databasesAndTablesAreCreatedShownAndSurviveARestart() {
        assertThat(run("CREATE DATABASE sales COMMENT 'c' LOCATION 's3://bucket/sales/'").lines()).isEmpty();
        run(ORDERS);
        run("ALTER TABLE sales.orders ADD PARTITION (dt='2024-01-01') PARTITION (dt='2024-01-02')");
        reopen();
        DdlResult databases = run("SHOW DATABASES");
        assertThat(databases.columnName()).isEqualTo("database_name");
        assertThat(databases.lines()).containsExactly("default", "sales");
        DdlResult tables = run("SHOW TABLES IN sales");
        assertThat(tables.columnName()).isEqualTo("tab_name");
        assertThat(tables.lines()).containsExactly("orders");
        DdlResult partitions = run("SHOW PARTITIONS sales.orders");
        assertThat(partitions.columnName()).isEqualTo("partition");
        assertThat(partitions.lines()).containsExactly("dt=2024-01-01", "dt=2024-01-02");
        assertThat(catalog.getDatabase("sales").orElseThrow().locationUri()).isEqualTo("s3://bucket/sales/");
    }

    @Test
    void createdTableCarriesAthenasParameters() {
        run("CREATE DATABASE sales");
        run(ORDERS);
        TableDefinition table = catalog.getTable("sales", "orders").orElseThrow();
        assertThat(table.parameters()).isEqualTo(Map.of("skip.header.line.count", "1", "EXTERNAL", "TRUE",
                "transient_lastDdlTime", "1704164645", "comment", "orders"));
        assertThat(table.createTime()).isEqualTo(NOW);
        assertFails(() -> run(ORDERS), ErrorType.ALREADY_EXISTS, "Table 'sales.orders' already exists");
        run(ORDERS.replace("EXTERNAL TABLE", "EXTERNAL TABLE IF NOT EXISTS"));
        assertFails(() -> run("CREATE EXTERNAL TABLE nodb.t (a int) LOCATION 's3://bucket/t/'"),
                ErrorType.NOT_FOUND, "Database 'nodb' does not exist");
    }

    @Test
    void showDatabasesAndTablesFilterWithHivePatterns() {
        run("CREATE DATABASE sales");
        run("CREATE DATABASE salaries");
        run("CREATE DATABASE hr");
        assertThat(lines("SHOW SCHEMAS LIKE 'sal*'")).containsExactly("salaries", "sales");
        assertThat(lines("SHOW DATABASES LIKE 'HR|sales'")).containsExactly("hr", "sales");
        run("CREATE EXTERNAL TABLE orders (a int) LOCATION 's3://bucket/o/'");
        run("CREATE EXTERNAL TABLE order_lines (a int) LOCATION 's3://bucket/ol/'");
        run("CREATE EXTERNAL TABLE customers (a int) LOCATION 's3://bucket/c/'");
        createView("order_view");
        assertThat(lines("SHOW TABLES")).containsExactly("customers", "order_lines", "order_view", "orders");
        assertThat(lines("SHOW TABLES 'order*'")).containsExactly("order_lines", "order_view", "orders");
        DdlResult views = run("SHOW VIEWS");
        assertThat(views.columnName()).isEqualTo("views");
        assertThat(views.lines()).containsExactly("order_view");
        assertFails(() -> run("SHOW TABLES IN nope"), ErrorType.NOT_FOUND, "Database 'nope' does not exist");
    }

    @Test
    void showCreateTableUsesAthenasLayout() {
        run("CREATE DATABASE sales");
        run(ORDERS);
        DdlResult result = run("SHOW CREATE TABLE sales.orders");
        assertThat(result.columnName()).isEqualTo("createtab_stmt");
        assertThat(result.lines()).containsExactly(
                "CREATE EXTERNAL TABLE `sales`.`orders`(",
                "  `id` int COMMENT 'the id', ",
                "  `name` string)",
                "COMMENT 'orders'",
                "PARTITIONED BY ( ",
                "  `dt` string)",
                "ROW FORMAT DELIMITED ",
                "  FIELDS TERMINATED BY ',' ",
                "STORED AS INPUTFORMAT ",
                "  'org.apache.hadoop.mapred.TextInputFormat' ",
                "OUTPUTFORMAT ",
                "  'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
                "LOCATION",
                "  's3://bucket/orders/'",
                "TBLPROPERTIES (",
                "  'skip.header.line.count'='1', ",
                "  'transient_lastDdlTime'='1704164645')");
    }

    @Test
    void showCreateTableWithASerDeListsItsProperties() {
        run("CREATE EXTERNAL TABLE csv (a string, b array<int>) ROW FORMAT SERDE "
                + "'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES "
                + "('separatorChar'=',', 'quoteChar'='\"', 'escapeChar'='\\\\') LOCATION 's3://bucket/csv/'");
        assertThat(lines("SHOW CREATE TABLE csv")).containsExactly(
                "CREATE EXTERNAL TABLE `default`.`csv`(",
                "  `a` string, ",
                "  `b` array<int>)",
                "ROW FORMAT SERDE ",
                "  'org.apache.hadoop.hive.serde2.OpenCSVSerde' ",
                "WITH SERDEPROPERTIES ( ",
                "  'escapeChar'='\\\\', ",
                "  'quoteChar'='\\\"', ",
                "  'separatorChar'=',') ",
                "STORED AS INPUTFORMAT ",
                "  'org.apache.hadoop.mapred.TextInputFormat' ",
                "OUTPUTFORMAT ",
                "  'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
                "LOCATION",
                "  's3://bucket/csv/'",
                "TBLPROPERTIES (",
                "  'transient_lastDdlTime'='1704164645')");
    }

    @Test
    void showCreateTableOutputParsesBackToTheSameTable() {
        run("CREATE DATABASE sales");
        run(ORDERS);
        run("CREATE EXTERNAL TABLE sales.p (m map<string,struct<x:int>>) STORED AS PARQUET LOCATION 's3://bucket/p/'");
        for (String name : List.of("orders", "p")) {
            String ddl = String.join("\n", lines("SHOW CREATE TABLE sales." + name));
            DdlStatement.CreateTable again = (DdlStatement.CreateTable) DdlParser.tryParse(ddl).orElseThrow();
            TableDefinition original = catalog.getTable("sales", name).orElseThrow();
            assertThat(again.toDefinition("default", NOW)).isEqualTo(original);
        }
    }

    @Test
    void describeListsColumnsThenPartitionInformation() {
        run("CREATE DATABASE sales");
        run(ORDERS);
        DdlResult result = run("DESCRIBE sales.orders");
        assertThat(result.columnName()).isEqualTo("col_name");
        assertThat(result.lines()).containsExactly(
                "id                  \tint                 \tthe id              ",
                "name                \tstring              \t                    ",
                "dt                  \tstring              \t                    ",
                "",
                "# Partition Information",
                "# col_name            \tdata_type           \tcomment             ",
                "",
                "dt                  \tstring              \t                    ");
        assertThat(lines("DESCRIBE sales.orders id")).containsExactly(
                "id                  \tint                 \tthe id              ");
        assertFails(() -> run("DESCRIBE sales.orders nope"), ErrorType.DDL_TASK_FAILED,
                "Column 'nope' does not exist in table 'sales.orders'");
    }

    @Test
    void describeFormattedAndExtendedAddTableDetails() {
        run("CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://bucket/t/'");
        assertThat(lines("DESCRIBE FORMATTED t")).containsExactly(
                "# col_name            \tdata_type           \tcomment             ",
                "",
                "a                   \tint                 \t                    ",
                "",
                "# Detailed Table Information",
                "Database:           \tdefault",
                "Owner:              \thadoop",
                "CreateTime:         \tTue Jan 02 03:04:05 UTC 2024",
                "LastAccessTime:     \tUNKNOWN",
                "Retention:          \t0",
                "Location:           \ts3://bucket/t/",
                "Table Type:         \tEXTERNAL_TABLE",
                "Table Parameters:",
                "\tEXTERNAL            \tTRUE",
                "\ttransient_lastDdlTime\t1704164645",
                "",
                "# Storage Information",
                "SerDe Library:      \torg.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                "InputFormat:        \torg.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "OutputFormat:       \torg.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "Compressed:         \tNo",
                "Num Buckets:        \t-1",
                "Bucket Columns:     \t[]",
                "Sort Columns:       \t[]",
                "Storage Desc Params:",
                "\tserialization.format\t1");
        List<String> extended = lines("DESCRIBE EXTENDED t");
        assertThat(extended).hasSize(3);
        assertThat(extended.get(1)).isEmpty();
        assertThat(extended.get(2)).startsWith("Detailed Table Information\tTable(tableName:t, dbName:default, ")
                .contains("location:s3://bucket/t/").endsWith("tableType:EXTERNAL_TABLE)");
    }

    @Test
    void showColumnsAndTableProperties() {
        run("CREATE DATABASE sales");
        run(ORDERS);
        DdlResult columns = run("SHOW COLUMNS IN orders IN sales");
        assertThat(columns.columnName()).isEqualTo("field");
        assertThat(columns.lines()).containsExactly("id                  ", "name                ",
                "dt                  ");
        DdlResult properties = run("SHOW TBLPROPERTIES sales.orders");
        assertThat(properties.columnName()).isEqualTo("prpt_name");
        assertThat(properties.lines()).containsExactly("EXTERNAL\tTRUE", "comment\torders",
                "skip.header.line.count\t1", "transient_lastDdlTime\t1704164645");
        assertThat(lines("SHOW TBLPROPERTIES sales.orders('skip.header.line.count')")).containsExactly("1");
    }

    @Test
    void showCreateViewAndViewTableMixUps() {
        createView("v");
        run("CREATE EXTERNAL TABLE t (a int) LOCATION 's3://bucket/t/'");
        DdlResult view = run("SHOW CREATE VIEW v");
        assertThat(view.columnName()).isEqualTo("Create View");
        assertThat(view.lines()).containsExactly("CREATE VIEW \"default\".\"v\" AS", "SELECT 1 AS x");
        assertFails(() -> run("SHOW CREATE VIEW t"), ErrorType.DDL_TASK_FAILED,
                "Relation 'default.t' is a table, not a view");
        assertFails(() -> run("SHOW CREATE TABLE v"), ErrorType.DDL_TASK_FAILED,
                "'default.v' is a view. Use SHOW CREATE VIEW.");
        assertFails(() -> run("DROP TABLE v"), ErrorType.DDL_TASK_FAILED, "Cannot drop a view with DROP TABLE");
        assertFails(() -> run("DROP VIEW t"), ErrorType.DDL_TASK_FAILED, "Cannot drop a base table with DROP VIEW");
        assertFails(() -> run("ALTER TABLE v ADD COLUMNS (b int)"), ErrorType.DDL_TASK_FAILED,
                "Cannot alter a view with ALTER TABLE");
        run("DROP VIEW v");
        run("DROP TABLE t");
        assertThat(catalog.listTables("default")).isEmpty();
        assertFails(() -> run("DROP VIEW v"), ErrorType.NOT_FOUND, "View 'default.v' does not exist");
        assertFails(() -> run("DROP TABLE t"), ErrorType.NOT_FOUND, "Table 'default.t' does not exist");
        run("DROP VIEW IF EXISTS v");
        run("DROP TABLE IF EXISTS t");
    }

    @Test
    void dropDatabaseNeedsCascadeWhenTablesExist() {
        run("CREATE DATABASE d");
        run("CREATE EXTERNAL TABLE d.t (a int) LOCATION 's3://bucket/t/'");
        assertFails(() -> run("DROP DATABASE d"), ErrorType.DDL_TASK_FAILED,
                "Database 'd' is not empty. One or more tables exist.");
        assertFails(() -> run("CREATE SCHEMA d"), ErrorType.ALREADY_EXISTS, "Database 'd' already exists");
        run("DROP SCHEMA d CASCADE");
        assertThat(lines("SHOW DATABASES")).containsExactly("default");
        assertFails(() -> run("DROP DATABASE d"), ErrorType.NOT_FOUND, "Database 'd' does not exist");
        run("DROP DATABASE IF EXISTS d");
    }

    @Test
    void addPartitionWithoutLocationUsesTheTableFolderAndHiveEscapes() {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string, region string) LOCATION 's3://bucket/t'");
        run("ALTER TABLE t ADD PARTITION (region='eu/west', dt='2024-01-01') "
                + "PARTITION (dt='2024-01-02', region='us') LOCATION 's3://other/place/'");
        assertThat(catalog.listPartitions("default", "t")).containsExactly(
                new Partition(List.of("2024-01-01", "eu/west"), "s3://bucket/t/dt=2024-01-01/region=eu%2Fwest/"),
                new Partition(List.of("2024-01-02", "us"), "s3://other/place/"));
        assertThat(lines("SHOW PARTITIONS t")).containsExactly("dt=2024-01-01/region=eu%2Fwest",
                "dt=2024-01-02/region=us");
        assertFails(() -> run("ALTER TABLE t ADD PARTITION (dt='2024-01-02', region='us')"),
                ErrorType.ALREADY_EXISTS, "Partition 'dt=2024-01-02/region=us' already exists in table 'default.t'");
        run("ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt='2024-01-02', region='us')");
        assertFails(() -> run("ALTER TABLE t ADD PARTITION (dt='x')"), ErrorType.DDL_TASK_FAILED,
                "Partition spec {dt=x} is missing partition keys [region] of table 'default.t'");
        assertFails(() -> run("ALTER TABLE t ADD PARTITION (dt='x', region='y', a=1)"), ErrorType.DDL_TASK_FAILED,
                "Partition spec {dt=x, region=y, a=1} contains non-partition column 'a' of table 'default.t'");
    }

    @Test
    void dropPartitionMatchesFullOrPartialSpecs() {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string, region string) LOCATION 's3://bucket/t/'");
        run("ALTER TABLE t ADD PARTITION (dt='1', region='eu') PARTITION (dt='1', region='us') "
                + "PARTITION (dt='2', region='eu')");
        run("ALTER TABLE t DROP PARTITION (dt='1')");
        assertThat(lines("SHOW PARTITIONS t")).containsExactly("dt=2/region=eu");
        assertFails(() -> run("ALTER TABLE t DROP PARTITION (dt='3')"), ErrorType.NOT_FOUND,
                "Partition {dt=3} does not exist in table 'default.t'");
        run("ALTER TABLE t DROP IF EXISTS PARTITION (dt='3'), PARTITION (region='eu', dt='2')");
        assertThat(lines("SHOW PARTITIONS t")).isEmpty();
        run("CREATE EXTERNAL TABLE flat (a int) LOCATION 's3://bucket/flat/'");
        assertFails(() -> run("SHOW PARTITIONS flat"), ErrorType.DDL_TASK_FAILED,
                "Table default.flat is not a partitioned table");
    }

    @Test
    void alterTableChangesColumnsAndProperties() {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string) LOCATION 's3://bucket/t/'");
        run("ALTER TABLE t ADD COLUMNS (b string COMMENT 'bee', c double)");
        assertThat(catalog.getTable("default", "t").orElseThrow().columns()).containsExactly(
                new Column("a", AthenaType.INT), new Column("b", AthenaType.STRING, "bee"),
                new Column("c", AthenaType.DOUBLE));
        assertFails(() -> run("ALTER TABLE t ADD COLUMNS (B int)"), ErrorType.DDL_TASK_FAILED,
                "Duplicate column name: b");
        assertFails(() -> run("ALTER TABLE t ADD COLUMNS (dt int)"), ErrorType.DDL_TASK_FAILED,
                "Duplicate column name: dt");
        run("ALTER TABLE t REPLACE COLUMNS (z bigint)");
        assertFails(() -> run("ALTER TABLE t REPLACE COLUMNS (dt int)"), ErrorType.DDL_TASK_FAILED,
                "Column repeated in partitioning columns: dt");
        run("ALTER TABLE t SET TBLPROPERTIES ('skip.header.line.count'='2', 'EXTERNAL'='TRUE')");
        reopen();
        TableDefinition table = catalog.getTable("default", "t").orElseThrow();
        assertThat(table.columns()).containsExactly(new Column("z", AthenaType.BIGINT));
        assertThat(table.parameters()).containsEntry("skip.header.line.count", "2");
        assertFails(() -> run("ALTER TABLE missing ADD COLUMNS (a int)"), ErrorType.NOT_FOUND,
                "Table 'default.missing' does not exist");
    }

    @Test
    void statementsWithAQueryAreLeftToTheEngine() {
        DdlStatement view = DdlParser.tryParse("CREATE VIEW v AS SELECT 1").orElseThrow();
        assertThatThrownBy(() -> executor.execute(view, "default")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the engine executes it");
    }
}
