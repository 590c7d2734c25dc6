package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row values are equal when their fields are, as in Trino: DISTINCT, count(DISTINCT), GROUP BY, UNION, INTERSECT,
 * EXCEPT, joins, window partitions and {@code =} see two rows with equal fields as one value, nested rows and struct
 * columns of tables included ({@link RowKey}, {@link RowComparison}). NULL fields are alike where SQL takes NULLs as
 * alike (DISTINCT, GROUP BY, set operations, partitions), not where it compares them ({@code =}, joins).
 */
class RowsCompareByValueTest {

    /** Two equal rows, a third, and two equal rows with a NULL field. */
    private static final String PAIRS = "(VALUES (1, 2), (1, 2), (1, 3), (CAST(NULL AS integer), 2),"
            + " (CAST(NULL AS integer), 2)) t (a, b)";

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void countDistinctCountsEqualRowsOnce() {
        assertThat(g.rows("SELECT count(DISTINCT ROW(a, b)) FROM (VALUES (1, 2), (1, 2)) t (a, b)"))
                .containsExactly(List.of("1"));
        assertThat(g.rows("SELECT count(DISTINCT ROW(a, b)), approx_distinct(ROW(a, b)) FROM " + PAIRS))
                .containsExactly(List.of("3", "3"));
        assertThat(g.rows("SELECT a, count(DISTINCT ROW(a, b)), count(DISTINCT b) FROM " + PAIRS
                + " GROUP BY a ORDER BY a"))
                .containsExactly(List.of("1", "2", "2"), Arrays.asList(null, "1", "1"));
    }

    @Test
    void selectDistinctKeepsOneOfEqualRows() {
        assertThat(g.rows("SELECT count(*) FROM (SELECT DISTINCT (a, b) FROM " + PAIRS + ")"))
                .containsExactly(List.of("3"));
        assertThat(g.rows("SELECT DISTINCT CAST(ROW(a, b) AS row(x integer, y integer)) FROM"
                + " (VALUES (1, 2), (1, 2), (1, 3)) t (a, b)"))
                .containsExactlyInAnyOrder(List.of("{x=1, y=2}"), List.of("{x=1, y=3}"));
        assertThat(g.rows("SELECT array_agg(DISTINCT ROW(a, b)) FROM (VALUES (1, 2), (1, 2)) t (a, b)"))
                .containsExactly(List.of("[{field0=1, field1=2}]"));
    }

    @Test
    void groupByRowValueMakesOneGroupOfEqualRows() {
        assertThat(g.rows("SELECT r, count(*) FROM (SELECT ROW(a, b) r FROM " + PAIRS + ") GROUP BY r"))
                .containsExactlyInAnyOrder(List.of("{field0=1, field1=2}", "2"), List.of("{field0=1, field1=3}", "1"),
                        List.of("{field0=null, field1=2}", "2"));
        // A grouping set that leaves the row out has a NULL row, which GROUPING says is no group key.
        assertThat(g.rows("SELECT r, GROUPING(r), count(*) FROM (SELECT ROW(a, b) r FROM " + PAIRS + ")"
                + " GROUP BY ROLLUP (r)"))
                .containsExactlyInAnyOrder(List.of("{field0=1, field1=2}", "0", "2"),
                        List.of("{field0=1, field1=3}", "0", "1"), List.of("{field0=null, field1=2}", "0", "2"),
                        Arrays.asList(null, "1", "5"));
    }

    @Test
    void nullFieldsAreAlikeButANullRowIsNoRowOfNulls() {
        // A JSON table's struct column: rows with NULL fields, rows of NULLs (fields NULL or missing), NULL rows.
        g.put("lake", "pairs/a.json", """
                {"r": {"x": 2, "y": 3}}
                {"r": {"x": 2, "y": 3}}
                {"r": {"x": 1, "y": null}}
                {"r": {"x": 1}}
                {"r": {"x": null, "y": null}}
                {"r": {}}
                {"r": null}
                {}
                """);
        g.script("CREATE EXTERNAL TABLE pairs (r struct<x:int,y:int>) ROW FORMAT SERDE"
                + " 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/pairs/'");
        assertThat(g.rows("SELECT DISTINCT r FROM pairs"))
                .containsExactlyInAnyOrder(List.of("{x=2, y=3}"), List.of("{x=1, y=null}"), List.of("{x=null, y=null}"),
                        Arrays.asList((String) null));
        // count(DISTINCT) counts the rows of NULLs, not the NULL row.
        assertThat(g.rows("SELECT count(DISTINCT r) FROM pairs")).containsExactly(List.of("3"));
        assertThat(g.rows("SELECT r, count(*) FROM pairs GROUP BY r"))
                .containsExactlyInAnyOrder(List.of("{x=2, y=3}", "2"), List.of("{x=1, y=null}", "2"),
                        List.of("{x=null, y=null}", "2"), Arrays.asList(null, "2"));
        // A join matches rows by =, where a NULL field leaves the answer open: rows with NULL fields match none.
        assertThat(g.rows("SELECT count(*) FROM pairs x JOIN pairs y ON x.r = y.r")).containsExactly(List.of("4"));
    }

