package io.glaux.bench;

import io.glaux.spice.SpiceService;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 22-query harness on all six engines: its command line, where each engine finds the queries' plain table names,
 * and a few queries end to end at a tiny scale with every engine's answer compared.
 */
class TpchSideBySideTest {

    @Test
    void defaultsAreAllQueriesOnAllEnginesAtScaleOne() {
        TpchSideBySide.Options options = TpchSideBySide.Options.parse(new String[0]);

        assertThat(options.scale()).isEqualTo(1.0);
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.warmups()).isEqualTo(1);
        assertThat(options.timeoutSeconds()).isEqualTo(60);
        assertThat(options.queries()).isEqualTo(IntStream.rangeClosed(1, 22).boxed().toList());
        assertThat(options.engines()).containsExactly(Engine.values());
        assertThat(options.writesText()).isTrue();
        assertThat(options.explain()).isFalse();
    }

    @Test
    void parsesEveryOption() {
        TpchSideBySide.Options options = TpchSideBySide.Options.parse(new String[] {"--scale", "0.1",
                "--threads", "2", "--runs", "5", "--warmups", "0", "--timeout-seconds", "30", "--only", "13, q1,3,1",
                "--engines", "duckdb-parquet,GLAUX-PARQUET,glaux-spice", "--explain", "true"});

        assertThat(options.scale()).isEqualTo(0.1);
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.warmups()).isZero();
        assertThat(options.timeout()).hasSeconds(30);
        assertThat(options.queries()).containsExactly(13, 1, 3);
        // Column order is the engines' order, whatever order they are named in.
        assertThat(options.engines()).containsExactly(Engine.GLAUX_PARQUET, Engine.GLAUX_SPICE,
                Engine.DUCKDB_PARQUET);
        assertThat(options.writesText()).isFalse();
        assertThat(options.explain()).isTrue();
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> TpchSideBySide.Options.parse(new String[] {"--only", "23"}))
                .hasMessageContaining("No TPC-H query 23");
        assertThatThrownBy(() -> TpchSideBySide.Options.parse(new String[] {"--engines", "spark"}))
                .hasMessageContaining("Unknown engine 'spark'").hasMessageContaining("duckdb-csv");
        assertThatThrownBy(() -> TpchSideBySide.Options.parse(new String[] {"--runs", "0"}))
                .hasMessageContaining("--runs");
        assertThatThrownBy(() -> TpchSideBySide.Options.parse(new String[] {"--scale"}))
                .hasMessageContaining("--scale needs a value");
        assertThatThrownBy(() -> TpchSideBySide.Options.parse(new String[] {"--shop-scale", "1"}))
                .hasMessageContaining("Unknown argument --shop-scale");
    }

    @Test
    void eachGlauxEngineResolvesPlainNamesInItsOwnDatabase() {
        assertThat(TpchSideBySide.context(Engine.GLAUX_PARQUET))
                .isEqualTo(new QueryContext(QueryContext.DEFAULT_CATALOG, TpchSideBySide.PARQUET_DATABASE));
        assertThat(TpchSideBySide.context(Engine.GLAUX_CSV))
                .isEqualTo(new QueryContext(QueryContext.DEFAULT_CATALOG, TpchSideBySide.TEXT_DATABASE));
        assertThat(TpchSideBySide.context(Engine.GLAUX_SPICE))
                .isEqualTo(new QueryContext(SpiceService.CATALOG, SpiceService.DATABASE));
        assertThatThrownBy(() -> TpchSideBySide.context(Engine.DUCKDB_MEMORY)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void eachGlauxEngineIsMeasuredAgainstTheDuckDbReadingTheSameStorage() {
        assertThat(Engine.GLAUX_PARQUET.duckDbTwin()).isEqualTo(Engine.DUCKDB_PARQUET);
        assertThat(Engine.GLAUX_CSV.duckDbTwin()).isEqualTo(Engine.DUCKDB_CSV);
        assertThat(Engine.GLAUX_SPICE.duckDbTwin()).isEqualTo(Engine.DUCKDB_MEMORY);
        assertThat(Engine.DUCKDB_MEMORY.duckDbTwin()).isNull();
    }

    @Test
    void duckDbReadsTheTextAsGlauxWritesIt(@TempDir Path folder) {
        String csv = TpchSideBySide.duckDbTable(Engine.DUCKDB_CSV, TpchTables.Table.NATION, folder);

        assertThat(csv).startsWith("CREATE VIEW nation AS SELECT * FROM read_csv(")
                .contains("nation_csv/nation.txt").contains("delim = '|'").contains("header = false")
                .contains("'n_nationkey': 'BIGINT'").contains("'n_name': 'VARCHAR'");
        assertThat(TpchSideBySide.duckDbTable(Engine.DUCKDB_MEMORY, TpchTables.Table.PART, folder))
                .startsWith("CREATE TABLE part AS SELECT * FROM read_parquet(");
        assertThat(TpchSideBySide.duckDbTable(Engine.DUCKDB_PARQUET, TpchTables.Table.PART, folder))
                .startsWith("CREATE VIEW part AS SELECT * FROM read_parquet(");
    }

    @Test
    void timesTableShowsRatiosToTheTwinAndTimeouts() {
        List<Engine> engines = List.of(Engine.GLAUX_PARQUET, Engine.DUCKDB_PARQUET);
        TpchQueries.Run[][] runs = {
                {new TpchQueries.Run(List.of(), null, false, 300), new TpchQueries.Run(List.of(), null, false, 100)},
                {new TpchQueries.Run(List.of(), "timed out after 60 s", true, 60_012),
                        new TpchQueries.Run(List.of(), null, false, 50)}};

        String table = TimesTable.markdown(List.of("Q1", "Q2"), engines, runs, Engine::duckDbTwin,
                List.of("agree (4 rows)", "the engines that answered agree (1 row)"));

        assertThat(table).contains("| query    | Glaux Parquet | DuckDB Parquet | answers |")
                .contains("| Q1       | 300.0 (3.0×) | 100.0 | agree (4 rows) |")
                .contains("| Q2       | > 60 s | 50.0 | the engines that answered agree (1 row) |")
                .contains("| geometric mean of ratios | 3.0× (1) | |");
    }

    /** Q1 (single-table aggregate), Q3 (three-way join, top-N) and Q13 (outer join, nested aggregate). */
    @Test
    void fewQueriesAgreeOnAllSixEnginesAtATinyScale(@TempDir Path folder) throws Exception {
        TpchSideBySide.Options options = TpchSideBySide.Options.parse(new String[] {"--scale", "0.01",
                "--runs", "1", "--warmups", "0", "--timeout-seconds", "30", "--only", "1,3,13"});

        try (TpchSideBySide harness = TpchSideBySide.open(folder, options)) {
            assertThat(harness.imports()).hasSize(8).allSatisfy(imported -> {
                assertThat(imported.rows()).isPositive();
                assertThat(imported.rowsPerSecond()).isPositive();
            });
            // The same text reads each Glaux engine's own tables.
            assertThat(harness.explain(1, Engine.GLAUX_PARQUET)).contains("tpch.lineitem")
                    .doesNotContain("tpch_csv").doesNotContain("spice");
            assertThat(harness.explain(1, Engine.GLAUX_CSV)).contains("tpch_csv.lineitem");
            assertThat(harness.explain(1, Engine.GLAUX_SPICE)).contains("spice.default.lineitem")
                    .doesNotContain("tpch");
            for (int n : options.queries()) {
                TpchSideBySide.Outcome outcome = harness.run(n);
                assertThat(outcome.problem()).as("Q%d", n).isNull();
                assertThat(outcome.runs()).as("Q%d", n).hasSize(6).allSatisfy(run -> {
                    assertThat(run.succeeded()).isTrue();
                    assertThat(run.rows()).isNotEmpty();
                });
                assertThat(TpchSideBySide.answers(outcome)).startsWith("agree (");
            }
        }
    }
}
