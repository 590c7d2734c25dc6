package io.glaux.sql;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's timestamp(p) with four to nine fractional digits: values keep their digits through casts, comparisons,
 * grouping, joins, set operations and interval arithmetic; functions read the millisecond a value falls in; results,
 * tables and SPICE hold milliseconds, as Athena's do.
 */
class FineTimestampsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, ts timestamp",
            "1,2020-01-01 00:00:00.123\n2,2020-01-01 00:00:00.124\n");

    @Test
    void castToVarcharPrintsEveryDigitTheValueHolds() {
        assertThat(g.rows("SELECT CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS varchar),"
                + " CAST(TIMESTAMP '2020-06-02 12:30:45.123456789' AS varchar),"
                + " CAST(CAST('2020-01-01 00:00:00.1234567' AS timestamp(6)) AS varchar),"
                + " CAST(CAST('2020-01-01 00:00:00.1234567' AS timestamp(9)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(5)) AS varchar),"
                + " CAST(CAST('9999-12-31 23:59:59.999999' AS timestamp(6)) AS varchar)"))
                .containsExactly(List.of("2020-01-01 00:00:00.123456", "2020-06-02 12:30:45.123456789",
                        "2020-01-01 00:00:00.123457", "2020-01-01 00:00:00.123456700", "2020-01-01 00:00:00.12346",
                        "9999-12-31 23:59:59.999999"));
    }

    @Test
    void castToFewerDigitsRoundsHalfUpAcrossMidnight() {
        assertThat(g.rows("SELECT CAST(CAST(TIMESTAMP '2020-01-01 23:59:59.9996' AS timestamp(3)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 23:59:59.9999996' AS timestamp(6)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.499999' AS timestamp(0)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 12:00:00.123456' AS timestamp(3) with time zone) AS varchar),"
                + " CAST(TIMESTAMP '2020-01-01 23:59:59.999999' AS date)"))
                .containsExactly(List.of("2020-01-02 00:00:00.000", "2020-01-02 00:00:00.000000",
                        "2020-01-01 00:00:00", "2020-01-01 12:00:00.123 UTC", "2020-01-01"));
    }

    @Test
    void comparisonsSeeDigitsBelowTheMillisecond() {
        assertThat(g.rows("SELECT TIMESTAMP '2020-01-01 00:00:00.123456' < TIMESTAMP '2020-01-01 00:00:00.123457',"
                + " TIMESTAMP '2020-01-01 00:00:00.123' = TIMESTAMP '2020-01-01 00:00:00.123000',"
                + " TIMESTAMP '2020-01-01 00:00:00.123' < TIMESTAMP '2020-01-01 00:00:00.123001',"
                + " TIMESTAMP '2020-01-01 00:00:00.123456789' > TIMESTAMP '2020-01-01 00:00:00.123456'"))
                .containsExactly(List.of("true", "true", "true", "true"));
        // A table's timestamp(3) column against literals of six digits: filters, IN lists and BETWEEN.
        assertThat(g.rows("SELECT id FROM t WHERE ts < TIMESTAMP '2020-01-01 00:00:00.123001'"))
                .containsExactly(List.of("1"));
        assertThat(g.rows("SELECT id FROM t WHERE ts IN (TIMESTAMP '2020-01-01 00:00:00.123000',"
                + " TIMESTAMP '2020-01-01 00:00:00.124001')")).containsExactly(List.of("1"));
        assertThat(g.rows("SELECT id FROM t WHERE ts BETWEEN TIMESTAMP '2020-01-01 00:00:00.123001'"
                + " AND TIMESTAMP '2020-01-01 00:00:00.124000'")).containsExactly(List.of("2"));
    }

    @Test
    void groupingJoinsWindowsAndSetOperationsKeepTheDigits() {
        assertThat(g.rows("SELECT CAST(max(x) AS varchar), count(DISTINCT x) FROM (VALUES"
                + " TIMESTAMP '2020-01-01 00:00:00.123456', TIMESTAMP '2020-01-01 00:00:00.123457',"
                + " TIMESTAMP '2020-01-01 00:00:00.123457') t(x)"))
                .containsExactly(List.of("2020-01-01 00:00:00.123457", "2"));
        // Values of different precisions meet in one unit: VALUES, UNION ALL, joins.
        assertThat(g.rows("SELECT CAST(x AS varchar) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.123456',"
                + " TIMESTAMP '2020-01-01 00:00:00.124', NULL) t(x)"))
                .containsExactly(List.of("2020-01-01 00:00:00.123456"), List.of("2020-01-01 00:00:00.124000"),
                        Arrays.asList((String) null));
        assertThat(g.rows("SELECT CAST(f AS varchar), count(*) FROM (SELECT CAST(ts AS timestamp(6)) f FROM t"
                + " UNION ALL SELECT TIMESTAMP '2020-01-01 00:00:00.123000') GROUP BY f ORDER BY f"))
                .containsExactly(List.of("2020-01-01 00:00:00.123000", "2"), List.of("2020-01-01 00:00:00.124000", "1"));
        assertThat(g.rows("SELECT a.id, b.id FROM t a JOIN (SELECT id,"
                + " CAST(ts AS timestamp(6)) + INTERVAL '0.001' SECOND AS f FROM t) b ON a.ts = b.f"))
                .containsExactly(List.of("2", "1"));
        assertThat(g.rows("SELECT CAST(x AS varchar), lag(CAST(x AS varchar)) OVER (ORDER BY x) FROM (VALUES"
                + " TIMESTAMP '2020-01-01 00:00:00.123456', TIMESTAMP '2020-01-01 00:00:00.123457') t(x)"
                + " ORDER BY x DESC"))
                .containsExactly(List.of("2020-01-01 00:00:00.123457", "2020-01-01 00:00:00.123456"),
                        Arrays.asList("2020-01-01 00:00:00.123456", null));
    }

    @Test
    void caseCoalesceGreatestAndArraysBringValuesToOneUnit() {
        assertThat(g.rows("SELECT CAST(CASE WHEN id = 1 THEN ts ELSE TIMESTAMP '2020-01-01 00:00:00.123456' END"
                + " AS varchar), CAST(coalesce(NULL, TIMESTAMP '2020-01-01 00:00:00.123456') AS varchar),"
                + " CAST(greatest(ts, TIMESTAMP '2020-01-01 00:00:00.123456') AS varchar) FROM t ORDER BY id"))
                .containsExactly(List.of("2020-01-01 00:00:00.123000", "2020-01-01 00:00:00.123456",
                                "2020-01-01 00:00:00.123456"),
                        List.of("2020-01-01 00:00:00.123456", "2020-01-01 00:00:00.123456",
                                "2020-01-01 00:00:00.124000"));
        assertThat(g.rows("SELECT array_join(ARRAY[TIMESTAMP '2020-01-01 00:00:00.123',"
                + " TIMESTAMP '2020-01-01 00:00:00.123456'], ','),"
                + " CAST(element_at(ARRAY[TIMESTAMP '2020-01-01 00:00:00.123456'], 1) AS varchar),"
                + " contains(ARRAY[TIMESTAMP '2020-01-01 00:00:00.123456'], TIMESTAMP '2020-01-01 00:00:00.123456'),"
                + " CAST(ARRAY[TIMESTAMP '2020-01-01 00:00:00.123456'] AS json),"
                + " transform(ARRAY[TIMESTAMP '2020-01-01 00:00:00.123456'],"
                + " x -> CAST(x + INTERVAL '1' SECOND AS varchar))"))
                .containsExactly(List.of("2020-01-01 00:00:00.123000,2020-01-01 00:00:00.123456",
                        "2020-01-01 00:00:00.123456", "true", "[\"2020-01-01 00:00:00.123456\"]",
                        "[2020-01-01 00:00:01.123456]"));
    }

    @Test
    void functionsReadTheMillisecondAndIntervalsKeepTheDigitsBelowIt() {
        assertThat(g.rows("SELECT hour(TIMESTAMP '2020-01-01 23:59:59.999999'),"
                + " millisecond(TIMESTAMP '2020-01-01 23:59:59.999999'),"
                + " CAST(date_trunc('second', TIMESTAMP '2020-01-01 00:00:00.123456') AS varchar),"
                + " typeof(date_trunc('second', TIMESTAMP '2020-01-01 00:00:00.123456')),"
                + " format_datetime(TIMESTAMP '2020-01-01 00:00:00.123456', 'HH:mm:ss.SSS')"))
                .containsExactly(List.of("23", "999", "2020-01-01 00:00:00.000000", "timestamp(6)", "00:00:00.123"));
        assertThat(g.rows("SELECT CAST(date_add('day', 1, TIMESTAMP '2020-01-01 00:00:00.123456') AS varchar),"
                + " CAST(TIMESTAMP '2020-01-01 00:00:00.123456' + INTERVAL '1' DAY AS varchar),"
                + " CAST(TIMESTAMP '2020-01-31 00:00:00.123456' + INTERVAL '1' MONTH AS varchar),"
                + " CAST(TIMESTAMP '2020-01-01 00:00:00.000001' - INTERVAL '0.001' SECOND AS varchar)"))
                .containsExactly(List.of("2020-01-02 00:00:00.123456", "2020-01-02 00:00:00.123456",
                        "2020-02-29 00:00:00.123456", "2019-12-31 23:59:59.999001"));
        assertThat(g.rows("SELECT localtimestamp(6) > TIMESTAMP '2020-01-01 00:00:00', typeof(localtimestamp(6))"))
                .containsExactly(List.of("true", "timestamp(6)"));
    }

    @Test
    void resultsAndTablesHoldMilliseconds() {
        // Athena hands timestamps to its clients with three digits, whatever the precision.
        assertThat(g.rows("SELECT TIMESTAMP '2020-01-01 00:00:00.123456', ARRAY[TIMESTAMP '2020-01-01 00:00:00.1235']"))
                .containsExactly(List.of("2020-01-01 00:00:00.123", "[2020-01-01 00:00:00.124]"));
        g.query("CREATE TABLE c AS SELECT id, TIMESTAMP '2020-01-01 00:00:00.123456' AS f FROM t");
        assertThat(g.rows("SELECT id, CAST(f AS varchar), typeof(f) FROM c ORDER BY id"))
                .containsExactly(List.of("1", "2020-01-01 00:00:00.123", "timestamp(3)"),
                        List.of("2", "2020-01-01 00:00:00.123", "timestamp(3)"));
    }

    @Test
    void badValuesFailWithTrinosErrorsAndTryCastGivesNull() {
        assertThat(g.rows("SELECT try_cast('x' AS timestamp(6))")).containsExactly(Arrays.asList((String) null));
        assertFails("SELECT CAST('x' AS timestamp(6))", "INVALID_CAST_ARGUMENT",
                "Value cannot be cast to timestamp: x");
        // Nanosecond values reach from 1677 to 2262.
        assertFails("SELECT CAST(CAST('3000-01-01 00:00:00' AS timestamp(9)) AS varchar)", "NUMERIC_VALUE_OUT_OF_RANGE",
                "timestamp(9) out of range");
        assertThat(g.rows("SELECT CAST(TIMESTAMP '2020-01-01 00:00:00.5' AS varchar)"))
                .containsExactly(List.of("2020-01-01 00:00:00.5"));
    }

    private void assertFails(String sql, String code, String message) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).isEqualTo(QueryState.FAILED);
        assertThat(done.status().stateChangeReason()).contains(code).contains(message);
    }
}
