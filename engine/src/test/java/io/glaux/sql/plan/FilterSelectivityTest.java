package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterSelectivityTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    /** The same, with live queries run row by row: a filter over Calcite's scan rather than a vectorized scan. */
    @RegisterExtension
    final GlauxFixture rows = GlauxFixture.perTest(builder -> builder.liveVectorized(false));

    private List<Long> estimates(String sql) {
        return PlanEstimates.of(g, sql);
    }

    /** {@code facts} of {@link FactsAndDims} written as the Parquet table {@code pfacts}. */
    private void parquetFacts() {
        FactsAndDims.create(g, 2000, 20, 20);
        g.script("CREATE TABLE pfacts WITH (format = 'PARQUET', external_location = 's3://lake/pfacts/')"
                + " AS SELECT * FROM facts");
    }

    /**
     * Over a text table sampled whole, {@code dim} holds 20 values: an equality with a constant keeps a 20th of the
     * rows, an IN list of two a tenth, {@code <>} the rest; a comparison keeps Calcite's guess of half.
     */
    @Test
    void anEqualityKeepsOneOfTheColumnsDistinctValues() {
        FactsAndDims.create(g, 2000, 20, 20);
        assertThat(estimates("SELECT amount FROM facts WHERE dim = 3").get(0)).isEqualTo(100L);
        assertThat(estimates("SELECT amount FROM facts WHERE 3 = dim").get(0)).isEqualTo(100L);
        assertThat(estimates("SELECT amount FROM facts WHERE dim IN (3, 4)").get(0)).isEqualTo(200L);
        assertThat(estimates("SELECT amount FROM facts WHERE dim <> 3").get(0)).isEqualTo(1900L);
        assertThat(estimates("SELECT amount FROM facts WHERE dim NOT IN (3, 4)").get(0)).isEqualTo(1800L);
        assertThat(estimates("SELECT amount FROM facts WHERE dim = 3 AND amount > 10").get(0)).isEqualTo(50L);
        assertThat(estimates("SELECT amount FROM facts WHERE amount > 10").get(0)).isEqualTo(1000L);
        assertThat(g.rows("SELECT count(*) FROM facts WHERE dim = 3")).containsExactly(List.of("100"));
    }

    /** The row-by-row plan (a filter over Calcite's table scan) is estimated alike. */
    @Test
    void aFilterOverARowScanIsEstimatedByDistinctValuesToo() {
        FactsAndDims.create(rows, 2000, 20, 20);
        assertThat(rows.rows("EXPLAIN SELECT amount FROM facts WHERE dim = 3").toString()).doesNotContain("Scan[");
        assertThat(PlanEstimates.of(rows, "SELECT amount FROM facts WHERE dim = 3").get(0)).isEqualTo(100L);
        assertThat(PlanEstimates.of(rows, "SELECT amount FROM facts WHERE dim IN (3, 4)").get(0)).isEqualTo(200L);
        assertThat(rows.rows("SELECT count(*) FROM facts WHERE dim IN (3, 4)")).containsExactly(List.of("200"));
    }

    /** Over Parquet a key's footer range bounds its distinct values: an equality on a key keeps one row. */
    @Test
    void parquetRangesBoundAnEqualitysShare() {
        parquetFacts();
        assertThat(estimates("SELECT amount FROM pfacts WHERE id = 7").get(0)).isEqualTo(1L);
        assertThat(estimates("SELECT amount FROM pfacts WHERE dim = 7").get(0)).isEqualTo(100L);
    }

    /** Over Parquet a string column's dictionary counts its values: an equality keeps one of 20. */
    @Test
    void parquetDictionariesGiveAStringEqualitysShare() {
        FactsAndDims.create(g, 2000, 20, 20);
        g.script("CREATE TABLE pnamed WITH (format = 'PARQUET', external_location = 's3://lake/pnamed/')"
                + " AS SELECT id, 'name-' || CAST(dim AS varchar) AS name FROM facts");
        assertThat(estimates("SELECT id FROM pnamed WHERE name = 'name-3'").get(0)).isEqualTo(100L);
        assertThat(g.rows("SELECT count(*) FROM pnamed WHERE name = 'name-3'")).containsExactly(List.of("100"));
    }

    /** Without known distinct values an equality keeps Calcite's guess of 15 %. */
    @Test
    void anUnknownColumnKeepsCalcitesGuess() {
        parquetFacts();
        assertThat(estimates("SELECT amount FROM pfacts WHERE amount = 7").get(0)).isEqualTo(300L);
    }
}
