package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.ddl.DdlStatement.*;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlParserTest {

    static DdlStatement parse(String sql) {
        Optional<DdlStatement> statement = DdlParser.tryParse(sql);
        assertThat(statement).as(sql).isPresent();
        return statement.get();
    }

    static void assertSyntaxError(String sql, String message) {
        assertThatThrownBy(() -> DdlParser.tryParse(sql))
                .isInstanceOf(GlauxException.class)
                .hasMessage(message)
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.SYNTAX_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "  with x as (select 1) select * from x", "VALUES 1", "EXPLAIN SELECT 1",
            "(SELECT 1)", "-- c\nselect 2", "PREPARE p FROM SELECT 1", "EXECUTE p", "DESCRIBE INPUT p",
            "DEALLOCATE PREPARE p"})
    void statementsOfTheEngineAreNotParsed(String sql) {
        assertThat(DdlParser.tryParse(sql)).isEmpty();
    }

    @Test
    void unloadKeepsItsParenthesizedQueryAndProperties() {
        String sql = "UNLOAD (SELECT f(a), ')' FROM (t)) TO 's3://bkt/x/' WITH (format = 'JSON',"
                + " partitioned_by = ARRAY['a']);";
        assertThat(parse(sql)).isEqualTo(new DdlStatement.Unload("s3://bkt/x/",
                Map.of("format", "JSON", "partitioned_by", List.of("a")), "SELECT f(a), ')' FROM (t)", 8));
    }

    @Test
    void unloadWithoutItsClosingParenthesisOrWithClauseIsASyntaxError() {
        assertThatThrownBy(() -> parse("UNLOAD (SELECT 1 TO 's3://bkt/x/' WITH (format = 'JSON')"))
                .hasMessageContaining("mismatched input '<EOF>'");
        assertThatThrownBy(() -> parse("UNLOAD (SELECT 1) TO 's3://bkt/x/'"))
                .hasMessageContaining("Expecting: 'WITH'");
    }

    // ---------------------------------------------------------------- databases

    @Test
    void createDatabaseWithEveryClause() {
        assertThat(parse("create SCHEMA if not exists Sales COMMENT 'it''s sales' LOCATION 's3://bkt/sales/' "
                + "WITH DBPROPERTIES ('creator'='me', 'x'='y');"))
                .isEqualTo(new CreateDatabase("sales", true, "it's sales", "s3://bkt/sales/",
                        Map.of("creator", "me", "x", "y")));
        assertThat(parse("CREATE DATABASE `Db`")).isEqualTo(new CreateDatabase("db", false, null, null, Map.of()));
    }

    @Test
    void dropDatabaseForms() {
        assertThat(parse("DROP DATABASE IF EXISTS db CASCADE")).isEqualTo(new DropDatabase("db", true, true));
        assertThat(parse("drop schema db restrict")).isEqualTo(new DropDatabase("db", false, false));
        assertThat(parse("DROP DATABASE \"My\"")).isEqualTo(new DropDatabase("my", false, false));
    }

    @Test
    void databaseLocationMustBeS3() {
        assertSyntaxError("CREATE DATABASE d LOCATION '/tmp/x'",
                "line 1:28: '/tmp/x' is not an S3 location (s3://bucket/prefix/)");
    }

    // ---------------------------------------------------------------- CREATE EXTERNAL TABLE

    @Test
    void createExternalTableDelimited() {
        CreateTable t = (CreateTable) parse("""
                CREATE EXTERNAL TABLE IF NOT EXISTS sales.Orders (
                  id int COMMENT 'the id',
                  tags array<struct<a:int,`b`:string>>,
                  price decimal(10, 2)
                )
                COMMENT 'orders'
                PARTITIONED BY (dt string, region string COMMENT 'r')
                ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'
                  COLLECTION ITEMS TERMINATED BY '|' MAP KEYS TERMINATED BY ':' LINES TERMINATED BY '\\n'
                  NULL DEFINED AS '\\N'
                STORED AS TEXTFILE
                LOCATION 's3://bucket/orders/'
                TBLPROPERTIES ('skip.header.line.count'='1');
                """);
        assertThat(t.name()).isEqualTo(QualifiedName.of("sales", "orders"));
        assertThat(t.ifNotExists()).isTrue();
        assertThat(t.columns()).containsExactly(new Column("id", AthenaType.INT, "the id"),
                new Column("tags", AthenaType.parse("array<struct<a:int,b:string>>")),
                new Column("price", new AthenaType.Decimal(10, 2)));
        assertThat(t.partitionKeys()).containsExactly(new Column("dt", AthenaType.STRING),
                new Column("region", AthenaType.STRING, "r"));
        assertThat(t.comment()).isEqualTo("orders");
        assertThat(t.storage()).isEqualTo(new StorageDescriptor("s3://bucket/orders/", DataFormat.CSV,
                StorageDescriptor.LAZY_SIMPLE_SERDE, StorageDescriptor.TEXT_INPUT_FORMAT,
                StorageDescriptor.TEXT_OUTPUT_FORMAT, Map.of("field.delim", "\t", "serialization.format", "\t",
                "escape.delim", "\\", "collection.delim", "|", "mapkey.delim", ":", "line.delim", "\n",
                "serialization.null.format", "N")));
        assertThat(t.properties()).containsExactly(Map.entry("skip.header.line.count", "1"));
    }

    @Test
    void octalDelimitersAreDecodedAsHiveDoes() {
        CreateTable t = (CreateTable) parse("CREATE EXTERNAL TABLE t (a int) ROW FORMAT DELIMITED "
                + "FIELDS TERMINATED BY '\\001' LOCATION 's3://bkt/t/'");
        assertThat(t.storage().serdeParameters()).containsEntry("field.delim", "\u0001");
    }

    @Test
    void noRowFormatMeansLazySimpleSerDeWithDefaultFormat() {
        CreateTable t = (CreateTable) parse("CREATE EXTERNAL TABLE t (a int) LOCATION 's3://bkt/t/'");
        assertThat(t.storage()).isEqualTo(new StorageDescriptor("s3://bkt/t/", DataFormat.CSV,
                StorageDescriptor.LAZY_SIMPLE_SERDE, StorageDescriptor.TEXT_INPUT_FORMAT,
                StorageDescriptor.TEXT_OUTPUT_FORMAT, Map.of("serialization.format", "1")));
    }

    @Test
    void storedAsParquet() {
        CreateTable t = (CreateTable) parse("CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET LOCATION 's3://bkt/t/'");
        assertThat(t.storage()).isEqualTo(StorageDescriptor.parquet("s3://bkt/t/"));
    }

    @Test
    void serdeClassesDecideTheFormat() {
        String csv = "CREATE EXTERNAL TABLE t (a string) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' "
                + "WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\\\"', 'escapeChar' = '\\\\') "
                + "LOCATION 's3://bkt/t/'";
        CreateTable t = (CreateTable) parse(csv);
        assertThat(t.storage().format()).isEqualTo(DataFormat.CSV);
        assertThat(t.storage().serializationLibrary()).isEqualTo(StorageDescriptor.OPEN_CSV_SERDE);
        assertThat(t.storage().serdeParameters()).isEqualTo(Map.of("separatorChar", ",", "quoteChar", "\"",
                "escapeChar", "\\", "serialization.format", "1"));
        for (String json : List.of(StorageDescriptor.HIVE_JSON_SERDE, StorageDescriptor.OPENX_JSON_SERDE)) {
            CreateTable j = (CreateTable) parse("CREATE EXTERNAL TABLE t (a string) ROW FORMAT SERDE '" + json
                    + "' LOCATION 's3://bkt/t/'");
            assertThat(j.storage().format()).isEqualTo(DataFormat.JSON);
            assertThat(j.storage().inputFormat()).isEqualTo(StorageDescriptor.TEXT_INPUT_FORMAT);
        }
        CreateTable p = (CreateTable) parse("CREATE EXTERNAL TABLE t (a string) ROW FORMAT SERDE '"
                + StorageDescriptor.PARQUET_SERDE + "' STORED AS INPUTFORMAT '" + StorageDescriptor.PARQUET_INPUT_FORMAT
                + "' OUTPUTFORMAT '" + StorageDescriptor.PARQUET_OUTPUT_FORMAT + "' LOCATION 's3://bkt/t/'");
        assertThat(p.storage()).isEqualTo(StorageDescriptor.parquet("s3://bkt/t/"));
        CreateTable q = (CreateTable) parse("CREATE EXTERNAL TABLE t (a string) STORED AS INPUTFORMAT '"
                + StorageDescriptor.PARQUET_INPUT_FORMAT + "' OUTPUTFORMAT '" + StorageDescriptor.PARQUET_OUTPUT_FORMAT
                + "' LOCATION 's3://bkt/t/'");
        assertThat(q.storage()).isEqualTo(StorageDescriptor.parquet("s3://bkt/t/"));
    }

    @Test
    void unsupportedSerDeIsAnErrorAtItsName() {
        assertThatThrownBy(() -> DdlParser.tryParse(
                "CREATE EXTERNAL TABLE t (a string)\nROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe' LOCATION 's3://bkt/t/'"))
                .hasMessageStartingWith("line 2:18: Unsupported SerDe 'org.apache.hadoop.hive.serde2.RegexSerDe'");
    }

    @Test
    void namesAreLowerCasedAndMayBeQualifiedWithACatalog() {
        CreateTable t = (CreateTable) parse("CREATE EXTERNAL TABLE AwsDataCatalog.\"Sales\".`Orders` (\"Id\" INT) "
                + "LOCATION 's3://bkt/t/'");
        assertThat(t.name()).isEqualTo(new QualifiedName("awsdatacatalog", "sales", "orders"));
        assertThat(t.columns()).containsExactly(new Column("id", AthenaType.INT));
    }

    @Test
    void createExternalTableErrorsPointAtTheOffendingToken() {
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int)", "line 1:32: mismatched input '<EOF>'. Expecting: "
                + "'COMMENT', 'LOCATION', 'PARTITIONED', 'ROW', 'STORED'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int)\n  TBLPROPERTIES ('a'='b') LOCATION 's3://bkt/'",
                "line 2:3: mismatched input 'TBLPROPERTIES'. Expecting: "
                        + "'COMMENT', 'LOCATION', 'PARTITIONED', 'ROW', 'STORED'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) LOCATION '/data/t'",
                "line 1:42: '/data/t' is not an S3 location (s3://bucket/prefix/)");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) STORED AS ORC LOCATION 's3://bkt/'",
                "line 1:43: mismatched input 'ORC'. Expecting: 'INPUTFORMAT', 'PARQUET', 'TEXTFILE'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int,) LOCATION 's3://bkt/'",
                "line 1:32: mismatched input ')'. Expecting: <identifier>");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a) LOCATION 's3://bkt/'",
                "line 1:27: mismatched input ')'. Expecting: <type>");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) ROW FORMAT DELIMITED FIELDS TERMINATED ',' LOCATION 's3://bkt/'",
                "line 1:72: mismatched input '',''. Expecting: 'BY'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) ROW FORMAT JSON LOCATION 's3://bkt/'",
                "line 1:44: mismatched input 'JSON'. Expecting: 'DELIMITED', 'SERDE'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) LOCATION 's3://bkt/' extra",
                "line 1:54: mismatched input 'extra'. Expecting: 'TBLPROPERTIES', <EOF>");
    }

    @Test
    void typeErrorsAreSyntaxErrorsAtTheirPosition() {
        assertSyntaxError("CREATE EXTERNAL TABLE t (\n  a array<strin>) LOCATION 's3://bkt/'",
                "line 2:11: Unknown type 'strin' in type 'array<strin>'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a map<string>) LOCATION 's3://bkt/'",
                "line 1:38: Expected ',' in type 'map<string>'");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a decimal(50,2)) LOCATION 's3://bkt/'",
                "line 1:28: Invalid decimal(50,2)");
    }

    @Test
    void duplicateAndRepeatedColumnsAreErrors() {
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int, A string) LOCATION 's3://bkt/'",
                "line 1:33: Duplicate column name: a");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int, dt string) PARTITIONED BY (dt string) LOCATION 's3://bkt/'",
                "line 1:60: Column repeated in partitioning columns: dt");
    }

    @Test
    void createTableWithoutExternalOrAsIsRejected() {
        assertSyntaxError("CREATE TABLE t (a int) LOCATION 's3://bkt/t/'",
                "line 1:1: Only external table creation is supported. "
                        + "Use CREATE EXTERNAL TABLE, or CREATE TABLE ... AS <query>");
        assertSyntaxError("CREATE TABLE t LOCATION 's3://bkt/t/'",
                "line 1:16: mismatched input 'LOCATION'. Expecting: '.', 'AS', 'WITH'");
        assertSyntaxError("CREATE TEMPORARY TABLE t", "line 1:8: mismatched input 'TEMPORARY'. Expecting: "
                + "'DATABASE', 'EXTERNAL', 'OR', 'SCHEMA', 'TABLE', 'VIEW'");
    }

    // ---------------------------------------------------------------- DROP

    @Test
    void dropTableAndView() {
        assertThat(parse("DROP TABLE IF EXISTS db.t")).isEqualTo(new DropTable(QualifiedName.of("db", "t"), true));
        assertThat(parse("drop table T;")).isEqualTo(new DropTable(QualifiedName.of(null, "t"), false));
        assertThat(parse("DROP VIEW IF EXISTS v")).isEqualTo(new DropView(QualifiedName.of(null, "v"), true));
        assertSyntaxError("DROP INDEX i", "line 1:6: mismatched input 'INDEX'. Expecting: "
                + "'DATABASE', 'SCHEMA', 'TABLE', 'VIEW'");
        assertSyntaxError("DROP TABLE", "line 1:11: mismatched input '<EOF>'. Expecting: 'IF', <identifier>");
    }

    // ---------------------------------------------------------------- ALTER TABLE and MSCK

    @Test
    void alterTableAddPartitions() {
        assertThat(parse("ALTER TABLE db.t ADD IF NOT EXISTS PARTITION (dt='2024-01-01', Hour=5) "
                + "LOCATION 's3://bkt/t/x/' PARTITION (dt = '2024-01-02', hour = 6)"))
                .isEqualTo(new AddPartitions(QualifiedName.of("db", "t"), true, List.of(
                        new PartitionSpec(Map.of("dt", "2024-01-01", "hour", "5"), Map.of("dt", "string", "hour", "int"),
                                "s3://bkt/t/x/"),
                        new PartitionSpec(Map.of("dt", "2024-01-02", "hour", "6"), Map.of("dt", "string", "hour", "int"),
                                null))));
        assertSyntaxError("ALTER TABLE t ADD PARTITION (dt='a', dt='b')",
                "line 1:38: Duplicate partition key: dt");
        assertSyntaxError("ALTER TABLE t ADD PARTITION (dt=)",
                "line 1:33: mismatched input ')'. Expecting: <number>, <string>");
        assertSyntaxError("ALTER TABLE t ADD COLUMN c int",
                "line 1:19: mismatched input 'COLUMN'. Expecting: 'COLUMNS', 'IF', 'PARTITION'");
    }

    @Test
    void alterTableDropPartitions() {
        assertThat(parse("ALTER TABLE t DROP IF EXISTS PARTITION (dt='1'), PARTITION (dt='2')"))
                .isEqualTo(new DropPartitions(QualifiedName.of(null, "t"), true,
                        List.of(Map.of("dt", "1"), Map.of("dt", "2"))));
        assertSyntaxError("ALTER TABLE t DROP COLUMN c", "line 1:20: mismatched input 'COLUMN'. Expecting: 'IF', 'PARTITION'");
    }

    @Test
    void alterTableColumnsAndProperties() {
        assertThat(parse("ALTER TABLE t ADD COLUMNS (c1 string COMMENT 'x', c2 map<string,int>)"))
                .isEqualTo(new AddColumns(QualifiedName.of(null, "t"), List.of(
                        new Column("c1", AthenaType.STRING, "x"),
                        new Column("c2", new AthenaType.Map(AthenaType.STRING, AthenaType.INT)))));
        assertThat(parse("ALTER TABLE t REPLACE COLUMNS (a bigint)"))
                .isEqualTo(new ReplaceColumns(QualifiedName.of(null, "t"), List.of(new Column("a", AthenaType.BIGINT))));
        assertThat(parse("ALTER TABLE t SET TBLPROPERTIES ('a'='1', 'b'='2')"))
                .isEqualTo(new SetTableProperties(QualifiedName.of(null, "t"), Map.of("a", "1", "b", "2")));
        assertSyntaxError("ALTER TABLE t RENAME TO u",
                "line 1:15: mismatched input 'RENAME'. Expecting: '.', 'ADD', 'DROP', 'REPLACE', 'SET'");
        assertSyntaxError("ALTER VIEW v AS SELECT 1", "line 1:7: mismatched input 'VIEW'. Expecting: 'TABLE'");
    }

    @Test
    void msckRepairTable() {
        assertThat(parse("MSCK REPAIR TABLE db.t")).isEqualTo(new RepairTable(QualifiedName.of("db", "t")));
        assertSyntaxError("MSCK TABLE t", "line 1:6: mismatched input 'TABLE'. Expecting: 'REPAIR'");
    }

    // ---------------------------------------------------------------- SHOW and DESCRIBE

    @Test
    void showStatements() {
        assertThat(parse("SHOW DATABASES")).isEqualTo(new ShowDatabases(null));
        assertThat(parse("show schemas like 'sa*'")).isEqualTo(new ShowDatabases("sa*"));
        assertThat(parse("SHOW TABLES")).isEqualTo(new ShowTables(null, null));
        assertThat(parse("SHOW TABLES IN Sales 'ord*'")).isEqualTo(new ShowTables("sales", "ord*"));
        assertThat(parse("SHOW VIEWS IN db LIKE 'v*'")).isEqualTo(new ShowViews("db", "v*"));
        assertThat(parse("SHOW COLUMNS IN t")).isEqualTo(new ShowColumns(QualifiedName.of(null, "t")));
        assertThat(parse("SHOW COLUMNS FROM t FROM db")).isEqualTo(new ShowColumns(QualifiedName.of("db", "t")));
        assertThat(parse("SHOW COLUMNS IN x.t IN db")).isEqualTo(new ShowColumns(QualifiedName.of("db", "t")));
        assertThat(parse("SHOW PARTITIONS db.t")).isEqualTo(new ShowPartitions(QualifiedName.of("db", "t")));
        assertThat(parse("SHOW CREATE TABLE t")).isEqualTo(new ShowCreateTable(QualifiedName.of(null, "t")));
        assertThat(parse("SHOW CREATE VIEW v")).isEqualTo(new ShowCreateView(QualifiedName.of(null, "v")));
        assertThat(parse("SHOW TBLPROPERTIES t")).isEqualTo(new ShowTableProperties(QualifiedName.of(null, "t"), null));
        assertThat(parse("SHOW TBLPROPERTIES t('EXTERNAL')"))
                .isEqualTo(new ShowTableProperties(QualifiedName.of(null, "t"), "EXTERNAL"));
        assertSyntaxError("SHOW FUNCTIONS", "line 1:6: mismatched input 'FUNCTIONS'. Expecting: 'COLUMNS', "
                + "'CREATE', 'DATABASES', 'PARTITIONS', 'SCHEMAS', 'TABLES', 'TBLPROPERTIES', 'VIEWS'");
        assertSyntaxError("SHOW COLUMNS t", "line 1:14: mismatched input 't'. Expecting: 'FROM', 'IN'");
        assertSyntaxError("SHOW TABLES IN db LIKE 'x'", "line 1:19: mismatched input 'LIKE'. Expecting: <EOF>, <string>");
    }

    @Test
    void describeStatements() {
        assertThat(parse("DESCRIBE t")).isEqualTo(new Describe(QualifiedName.of(null, "t"), DescribeMode.PLAIN, null));
        assertThat(parse("DESC db.t Col")).isEqualTo(new Describe(QualifiedName.of("db", "t"), DescribeMode.PLAIN, "col"));
        assertThat(parse("DESCRIBE EXTENDED t")).isEqualTo(new Describe(QualifiedName.of(null, "t"), DescribeMode.EXTENDED, null));
        assertThat(parse("DESCRIBE FORMATTED db.t")).isEqualTo(new Describe(QualifiedName.of("db", "t"), DescribeMode.FORMATTED, null));
        assertThat(parse("DESCRIBE formatted")).isEqualTo(new Describe(QualifiedName.of(null, "formatted"), DescribeMode.PLAIN, null));
        assertSyntaxError("DESCRIBE t c d", "line 1:14: mismatched input 'd'. Expecting: <EOF>");
    }

    // ---------------------------------------------------------------- statements with a query

    @Test
    void createViewKeepsTheQueryTextAndItsOffset() {
        String sql = "CREATE OR REPLACE VIEW db.v AS\nSELECT 'a\\' AS x -- note\nFROM t ;  ";
        CreateView view = (CreateView) parse(sql);
        assertThat(view.name()).isEqualTo(QualifiedName.of("db", "v"));
        assertThat(view.orReplace()).isTrue();
        assertThat(view.query()).isEqualTo("SELECT 'a\\' AS x -- note\nFROM t");
        assertThat(sql.substring(view.queryOffset())).startsWith(view.query());
        assertThat(((CreateView) parse("create view v as (select 1)")).query()).isEqualTo("(select 1)");
        assertSyntaxError("CREATE VIEW v AS DROP TABLE t",
                "line 1:18: mismatched input 'DROP'. Expecting: '(', 'SELECT', 'TABLE', 'VALUES', 'WITH'");
        assertSyntaxError("CREATE VIEW v SELECT 1", "line 1:15: mismatched input 'SELECT'. Expecting: '.', 'AS'");
    }

    @Test
    void ctasWithPropertiesAndDataClause() {
        String sql = "CREATE TABLE IF NOT EXISTS db.new_t\nWITH (format = 'PARQUET', External_Location = 's3://bkt/n/', "
                + "partitioned_by = ARRAY['dt', 'region'], bucket_count = 10, ratio = 0.5, compress = true)\n"
                + "AS SELECT * FROM t WITH NO DATA;";
        CreateTableAsSelect ctas = (CreateTableAsSelect) parse(sql);
        assertThat(ctas.name()).isEqualTo(QualifiedName.of("db", "new_t"));
        assertThat(ctas.ifNotExists()).isTrue();
        assertThat(ctas.properties()).containsExactly(Map.entry("format", "PARQUET"),
                Map.entry("external_location", "s3://bkt/n/"), Map.entry("partitioned_by", List.of("dt", "region")),
                Map.entry("bucket_count", 10L), Map.entry("ratio", 0.5), Map.entry("compress", true));
        assertThat(ctas.query()).isEqualTo("SELECT * FROM t");
        assertThat(ctas.queryOffset()).isEqualTo(sql.indexOf("SELECT"));
        assertThat(ctas.withData()).isFalse();

        CreateTableAsSelect plain = (CreateTableAsSelect) parse("CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x WITH DATA");
        assertThat(plain.properties()).isEmpty();
        assertThat(plain.query()).isEqualTo("WITH x AS (SELECT 1) SELECT * FROM x");
        assertThat(plain.withData()).isTrue();
        assertSyntaxError("CREATE TABLE t WITH (format = PARQUET) AS SELECT 1",
                "line 1:31: mismatched input 'PARQUET'. Expecting: 'ARRAY', 'FALSE', 'TRUE', <number>, <string>");
    }

    @Test
    void insertIntoWithAndWithoutColumns() {
        String sql = "INSERT INTO db.t (a, B) SELECT 1, 2";
        InsertInto insert = (InsertInto) parse(sql);
        assertThat(insert).isEqualTo(new InsertInto(QualifiedName.of("db", "t"), List.of("a", "b"), "SELECT 1, 2",
                sql.indexOf("SELECT")));
        InsertInto parenthesized = (InsertInto) parse("INSERT INTO t (SELECT 1) ");
        assertThat(parenthesized.columns()).isEmpty();
        assertThat(parenthesized.query()).isEqualTo("(SELECT 1)");
        assertThat(((InsertInto) parse("insert into t values (1, 'x')")).query()).isEqualTo("values (1, 'x')");
        assertSyntaxError("INSERT OVERWRITE t SELECT 1", "line 1:8: mismatched input 'OVERWRITE'. Expecting: 'INTO'");
        assertSyntaxError("INSERT INTO t", "line 1:14: mismatched input '<EOF>'. "
                + "Expecting: '(', '.', 'SELECT', 'TABLE', 'VALUES', 'WITH'");
    }

    // ---------------------------------------------------------------- lexical

    @Test
    void commentsAndPositionsAcrossLines() {
        assertThat(parse("/* a\n comment */ -- more\nDROP /* in */ TABLE t -- end")).isEqualTo(
                new DropTable(QualifiedName.of(null, "t"), false));
        assertSyntaxError("-- header\n\n   DROP TABLE t u", "line 3:17: mismatched input 'u'. Expecting: '.', 'IF', <EOF>".replace("'IF', ", ""));
    }

    @Test
    void lexicalErrorsArePositioned() {
        assertSyntaxError("CREATE DATABASE d COMMENT 'open", "line 1:27: token recognition error at: ''open'");
        assertSyntaxError("DROP TABLE `t", "line 1:12: token recognition error at: '`t'");
        assertSyntaxError("DROP TABLE t /* never closed", "line 1:14: token recognition error at: '/* never closed'");
        assertSyntaxError("DROP TABLE \"\"", "line 1:12: Zero-length delimited identifier not allowed");
    }

    @Test
    void quotedIdentifiersKeepSpecialCharacters() {
        assertThat(parse("DROP TABLE \"my \"\"odd\"\" Table\"")).isEqualTo(
                new DropTable(QualifiedName.of(null, "my \"odd\" table"), false));
        assertThat(parse("DROP TABLE `a``b`")).isEqualTo(new DropTable(QualifiedName.of(null, "a`b"), false));
    }

    @Test
    void namesHiveDdlCreatesMustBeQuotedToStartWithAnUnderscore() {
        assertSyntaxError("CREATE DATABASE _db", "line 1:17: mismatched input '_db'. Expecting: 'IF', <identifier>");
        assertSyntaxError("CREATE EXTERNAL TABLE IF NOT EXISTS db._t (a int) LOCATION 's3://bkt/t/'",
                "line 1:40: mismatched input '_t'. Expecting: <identifier>");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int, _b int) LOCATION 's3://bkt/t/'",
                "line 1:33: mismatched input '_b'. Expecting: <identifier>");
        assertSyntaxError("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (_p int) LOCATION 's3://bkt/t/'",
                "line 1:49: mismatched input '_p'. Expecting: <identifier>");
        assertSyntaxError("ALTER TABLE t ADD COLUMNS (_c int)", "line 1:28: mismatched input '_c'. Expecting: <identifier>");
        CreateTable t = (CreateTable) parse("CREATE EXTERNAL TABLE `_t` (`_a` int) PARTITIONED BY (\"_p\" int)"
                + " LOCATION 's3://bkt/t/'");
        assertThat(t.name()).isEqualTo(QualifiedName.of(null, "_t"));
        assertThat(t.columns()).containsExactly(new Column("_a", AthenaType.INT));
        assertThat(t.partitionKeys()).containsExactly(new Column("_p", AthenaType.INT));
        // Statements that only refer to a name take it as written; digits may start a Hive name.
        assertThat(parse("DROP TABLE _t")).isEqualTo(new DropTable(QualifiedName.of(null, "_t"), false));
        assertThat(((CreateTable) parse("CREATE EXTERNAL TABLE 1t (2c int) LOCATION 's3://bkt/t/'")).name())
                .isEqualTo(QualifiedName.of(null, "1t"));
    }

    @Test
    void namesInTrinoStatementHeadsMustBeQuotedToStartWithADigit() {
        String digit = "identifiers must not start with a digit; surround the identifier with double quotes";
        assertSyntaxError("CREATE TABLE 1t AS SELECT 1 AS x", "line 1:14: " + digit);
        assertSyntaxError("CREATE TABLE db.2t AS SELECT 1 AS x", "line 1:17: " + digit);
        assertSyntaxError("CREATE OR REPLACE VIEW 3v AS SELECT 1 AS x", "line 1:24: " + digit);
        assertSyntaxError("INSERT INTO 4t SELECT 1", "line 1:13: " + digit);
        assertSyntaxError("INSERT INTO t (a, 5b) SELECT 1, 2", "line 1:19: " + digit);
        assertThat(((CreateTableAsSelect) parse("CREATE TABLE \"1t\" AS SELECT 1 AS x")).name())
                .isEqualTo(QualifiedName.of(null, "1t"));
        assertThat(((CreateView) parse("CREATE VIEW _v AS SELECT 1 AS x")).name())
                .isEqualTo(QualifiedName.of(null, "_v"));
    }
}