    @Test
    void nestedRowsAndArraysOfRowsCompareByValue() {
        assertThat(g.rows("SELECT count(DISTINCT ROW(a, ROW(b, a))) FROM " + PAIRS)).containsExactly(List.of("3"));
        assertThat(g.rows("SELECT DISTINCT ARRAY[ROW(a, b)] FROM (VALUES (1, 2), (1, 2)) t (a, b)"))
                .containsExactly(List.of("[{field0=1, field1=2}]"));
        assertThat(g.rows("SELECT r = s, r <> s FROM (SELECT ROW(a, ROW(b, a)) r, ROW(a, ROW(b, c)) s"
                + " FROM (VALUES (1, 2, 1), (1, 3, 2), (NULL, 2, NULL)) t (a, b, c)) ORDER BY 1"))
                .containsExactly(List.of("false", "true"), List.of("true", "false"), Arrays.asList(null, null));
    }

    @Test
    void rowsAreEqualInWhereInAndJoins() {
        g.put("lake", "shapes/a.json", """
                {"r": {"x": 1, "y": 2}, "s": {"x": 1, "y": 2}, "n": 1}
                {"r": {"x": 1, "y": 2}, "s": {"x": 1, "y": 3}, "n": 2}
                {"r": {"x": null, "y": 2}, "s": {"x": null, "y": 2}, "n": 3}
                {"r": {"x": null, "y": 2}, "s": {"x": 5, "y": 2}, "n": 4}
                """);
        g.script("CREATE EXTERNAL TABLE shapes (r struct<x:int,y:int>, s struct<x:int,y:int>, n int) ROW FORMAT SERDE"
                + " 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/shapes/'");
        assertThat(g.rows("SELECT n, r = s, r <> s, NOT (r = s) FROM shapes ORDER BY n"))
                .containsExactly(List.of("1", "true", "false", "false"), List.of("2", "false", "true", "true"),
                        Arrays.asList("3", null, null, null), Arrays.asList("4", null, null, null));
        assertThat(g.rows("SELECT n FROM shapes WHERE r = s")).containsExactly(List.of("1"));
        assertThat(g.rows("SELECT n FROM shapes WHERE s IN (r, CAST(ROW(1, 3) AS row(x integer, y integer)))"
                + " ORDER BY n")).containsExactly(List.of("1"), List.of("2"));
        assertThat(g.rows("SELECT n FROM shapes x WHERE EXISTS (SELECT 1 FROM shapes y WHERE y.s = x.r AND y.n > 0)"
                + " ORDER BY n")).containsExactly(List.of("1"), List.of("2"));

        String rows = "(SELECT ROW(a, b) r FROM " + PAIRS + ")";
        assertThat(g.rows("SELECT count(*) FROM " + rows + " x JOIN " + rows + " y ON x.r = y.r"))
                .containsExactly(List.of("5"));
        assertThat(g.rows("SELECT count(*) FROM " + rows + " x, " + rows + " y WHERE x.r = y.r"))
                .containsExactly(List.of("5"));
        // Rows with a NULL field match none: the outer join keeps them unmatched.
        assertThat(g.rows("SELECT count(*) FROM " + rows + " x FULL JOIN " + rows + " y ON x.r = y.r"))
                .containsExactly(List.of("9"));
    }

