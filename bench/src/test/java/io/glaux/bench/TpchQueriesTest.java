package io.glaux.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 22 TPC-H queries at scale {@value #SCALE} on Glaux, through the Athena API (the AWS SDK's client against a Glaux
 * server on loopback), and on DuckDB over the same Parquet files: each must give the same answer on both within
 * {@link #TIMEOUT}, except the queries listed in {@link #KNOWN}, which must still not
 * within {@link #KNOWN_TIMEOUT} (so a fixed one is noticed and taken off the list).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchQueriesTest {

    static final double SCALE = 0.1;

    /**
     * Per query and engine, a guard against a hang rather than a speed goal: Glaux's slowest query at this scale, Q21,
     * takes about 10 s on the 2-core machine.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    /**
     * What a query in {@link #KNOWN} gets before it counts as still too slow; far below what each took when measured,
     * so a listed query costs the test little and is noticed when it gets fast.
     */
    static final Duration KNOWN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The queries Glaux does not yet answer as DuckDB does at scale {@value #SCALE} within {@link #KNOWN_TIMEOUT},
     * and why (measured on the 2-core machine).
     */
    static final Map<Integer, String> KNOWN = Map.of();

    private TpchQueries queries;

    @BeforeAll
    void generate(@TempDir Path folder) throws Exception {
        queries = TpchQueries.open(folder, SCALE, true);
    }

    @AfterAll
    void close() throws Exception {
        if (queries != null) {
            queries.close();
        }
    }

    static IntStream queryNumbers() {
        return IntStream.rangeClosed(1, TpchQueries.COUNT);
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("queryNumbers")
    void glauxAnswersAsDuckDbDoes(int query) {
        TpchQueries.Outcome outcome = queries.run(query, KNOWN.containsKey(query) ? KNOWN_TIMEOUT : TIMEOUT);
        assertThat(outcome.duckdb().succeeded()).as("DuckDB runs Q%d: %s", query, outcome.duckdb().failure())
                .isTrue();
        assertThat(outcome.duckdb().rows()).as("Q%d has an answer to compare", query).isNotEmpty();
        if (KNOWN.containsKey(query)) {
            assertThat(outcome.agrees()).as("Q%d now agrees with DuckDB in %.0f ms: take it off KNOWN (%s)", query,
                    outcome.glaux().millis(), KNOWN.get(query)).isFalse();
        } else {
            assertThat(outcome.difference()).as("Q%d on Glaux (%.0f ms) against DuckDB", query,
                    outcome.glaux().millis()).isNull();
        }
    }

    @Test
    void everyQueryHasItsText() {
        queryNumbers().forEach(n -> assertThat(TpchQueries.sql(n)).containsIgnoringCase("select"));
        assertThat(KNOWN.keySet()).allMatch(n -> n >= 1 && n <= TpchQueries.COUNT);
        // The side-by-side harness runs the suite's Q1 over each engine's lineitem.
        assertThat(SideBySide.QUERIES.get("TPC-H Q1")).contains("FROM ${lineitem}").contains("l_returnflag");
    }
}
