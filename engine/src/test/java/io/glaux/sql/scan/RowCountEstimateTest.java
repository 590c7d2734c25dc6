package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.TableDefinition;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowCountEstimateTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    private TableDefinition table(String name) {
        return g.glaux().catalog().getTable("default", name).orElseThrow();
    }

    private RowCountEstimate estimate() {
        return new RowCountEstimate(g.glaux().store());
    }

    @Test
    void textTablesAreEstimatedFromTheirDataBytes() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            rows.append(i).append(',').append(i * 7).append('\n');
        }
        g.put("lake", "nums/part-0.csv", rows.toString());
        g.put("lake", "nums/_SUCCESS", "marker that is not data and must not count, however long it is ".repeat(500));
        g.query("CREATE EXTERNAL TABLE nums (a int, b bigint) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/nums/'");
        double rowsEstimated = estimate().rows(table("nums")).orElseThrow();
        // 8,890 bytes over an estimated 20 bytes per row: the right order of magnitude, not Calcite's default 100.
        assertThat(rowsEstimated).isBetween(250.0, 4000.0);
    }

    @Test
    void theCatalogsRecordedRowCountWins() {
        g.put("lake", "t/a.csv", "1\n2\n");
        g.query("CREATE EXTERNAL TABLE counted (a int) LOCATION 's3://lake/t/'"
                + " TBLPROPERTIES ('numRows' = '123456')");
        assertThat(estimate().rows(table("counted"))).hasValue(123456.0);
    }

    @Test
    void aLocationThatCannotBeListedHasNoEstimate() {
        g.query("CREATE EXTERNAL TABLE nowhere (a int) LOCATION 's3://no-such-bucket/x/'");
        assertThat(estimate().rows(table("nowhere"))).isEmpty();
    }

    @Test
    void parquetRowsAreNarrowerThanTextRows() {
        List<Column> columns = List.of(new Column("id", AthenaType.BIGINT), new Column("name", AthenaType.STRING));
        assertThat(RowCountEstimate.rowWidth(columns, DataFormat.PARQUET))
                .isLessThan(RowCountEstimate.rowWidth(columns, DataFormat.CSV))
                .isLessThan(RowCountEstimate.rowWidth(columns, DataFormat.JSON));
    }
}
