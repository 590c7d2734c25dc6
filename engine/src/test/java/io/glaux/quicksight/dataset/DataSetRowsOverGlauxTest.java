package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Datasets compiled and their SQL run by a real Glaux over small CSV tables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSetRowsOverGlauxTest {

    static final String ARN = "arn:aws:quicksight:us-east-1:123456789012:datasource/athena";
    static final DataSourceLookup SOURCES = arn -> ARN.equals(arn) ? Optional.of("primary") : Optional.empty();
    static final ObjectMapper JSON = new ObjectMapper();

    private final DataSetCompiler compiler = new DataSetCompiler();
    private GlauxFixture g;

    @BeforeAll
    void createTables(@TempDir Path data) throws Exception {
        g = GlauxFixture.local(data);
        g.put("lake", "typed/t.csv", """
                1,a,10.5,2.25,2024-01-02 10:00:00,true,1,k=1
                x,b,bad,1e2,notadate,maybe,0,z
                """);
        g.put("lake", "orders/o.csv", """
                1,10,12.5,01/31/2024
                2,20,3.0,02/29/2024
                3,99,7.25,13/01/2024
                4,10,40.0,\\N
                """);
        g.put("lake", "customers/c.csv", """
                10,Ann
                20,Ben
                30,Cid
                """);
        g.script("""
                CREATE DATABASE shop;
                CREATE EXTERNAL TABLE shop.typed (i string, s string, d string, f string, t string, b string,
                  bit int, j string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/typed/';
                CREATE EXTERNAL TABLE shop.orders (id int, customer_id int, amount double, placed string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/orders/';
                CREATE EXTERNAL TABLE shop.customers (id int, name string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/customers/';
                """);
    }

    @AfterAll
    void close() throws Exception {
        if (g != null) {
            g.close();
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace("$ARN", ARN));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The dataset's rows, sorted by its first columns. */
    /** The dataset's output columns (not the cast-failure flag every compiled dataset carries last). */
    private List<List<String>> rows(CompiledDataSet d, String orderBy) {
        String columns = d.outputColumns().stream().map(c -> "\"" + c.name().replace("\"", "\"\"") + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        return g.rows("SELECT " + columns + " FROM (" + d.sql() + ") AS \"d\" ORDER BY " + orderBy);
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    static final String ORDERS = """
            {"o": {"RelationalTable": {"DataSourceArn": "$ARN", "Schema": "shop", "Name": "orders",
              "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "customer_id", "Type": "INTEGER"},
                               {"Name": "amount", "Type": "DECIMAL", "SubType": "FLOAT"},
                               {"Name": "placed", "Type": "STRING"}]}},
             "c": {"RelationalTable": {"DataSourceArn": "$ARN", "Catalog": "AwsDataCatalog", "Schema": "shop",
              "Name": "customers",
              "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "name", "Type": "STRING"}]}}}
            """;

    @Test
    void relationalTableCastsEachInputColumnAndBadValuesBecomeNull() {
        CompiledDataSet d = compiler.compile(json("""
                {"typed": {"RelationalTable": {"DataSourceArn": "$ARN", "Schema": "shop", "Name": "typed",
                  "InputColumns": [
                    {"Name": "i", "Type": "INTEGER", "Id": "col-i"}, {"Name": "s", "Type": "STRING"},
                    {"Name": "d", "Type": "DECIMAL", "SubType": "FIXED"}, {"Name": "f", "Type": "DECIMAL"},
                    {"Name": "t", "Type": "DATETIME"}, {"Name": "b", "Type": "BOOLEAN"},
                    {"Name": "bit", "Type": "BIT"}, {"Name": "j", "Type": "JSON"}]}}}
                """), null, SOURCES);

        assertThat(rows(d, "\"s\"")).containsExactly(
                row("1", "a", "10.5000", "2.2500", "2024-01-02 10:00:00.000", "true", "1", "k=1"),
                row(null, "b", null, "100.0000", null, null, "0", "z"));
        assertThat(d.outputColumns()).containsExactly(
                new OutputColumn("i", "col-i", "INTEGER", null, null),
                new OutputColumn("s", null, "STRING", null, null),
                new OutputColumn("d", null, "DECIMAL", "FIXED", null),
                new OutputColumn("f", null, "DECIMAL", "FIXED", null),
                new OutputColumn("t", null, "DATETIME", null, null),
                new OutputColumn("b", null, "STRING", null, null),
                new OutputColumn("bit", null, "INTEGER", null, null),
                new OutputColumn("j", null, "STRING", null, null));
        assertThat(d.dataSourceArn()).isEqualTo(ARN);
        assertThat(d.workGroup()).isEqualTo("primary");
        assertThat(d.sql()).contains("TRY_CAST(\"i\" AS BIGINT)")
                .contains("FROM \"AwsDataCatalog\".\"shop\".\"typed\"");
        // The row whose values did not convert is flagged, so a SPICE import drops and counts it.
        assertThat(g.rows("SELECT \"s\", \"__glaux_cast_failed\" FROM (" + d.sql() + ") AS \"d\" ORDER BY 1"))
                .containsExactly(row("a", "false"), row("b", "true"));
    }

    @Test
    void customSqlIsASubqueryWithItsColumns() {
        CompiledDataSet d = compiler.compile(json("""
                {"totals": {"CustomSql": {"DataSourceArn": "$ARN", "Name": "Totals",
                  "SqlQuery": "SELECT customer_id, sum(amount) AS total FROM shop.orders GROUP BY customer_id;",
                  "Columns": [{"Name": "customer_id", "Type": "INTEGER"},
                              {"Name": "total", "Type": "DECIMAL", "SubType": "FIXED"}]}}}
                """), null, SOURCES);

        assertThat(rows(d, "1")).containsExactly(row("10", "52.5000"), row("20", "3.0000"), row("99", "7.2500"));
        assertThat(d.outputColumns()).extracting(OutputColumn::name).containsExactly("customer_id", "total");
        assertThat(d.logicalTableMap()).isEqualTo(json("""
                {"totals": {"Alias": "Totals", "Source": {"PhysicalTableId": "totals"}}}"""));
    }

    @Test
    void fullOuterJoinNamesTheRightDuplicateColumnAfterItsAlias() {
        JsonNode logical = json("""
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}},
                 "lc": {"Alias": "customers", "Source": {"PhysicalTableId": "c"}},
                 "joined": {"Alias": "orders and customers", "Source": {"JoinInstruction": {
                   "LeftOperand": "lo", "RightOperand": "lc", "Type": "OUTER",
                   "OnClause": "{customer_id} = {id[customers]}"}},
                   "DataTransforms": [{"ProjectOperation": {"ProjectedColumns":
                     ["id", "customer_id", "id[customers]", "name"]}}]}}
                """);
        CompiledDataSet d = compiler.compile(json(ORDERS), logical, SOURCES);
        assertThat(d.logicalTableMap()).as("the map given is the map in effect").isEqualTo(logical)
                .isNotSameAs(logical);

        assertThat(d.outputColumns()).extracting(OutputColumn::name)
                .containsExactly("id", "customer_id", "id[customers]", "name");
        assertThat(rows(d, "1, 3")).containsExactly(
                row("1", "10", "10", "Ann"),
                row("2", "20", "20", "Ben"),
                row("3", "99", null, null),
                row("4", "10", "10", "Ann"),
                row(null, null, "30", "Cid"));
    }

    @Test
    void innerLeftAndRightJoinsKeepTheirRows() {
        for (String[] c : new String[][] {{"INNER", "4"}, {"LEFT", "4"}, {"RIGHT", "4"}}) {
            CompiledDataSet d = compiler.compile(json(ORDERS), json("""
                    {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}},
                     "lc": {"Alias": "customers", "Source": {"PhysicalTableId": "c"}},
                     "joined": {"Alias": "j", "Source": {"JoinInstruction": {
                       "LeftOperand": "lo", "RightOperand": "lc", "Type": "%s",
                       "OnClause": "{customer_id} = {id[customers]} AND {amount} > 5"}}}}
                    """.formatted(c[0])), SOURCES);
            List<List<String>> rows = rows(d, "1, 4");
            List<String> ids = rows.stream().map(r -> r.get(0)).toList();
            switch (c[0]) {
                case "INNER" -> assertThat(ids).containsExactly("1", "4");
                case "LEFT" -> assertThat(ids).containsExactly("1", "2", "3", "4");
                default -> assertThat(rows.stream().map(r -> r.get(5)).toList())
                        .containsExactlyInAnyOrder("Ann", "Ann", "Ben", "Cid");
            }
        }
    }

    @Test
    void transformsApplyInOrder() {
        CompiledDataSet d = compiler.compile(json(ORDERS), json("""
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}, "DataTransforms": [
                  {"RenameColumnOperation": {"ColumnName": "amount", "NewColumnName": "price"}},
                  {"CreateColumnsOperation": {"Columns": [
                    {"ColumnName": "price x2", "ColumnId": "px2", "Expression": "{price} * 2"},
                    {"ColumnName": "label", "ColumnId": "lbl", "Expression": "concat('#', toString({id}))"}]}},
                  {"FilterOperation": {"ConditionExpression": "{price} > 5"}},
                  {"CastColumnTypeOperation": {"ColumnName": "placed", "NewColumnType": "DATETIME",
                    "Format": "MM/dd/yyyy"}},
                  {"TagColumnOperation": {"ColumnName": "label", "Tags": [
                    {"ColumnDescription": {"Text": "Order label"}}]}},
                  {"TagColumnOperation": {"ColumnName": "placed", "Tags": [
                    {"ColumnDescription": {"Text": "gone"}}]}},
                  {"UntagColumnOperation": {"ColumnName": "placed", "TagNames": ["COLUMN_DESCRIPTION"]}},
                  {"ProjectOperation": {"ProjectedColumns": ["label", "placed", "price x2"]}}]}}
                """), SOURCES);

        assertThat(rows(d, "1")).containsExactly(
                row("#1", "2024-01-31 00:00:00.000", "25.0"),
                row("#3", null, "14.5"),
                row("#4", null, "80.0"));
        assertThat(d.outputColumns()).containsExactly(
                new OutputColumn("label", "lbl", "STRING", null, "Order label"),
                new OutputColumn("placed", null, "DATETIME", null, null),
                new OutputColumn("price x2", "px2", "DECIMAL", "FLOAT", null));
    }

    @Test
    void castsBetweenTypesTurnBadTextIntoNull() {
        CompiledDataSet d = compiler.compile(json("""
                {"typed": {"RelationalTable": {"DataSourceArn": "$ARN", "Schema": "shop", "Name": "typed",
                  "InputColumns": [{"Name": "s", "Type": "STRING"}, {"Name": "i", "Type": "STRING"},
                    {"Name": "d", "Type": "STRING"}, {"Name": "t", "Type": "STRING"},
                    {"Name": "bit", "Type": "INTEGER"}]}}}
                """), json("""
                {"t": {"Alias": "typed", "Source": {"PhysicalTableId": "typed"}, "DataTransforms": [
                  {"CastColumnTypeOperation": {"ColumnName": "i", "NewColumnType": "INTEGER"}},
                  {"CastColumnTypeOperation": {"ColumnName": "d", "NewColumnType": "DECIMAL", "SubType": "FIXED"}},
                  {"CastColumnTypeOperation": {"ColumnName": "t", "NewColumnType": "DATETIME"}},
                  {"CastColumnTypeOperation": {"ColumnName": "bit", "NewColumnType": "STRING"}}]}}
                """), SOURCES);

        assertThat(rows(d, "1")).containsExactly(
                row("a", "1", "10.5000", "2024-01-02 10:00:00.000", "1"),
                row("b", null, null, null, "0"));
        assertThat(d.outputColumns()).extracting(OutputColumn::type)
                .containsExactly("STRING", "INTEGER", "DECIMAL", "DATETIME", "STRING");
    }
}
