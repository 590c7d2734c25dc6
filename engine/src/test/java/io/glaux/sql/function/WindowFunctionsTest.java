package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trino's window functions, end to end through the planner (examples from Trino's window function docs). */
class WindowFunctionsTest {

    @TempDir
    static Path data;

    private static GlauxFixture glaux;

    @BeforeAll
    static void start() throws IOException {
        glaux = GlauxFixture.local(data);
    }

    @AfterAll
    static void stop() throws IOException {
        glaux.close();
    }

    /** The rows as texts, NULL for a null value. */
    private static List<List<String>> rows(String sql) {
        return glaux.rows(sql).stream()
                .map(row -> row.stream().map(v -> v == null ? "NULL" : v).toList())
                .toList();
    }

    @Test
    void percentRankIsRankMinusOneOverRowsMinusOne() {
        assertThat(rows("SELECT x, percent_rank() OVER (ORDER BY x) FROM (VALUES 10, 10, 20, 30) t(x) ORDER BY x"))
                .containsExactly(List.of("10", "0.0"), List.of("10", "0.0"), List.of("20", "0.6666666666666666"),
                        List.of("30", "1.0"));
        assertThat(rows("SELECT percent_rank() OVER (ORDER BY x), typeof(percent_rank() OVER (ORDER BY x))"
                + " FROM (VALUES 1) t(x)")).containsExactly(List.of("0.0", "double"));
    }

    @Test
    void cumeDistCountsTheRowsUpToTheCurrentRowsPeers() {
        assertThat(rows("SELECT x, cume_dist() OVER (ORDER BY x) FROM (VALUES 10, 10, 20, 30) t(x) ORDER BY x"))
                .containsExactly(List.of("10", "0.5"), List.of("10", "0.5"), List.of("20", "0.75"),
                        List.of("30", "1.0"));
    }

    @Test
    void rankingPerPartitionAndOverNamedWindows() {
        assertThat(rows("SELECT g, x, percent_rank() OVER (PARTITION BY g ORDER BY x),"
                + " cume_dist() OVER (PARTITION BY g ORDER BY x DESC)"
                + " FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) t(g, x) ORDER BY g, x"))
                .containsExactly(List.of("a", "1", "0.0", "1.0"), List.of("a", "2", "1.0", "0.5"),
                        List.of("b", "5", "0.0", "1.0"));
        assertThat(rows("SELECT x, percent_rank() OVER w, cume_dist() OVER w FROM (VALUES 1, 2, 3) t(x)"
                + " WINDOW w AS (ORDER BY x) ORDER BY x"))
                .containsExactly(List.of("1", "0.0", "0.3333333333333333"), List.of("2", "0.5", "0.6666666666666666"),
                        List.of("3", "1.0", "1.0"));
    }