    @Test
    void setOperationsOfRowsKeepEqualRowsOnce() {
        String rows = "SELECT ROW(a, b) FROM " + PAIRS;
        assertThat(g.rows(rows + " UNION SELECT ROW(2, 2)"))
                .containsExactlyInAnyOrder(List.of("{field0=1, field1=2}"), List.of("{field0=1, field1=3}"),
                        List.of("{field0=null, field1=2}"), List.of("{field0=2, field1=2}"));
        assertThat(g.rows(rows + " INTERSECT SELECT ROW(1, 3)")).containsExactly(List.of("{field0=1, field1=3}"));
        assertThat(g.rows(rows + " EXCEPT SELECT ROW(1, 2)"))
                .containsExactlyInAnyOrder(List.of("{field0=1, field1=3}"), List.of("{field0=null, field1=2}"));
        assertThat(g.rows(rows + " EXCEPT ALL SELECT ROW(1, 2)")).hasSize(4);
        // Sorted inputs that Calcite would merge.
        String sorted = "SELECT * FROM (" + rows + " ORDER BY 1 LIMIT 3)";
        assertThat(g.rows(sorted + " UNION " + sorted + " ORDER BY 1"))
                .containsExactly(List.of("{field0=1, field1=2}"), List.of("{field0=1, field1=3}"));
        // A row of integers and one of bigints with equal values are one value.
        assertThat(g.rows("SELECT ROW(1, 2) UNION SELECT CAST(ROW(1, 2) AS row(a bigint, b bigint))")).hasSize(1);
    }

    @Test
    void windowsPartitionByRowValues() {
        assertThat(g.rows("SELECT a, b, count(*) OVER (PARTITION BY ROW(a, b)) FROM " + PAIRS + " ORDER BY b, a"))
                .containsExactly(List.of("1", "2", "2"), List.of("1", "2", "2"), Arrays.asList(null, "2", "2"),
                        Arrays.asList(null, "2", "2"), List.of("1", "3", "1"));
    }

    @Test
    void structColumnsOfParquetTablesCompareByValue() {
        g.put("lake", "raw/a.json", """
                {"ps": {"p": 1, "s": "a"}, "n": 10}
                {"ps": {"p": 1, "s": "a"}, "n": 11}
                {"ps": {"p": 2, "s": "b"}, "n": 12}
                {"ps": {"p": 2, "s": null}, "n": 13}
                {"ps": {"p": 2}, "n": 14}
                {"ps": null, "n": 15}
                """);
        g.script("CREATE EXTERNAL TABLE raw (ps struct<p:int,s:string>, n int) ROW FORMAT SERDE"
                + " 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/raw/';"
                + "CREATE TABLE items WITH (format = 'PARQUET', external_location = 's3://lake/items/') AS"
                + " SELECT ps, n FROM raw;"
                + "CREATE TABLE others WITH (format = 'PARQUET', external_location = 's3://lake/others/') AS"
                + " SELECT CAST(ROW(p, s) AS row(p integer, s varchar)) ps FROM (VALUES (1, 'a'), (2, 'c')) t (p, s)");
        assertThat(g.rows("SELECT count(*) FROM (SELECT DISTINCT ps FROM items)")).containsExactly(List.of("4"));
        assertThat(g.rows("SELECT count(DISTINCT ps) FROM items")).containsExactly(List.of("3"));
        assertThat(g.rows("SELECT ps, sum(n) FROM items GROUP BY ps"))
                .containsExactlyInAnyOrder(List.of("{p=1, s=a}", "21"), List.of("{p=2, s=b}", "12"),
                        List.of("{p=2, s=null}", "27"), Arrays.asList(null, "15"));
        // A struct column compared with a constant row (right before the fix too, and must stay so).
        assertThat(g.rows("SELECT n FROM items WHERE ps = CAST(ROW(1, 'a') AS row(p integer, s varchar))"))
                .containsExactlyInAnyOrder(List.of("10"), List.of("11"));
        assertThat(g.rows("SELECT i.n FROM items i JOIN others o ON i.ps = o.ps"))
                .containsExactlyInAnyOrder(List.of("10"), List.of("11"));
        assertThat(g.rows("SELECT ps FROM items UNION SELECT ps FROM others"))
                .containsExactlyInAnyOrder(List.of("{p=1, s=a}"), List.of("{p=2, s=b}"), List.of("{p=2, s=null}"),
                        Arrays.asList((String) null), List.of("{p=2, s=c}"));
    }
}
