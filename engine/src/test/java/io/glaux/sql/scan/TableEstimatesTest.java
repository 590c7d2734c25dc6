package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.TableDefinition;
import io.glaux.format.FormatRegistry;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableEstimatesTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    private TableDefinition table(String name) {
        return g.glaux().catalog().getTable("default", name).orElseThrow();
    }

    private TableEstimates estimates() {
        return new TableEstimates(g.glaux().store(), FormatRegistry.defaults());
    }

    /** A text table that cannot be sampled (its first object is malformed) is estimated from its data bytes. */
    @Test
    void textTablesAreEstimatedFromTheirDataBytes() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            rows.append(i).append(',').append(i * 7).append('\n');
        }
        g.put("lake", "nums/part-0.json", "{\"a\": 1, \"b\":\n" + rows);
        g.put("lake", "nums/_SUCCESS", "marker that is not data and must not count, however long it is ".repeat(500));
        g.query("CREATE EXTERNAL TABLE nums (a int, b bigint) ROW FORMAT SERDE"
                + " 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/nums/'");
        double rowsEstimated = estimates().estimate(table("nums")).orElseThrow().rows();
        // 8,904 bytes over an estimated 30 bytes per JSON row: the right order of magnitude, not Calcite's default 100.
        assertThat(rowsEstimated).isBetween(100.0, 4000.0).isNotEqualTo(1000.0);
        assertThat(estimates().estimate(table("nums")).orElseThrow().distinctValues("a")).isEmpty();
    }

    /**
     * A text table's first rows give its bytes per row, and the distinct values of a column whose values repeat (a
     * nation key) but not of a key or a measure, whose count a sample cannot tell.
     */
    @Test
    void textTablesAreSampled() {
        int objects = 3;
        int perObject = 20_000;
        for (int o = 0; o < objects; o++) {
            StringBuilder rows = new StringBuilder();
            for (int i = o * perObject; i < (o + 1) * perObject; i++) {
                rows.append(i).append(',').append(i % 25).append(',').append(i * 0.37).append('\n');
            }
            g.put("lake", "people/part-" + o + ".csv", rows.toString());
        }
        g.query("CREATE EXTERNAL TABLE people (id int, nation int, score double)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/people/'");
        TableEstimates.Estimate estimate = estimates().estimate(table("people")).orElseThrow();
        // The first object's first 10,000 rows, extrapolated over all three objects' bytes (rows lengthen with id).
        assertThat(estimate.rows()).isBetween(objects * perObject * 0.8, objects * perObject * 1.05);
        assertThat(estimate.distinctValues("nation")).hasValue(25.0);
        assertThat(estimate.distinctValues("id")).isEmpty();
        assertThat(estimate.distinctValues("score")).isEmpty();
    }

    /** When the sample is the whole table (one object, read to its end), its rows and distinct values are exact. */
    @Test
    void aSmallTextTableIsCountedExactly() {
        g.put("lake", "few/a.csv", "1,a\n2,b\n3,a\n4,\\N\n5,b\n");
        g.query("CREATE EXTERNAL TABLE few (id int, tag string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/few/'");
        TableEstimates.Estimate estimate = estimates().estimate(table("few")).orElseThrow();
        assertThat(estimate.rows()).isEqualTo(5.0);
        assertThat(estimate.distinctValues("id")).hasValue(5.0);
        assertThat(estimate.distinctValues("TAG")).hasValue(2.0);
    }

    @Test
    void theCatalogsRecordedRowCountWins() {
        g.put("lake", "t/a.csv", "1\n2\n");
        g.query("CREATE EXTERNAL TABLE counted (a int) LOCATION 's3://lake/t/'"
                + " TBLPROPERTIES ('numRows' = '123456')");
        assertThat(estimates().estimate(table("counted")).orElseThrow().rows()).isEqualTo(123456.0);
    }

    @Test
    void aLocationThatCannotBeListedHasNoEstimate() {
        g.query("CREATE EXTERNAL TABLE nowhere (a int) LOCATION 's3://no-such-bucket/x/'");
        assertThat(estimates().estimate(table("nowhere"))).isEmpty();
    }

    @Test
    void parquetRowsAreNarrowerThanTextRows() {
        List<Column> columns = List.of(new Column("id", AthenaType.BIGINT), new Column("name", AthenaType.STRING));
        assertThat(TableEstimates.rowWidth(columns, DataFormat.PARQUET))
                .isLessThan(TableEstimates.rowWidth(columns, DataFormat.CSV))
                .isLessThan(TableEstimates.rowWidth(columns, DataFormat.JSON));
    }

    /** Parquet footers give the exact rows and each integer and date column's range, which bounds its distinct values. */
    @Test
    void parquetFootersGiveRowsAndRanges() {
        g.put("lake", "src/a.csv", "1,3\n2,3\n3,4\n4,4\n5,3\n6,4\n");
        g.script("""
                CREATE EXTERNAL TABLE src (id bigint, nation int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
                  LOCATION 's3://lake/src/';
                CREATE TABLE pq WITH (format = 'PARQUET', external_location = 's3://lake/pq/') AS SELECT * FROM src;
                """);
        TableEstimates.Estimate estimate = estimates().estimate(table("pq")).orElseThrow();
        assertThat(estimate.rows()).isEqualTo(6.0);
        assertThat(estimate.distinctValues("id")).hasValue(6.0);
        assertThat(estimate.distinctValues("NATION")).hasValue(2.0);
        assertThat(estimates().estimate(table("src")).orElseThrow().distinctValues("nation")).hasValue(2.0);
    }

    /**
     * Parquet's dictionaries count a string column's distinct values: all of them when the first row group is the
     * whole table, only those of a column whose values repeat (ten times or more) when the table has more objects.
     */
    @Test
    void parquetDictionariesCountDistinctStrings() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            rows.append(i).append(",tag-").append(i % 3).append(",name-").append(i / 2).append('\n');
        }
        g.put("lake", "src/a.csv", rows.toString());
        g.script("""
                CREATE EXTERNAL TABLE src (id bigint, tag string, name string)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/src/';
                CREATE TABLE pq WITH (format = 'PARQUET', external_location = 's3://lake/pq/') AS SELECT * FROM src;
                """);
        TableEstimates.Estimate whole = estimates().estimate(table("pq")).orElseThrow();
        assertThat(whole.distinctValues("tag")).hasValue(3.0);
        assertThat(whole.distinctValues("name")).hasValue(1000.0);
        g.query("INSERT INTO pq SELECT id + 2000, tag, name || 'b' FROM src");
        TableEstimates.Estimate two = estimates().estimate(table("pq")).orElseThrow();
        assertThat(two.rows()).isEqualTo(4000.0);
        assertThat(two.distinctValues("tag")).hasValue(3.0);
        assertThat(two.distinctValues("name")).isEmpty();
    }
}