    @Test
    void nthValueLooksOnlyInsideTheFrame() {
        // default frame: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        assertThat(rows("SELECT x, nth_value(x, 2) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "NULL"), List.of("2", "2"), List.of("3", "2"));
        assertThat(rows("SELECT x, nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"
                + " FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "2"), List.of("2", "2"), List.of("3", "3"), List.of("4", "4"));
    }

    @Test
    void orderByAboveAWindowOverSortedInputIsKept() {
        assertThat(rows("SELECT x, first_value(x) OVER (ORDER BY x DESC) FROM (VALUES 1, 2, 3) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "3"), List.of("2", "3"), List.of("3", "3"));
        assertThat(rows("SELECT g, x, sum(x) OVER (PARTITION BY g ORDER BY x DESC)"
                + " FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) t(g, x) ORDER BY g, x"))
                .containsExactly(List.of("a", "1", "3"), List.of("a", "2", "2"), List.of("b", "5", "5"));
    }

    @Test
    void valueFunctionsAndFramesWithPeers() {
        assertThat(rows("SELECT x, first_value(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING),"
                + " last_value(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)"
                + " FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "2", "NULL"), List.of("2", "3", "1"), List.of("3", "4", "2"),
                        List.of("4", "NULL", "3"));
        // last_value's default frame ends at the current row's last peer
        assertThat(rows("SELECT x, last_value(x) OVER (ORDER BY x) FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "1"), List.of("2", "2"), List.of("2", "2"), List.of("3", "3"));
        // RANGE counts peers (both 2s), ROWS does not
        assertThat(rows("SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW),"
                + " sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                + " FROM (VALUES 1, 2, 2, 3, 5) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "1", "1"), List.of("2", "5", "3"), List.of("2", "5", "4"),
                        List.of("3", "7", "5"), List.of("5", "5", "8"));
    }

    @Test
    void ntileLagAndLeadWithOffsetsAndDefaults() {
        assertThat(rows("SELECT x, ntile(3) OVER (ORDER BY x), lead(x, 2, -1) OVER (ORDER BY x),"
                + " lag(x, 1, 0) OVER (ORDER BY x) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x"))
                .containsExactly(List.of("1", "1", "3", "0"), List.of("2", "1", "4", "1"), List.of("3", "2", "5", "2"),
                        List.of("4", "2", "-1", "3"), List.of("5", "3", "-1", "4"));
    }

    @Test
    void lagAndLeadIgnoringNullsSkipNullValues() {
        assertThat(rows("SELECT x, lag(y) IGNORE NULLS OVER (ORDER BY x), lead(y) IGNORE NULLS OVER (ORDER BY x),"
                + " lag(y, 2, -1) IGNORE NULLS OVER (ORDER BY x), lag(y, 0) IGNORE NULLS OVER (ORDER BY x)"
                + " FROM (VALUES (1, NULL), (2, 20), (3, NULL), (4, 40), (5, NULL)) t(x, y) ORDER BY x"))
                .containsExactly(List.of("1", "NULL", "20", "-1", "NULL"), List.of("2", "NULL", "40", "-1", "20"),
                        List.of("3", "20", "40", "-1", "NULL"), List.of("4", "20", "NULL", "-1", "40"),
                        List.of("5", "40", "NULL", "20", "NULL"));
        assertThat(rows("SELECT p, x, lag(y) IGNORE NULLS OVER (PARTITION BY p ORDER BY x)"
                + " FROM (VALUES ('a', 1, 10), ('a', 2, NULL), ('a', 3, 30), ('b', 1, NULL), ('b', 2, 5))"
                + " t(p, x, y) ORDER BY p, x"))
                .containsExactly(List.of("a", "1", "NULL"), List.of("a", "2", "10"), List.of("a", "3", "10"),
                        List.of("b", "1", "NULL"), List.of("b", "2", "NULL"));
    }

    @Test
    void valueFunctionsIgnoringNullsReadTheFramesNonNullValues() {
        assertThat(rows("SELECT x, first_value(y) IGNORE NULLS OVER (ORDER BY x),"
                + " last_value(y) IGNORE NULLS OVER (ORDER BY x), nth_value(y, 2) IGNORE NULLS OVER (ORDER BY x"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), first_value(y) OVER (ORDER BY x)"
                + " FROM (VALUES (1, NULL), (2, 20), (3, NULL), (4, 40), (5, NULL)) t(x, y) ORDER BY x"))
                .containsExactly(List.of("1", "NULL", "NULL", "40", "NULL"), List.of("2", "20", "20", "40", "NULL"),
                        List.of("3", "20", "20", "40", "NULL"), List.of("4", "20", "40", "40", "NULL"),
                        List.of("5", "20", "40", "40", "NULL"));
        assertThat(rows("SELECT x, last_value(y) IGNORE NULLS OVER w FROM (VALUES (1, 10), (2, NULL)) t(x, y)"
                + " WINDOW w AS (ORDER BY x) ORDER BY x")).containsExactly(List.of("1", "10"), List.of("2", "10"));
    }

    @Test
    void ignoreNullsOfOtherFunctionsFailsAsNotSupportedAndRespectNullsIsTheDefault() {
        String reason = glaux.run("SELECT rank() IGNORE NULLS OVER (ORDER BY x)"
                + " FROM (VALUES (1, NULL), (2, 20)) t(x, y)").status().stateChangeReason();
        assertThat(reason).startsWith("NOT_SUPPORTED").contains("IGNORE NULLS");
        assertThat(rows("SELECT x, lag(y) RESPECT NULLS OVER (ORDER BY x)"
                + " FROM (VALUES (1, 10), (2, NULL), (3, 30)) t(x, y) ORDER BY x")).containsExactly(List.of("1", "NULL"), List.of("2", "10"), List.of("3", "NULL"));
    }
}
