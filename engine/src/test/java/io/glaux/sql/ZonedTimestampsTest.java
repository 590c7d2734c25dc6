package io.glaux.sql;

import io.glaux.format.ZonedTimestamp;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import io.glaux.sql.function.TrinoFunctionRewriter;
import io.glaux.sql.function.TrinoFunctions;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * timestamp(3) with time zone through the whole planner: literals, AT TIME ZONE, casts, comparisons and the date
 * functions in the value's own zone, with the examples of Trino's documentation (DST in America/Los_Angeles began on
 * 2020-03-08 at 02:00); and time with time zone's literals, casts and comparisons.
 */
class ZonedTimestampsTest {

    private final QueryPlanner planner = new QueryPlanner(CalciteSchema.createRootSchema(false, false),
            SqlOperatorTables.chain(TrinoFunctions.operatorTable(), TrinoFunctions.libraryOperators()),
            List.of(TrinoFunctionRewriter::new));

    private List<List<Object>> rows(String sql) {
        PreparedQuery query = planner.prepare(sql, QueryContext.DEFAULT, List.of());
        List<List<Object>> rows = new ArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        try (Enumerator<Object[]> e = query.run(new ScanContext(cancel, Long.MAX_VALUE), cancel)) {
            while (e.moveNext()) {
                rows.add(Arrays.asList(e.current()));
            }
        }
        return rows;
    }

    private Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        assertThat(rows).hasSize(1);
        return rows.get(0).get(0);
    }

    /** A zoned result as Trino prints it. */
    private String zoned(String sql) {
        return ZonedTimestamp.format((Long) value(sql));
    }

    @Test
    void literalsKeepTheirZoneAndPrintAsTrino() {
        assertThat(zoned("SELECT TIMESTAMP '2001-08-22 03:04:05.321 Europe/Paris'"))
                .isEqualTo("2001-08-22 03:04:05.321 Europe/Paris");
        assertThat(zoned("SELECT TIMESTAMP '2020-05-10 12:34:56 +08:35'")).isEqualTo("2020-05-10 12:34:56.000 +08:35");
        assertThat(zoned("SELECT TIMESTAMP '2012-10-31 01:00 UTC'")).isEqualTo("2012-10-31 01:00:00.000 UTC");
        assertThat(value("SELECT typeof(TIMESTAMP '2001-08-22 03:04:05.321 UTC')"))
                .isEqualTo("timestamp(3) with time zone");
    }

    @Test
    void atTimeZoneConvertsTheInstant() {
        assertThat(zoned("SELECT TIMESTAMP '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles'"))
                .isEqualTo("2012-10-30 18:00:00.000 America/Los_Angeles");
        // Without a zone, the timestamp is read in the session zone (UTC).
        assertThat(zoned("SELECT TIMESTAMP '2012-10-31 01:00' AT TIME ZONE 'Asia/Tokyo'"))
                .isEqualTo("2012-10-31 10:00:00.000 Asia/Tokyo");
        assertThat(zoned("SELECT (TIMESTAMP '2012-10-31 01:00 UTC') at time zone 'Asia/Tokyo'"))
                .isEqualTo("2012-10-31 10:00:00.000 Asia/Tokyo");
        assertThat(zoned("SELECT at_timezone(TIMESTAMP '2021-08-22 03:04:05.321 UTC', 'America/Los_Angeles')"))
                .isEqualTo("2021-08-21 20:04:05.321 America/Los_Angeles");
        assertThat(zoned("SELECT with_timezone(TIMESTAMP '2001-08-22 03:04:05.321', 'America/Los_Angeles')"))
                .isEqualTo("2001-08-22 03:04:05.321 America/Los_Angeles");
    }

    @Test
    void atTimeZoneAppliesToTheOperandBeforeIt() {
        assertThat(value("SELECT hour(ts AT TIME ZONE 'Asia/Tokyo') FROM (VALUES TIMESTAMP '2020-01-01 00:00:00')"
                + " AS t(ts)")).isEqualTo(9L);
        assertThat(value("SELECT date_add('hour', 1, TIMESTAMP '2020-01-01 00:00 UTC') AT TIME ZONE '+01:00'"
                + " = TIMESTAMP '2020-01-01 01:00:00 UTC'")).isEqualTo(true);
    }

    @Test
    void comparisonsCompareInstantsAcrossZones() {
        assertThat(value("SELECT TIMESTAMP '2020-03-08 03:00:00 America/Los_Angeles'"
                + " = TIMESTAMP '2020-03-08 10:00:00 UTC'")).isEqualTo(true);
        assertThat(value("SELECT TIMESTAMP '2020-03-08 03:00:00 America/Los_Angeles'"
                + " < TIMESTAMP '2020-03-08 10:00:00 UTC'")).isEqualTo(false);
        assertThat(rows("SELECT z FROM (VALUES TIMESTAMP '2020-01-01 10:00 +05:00', TIMESTAMP '2020-01-01 06:00 UTC')"
                + " AS t(z) ORDER BY z").stream().map(r -> ZonedTimestamp.format((Long) r.get(0))))
                .containsExactly("2020-01-01 10:00:00.000 +05:00", "2020-01-01 06:00:00.000 UTC");
    }

    @Test
    void nowIsZonedInUtcAndMixesWithTimestampsAndDatesInTheSessionZone() {
        // Trino 368: now() is timestamp(3) with time zone in the session zone (UTC); a timestamp compared or
        // subtracted with it is read in the session zone.
        assertThat((String) value("SELECT CAST(now() AS varchar)"))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC");
        assertThat(value("SELECT now() = current_timestamp AND CAST(now() AS timestamp) = localtimestamp"))
                .isEqualTo(true);
        assertThat(value("SELECT TIMESTAMP '2020-01-01 00:00:00' < now() AND now() > TIMESTAMP '2020-01-01 00:00:00'"))
                .isEqualTo(true);
        assertThat(value("SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00', localtimestamp) AS t(ts)"
                + " WHERE ts > now() - INTERVAL '7' DAY")).isEqualTo(1L);
        assertThat(value("SELECT now() - INTERVAL '7' DAY = date_add('day', -7, now())")).isEqualTo(true);
        assertThat(value("SELECT date_diff('day', localtimestamp - INTERVAL '3' DAY, now())")).isEqualTo(3L);
        assertThat(value("SELECT CAST(now() AS date) = current_date")).isEqualTo(true);
        assertThat(value("SELECT current_date - INTERVAL '1' DAY = date_add('day', -1, current_date)"))
                .isEqualTo(true);
        assertThat(value("SELECT CAST(date_trunc('day', now()) AS varchar) = CAST(current_date AS varchar)"
                + " || ' 00:00:00.000 UTC'")).isEqualTo(true);
    }

    private static final String SAME_INSTANT = "(VALUES (TIMESTAMP '2020-01-01 00:00:00 UTC', 1),"
            + " (TIMESTAMP '2020-01-01 01:00:00 +01:00', 2), (TIMESTAMP '2020-01-01 00:00:00 +01:00', 3),"
            + " (CAST(NULL AS timestamp with time zone), 4)) AS t(x, n)";

    @Test
    void equalInstantsInDifferentZonesAreOneGroup() {
        // Trino hashes and compares timestamp with time zone by instant: the first two rows are one group.
        assertThat(rows("SELECT to_unixtime(x), count(*), sum(n) FROM " + SAME_INSTANT + " GROUP BY x ORDER BY 1"))
                .containsExactly(List.of(1577833200.0, 1L, 3L), List.of(1577836800.0, 2L, 3L),
                        Arrays.asList(null, 1L, 4L));
        assertThat(value("SELECT count(*) FROM (SELECT DISTINCT x FROM " + SAME_INSTANT + ")")).isEqualTo(3L);
        // The group keeps one of its values (which one is arbitrary in Trino), with that value's zone.
        assertThat((String) value("SELECT CAST(x AS varchar) FROM " + SAME_INSTANT + " WHERE n < 3 GROUP BY x"))
                .isIn("2020-01-01 00:00:00.000 UTC", "2020-01-01 01:00:00.000 +01:00");
        assertThat(rows("SELECT n <= 2, count(DISTINCT x) FROM " + SAME_INSTANT + " GROUP BY n <= 2 ORDER BY 1"))
                .containsExactly(List.of(false, 1L), List.of(true, 1L));
        assertThat(value("SELECT count(DISTINCT x) FROM " + SAME_INSTANT)).isEqualTo(2L);
        assertThat(value("SELECT approx_distinct(x) FROM " + SAME_INSTANT)).isEqualTo(2L);
    }

    @Test
    void setOperationsJoinsAndInMatchEqualInstants() {
        // Trino: the same instant in UTC and in +01:00 is one value for UNION, INTERSECT, EXCEPT, joins and IN lists.
        String utc = "(SELECT * FROM (VALUES (TIMESTAMP '2020-01-01 00:00:00 UTC', 1)) AS p(x, k))";
        String paris = "(SELECT * FROM (VALUES (TIMESTAMP '2020-01-01 01:00:00 +01:00', 1),"
                + " (TIMESTAMP '2020-01-01 01:00:00 +01:00', 2)) AS q(y, m))";
        assertThat(value("SELECT count(*) FROM (SELECT x FROM " + utc + " UNION SELECT y FROM " + paris + ")"))
                .isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM (SELECT x, k FROM " + utc + " UNION SELECT y, m FROM " + paris + ")"))
                .isEqualTo(2L);
        assertThat(value("SELECT count(*) FROM (SELECT x FROM " + utc + " INTERSECT SELECT y FROM " + paris + ")"))
                .isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM (SELECT x, k FROM " + utc + " INTERSECT SELECT y, m FROM " + paris
                + ")")).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM (SELECT x FROM " + utc + " EXCEPT SELECT y FROM " + paris + ")"))
                .isEqualTo(0L);
        assertThat(value("SELECT count(*) FROM (SELECT y, m FROM " + paris + " EXCEPT SELECT x, k FROM " + utc
                + ")")).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM " + utc + " JOIN " + paris + " ON x = y")).isEqualTo(2L);
        assertThat(value("SELECT count(*) FROM " + utc + " WHERE x IN (TIMESTAMP '2020-01-01 01:00:00 +01:00',"
                + " TIMESTAMP '2020-01-01 02:00:00 +01:00')")).isEqualTo(1L);
    }

    @Test
    void groupingSetsKeyZonedValuesOnInstants() {
        // Trino's grouping sets replicate the rows per set and group them by the same instant-hashing keys: the first
        // two rows are one group in every set holding x, and a set leaving x out shows NULL for it.
        String rows = "(VALUES (TIMESTAMP '2020-01-01 00:00:00 UTC', 1, 10), (TIMESTAMP '2020-01-01 01:00:00 +01:00', 1,"
                + " 20), (TIMESTAMP '2020-01-01 02:00:00 +01:00', 2, 30), (NULL, 2, 40)) AS t(x, k, n)";
        assertThat(rows("SELECT to_unixtime(x), count(*), sum(n) FROM " + rows + " GROUP BY ROLLUP (x) ORDER BY 1, 3"))
                .containsExactly(List.of(1577836800.0, 2L, 30L), List.of(1577840400.0, 1L, 30L),
                        Arrays.asList(null, 1L, 40L), Arrays.asList(null, 4L, 100L));
        assertThat(rows("SELECT to_unixtime(x), k, grouping(x, k), sum(n) FROM " + rows
                + " GROUP BY CUBE (x, k) ORDER BY 3, 1, 2")).containsExactly(
                        List.of(1577836800.0, 1, 0L, 30L), List.of(1577840400.0, 2, 0L, 30L), Arrays.asList(null, 2, 0L,
                        40L), Arrays.asList(1577836800.0, null, 1L, 30L), Arrays.asList(1577840400.0, null, 1L, 30L),
                        Arrays.asList(null, null, 1L, 40L), Arrays.asList(null, 1, 2L, 30L),
                        Arrays.asList(null, 2, 2L, 70L), Arrays.asList(null, null, 3L, 100L));
        assertThat(value("SELECT count(*) FROM (SELECT x FROM " + rows + " GROUP BY GROUPING SETS ((x), (x, k)))"))
                .isEqualTo(6L);
        // The group shows one of its values (Trino: an arbitrary one).
        assertThat(rows("SELECT CAST(x AS varchar) FROM " + rows + " WHERE n < 30 GROUP BY GROUPING SETS ((x), ())"
                + " ORDER BY 1")).containsExactly(List.of("2020-01-01 00:00:00 UTC"), Arrays.asList((Object) null));
    }

    @Test
    void intersectAllAndExceptAllMatchEqualInstants() {
        // Trino: INTERSECT ALL keeps a row as often as the fewest copies of it in any input, EXCEPT ALL as often as
        // its copies in the first input outnumber those in the others, rows being equal where their instants are.
        String utc = "(SELECT x FROM (VALUES TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-01 00:00:00 UTC',"
                + " TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-01 07:00:00 UTC') AS t(x))";
        String paris = "(SELECT y FROM (VALUES TIMESTAMP '2020-01-01 01:00:00 +01:00',"
                + " TIMESTAMP '2020-01-01 01:00:00 +01:00') AS u(y))";
        assertThat(rows("SELECT CAST(x AS varchar) FROM (" + utc + " INTERSECT ALL " + paris + ")"))
                .containsExactly(List.of("2020-01-01 00:00:00 UTC"), List.of("2020-01-01 00:00:00 UTC"));
        assertThat(rows("SELECT CAST(x AS varchar) FROM (" + utc + " EXCEPT ALL " + paris + ") ORDER BY 1"))
                .containsExactly(List.of("2020-01-01 00:00:00 UTC"), List.of("2020-01-01 07:00:00 UTC"));
        assertThat(value("SELECT count(*) FROM (" + paris + " EXCEPT ALL " + utc + ")")).isEqualTo(0L);
        // A column typed with more fractional digits than the first input's prints them.
        assertThat(value("SELECT CAST(x AS varchar) FROM (SELECT x FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.5 UTC')"
                + " AS t(x) INTERSECT ALL SELECT TIMESTAMP '2020-01-01 01:00:00.500 +01:00')"))
                .isEqualTo("2020-01-01 00:00:00.500 UTC");
    }

    private static final String UTC_MIDNIGHT = "(VALUES (TIMESTAMP '2020-01-01 00:00:00 UTC', 1)) AS t(x, k)";
    private static final String PARIS_TIMES = "(SELECT y FROM (VALUES TIMESTAMP '2020-01-01 01:00:00 +01:00',"
            + " TIMESTAMP '2020-01-01 05:00:00 +01:00') AS u(y))";

    @Test
    void subqueriesAndJoinsMatchEqualInstants() {
        // Trino's IN, quantified comparisons, correlated EXISTS and join keys use timestamp with time zone's equal
        // and hash operators, which read the instant only: midnight UTC is one o'clock in +01:00.
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE x IN " + PARIS_TIMES)).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE x NOT IN " + PARIS_TIMES)).isEqualTo(0L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE (x, k) IN (SELECT y, 1 FROM " + PARIS_TIMES
                + ")")).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE x = ANY " + PARIS_TIMES)).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE x < ALL " + PARIS_TIMES)).isEqualTo(0L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE x <= ALL " + PARIS_TIMES)).isEqualTo(1L);
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " WHERE EXISTS (SELECT 1 FROM " + PARIS_TIMES
                + " AS p WHERE p.y = t.x)")).isEqualTo(1L);
        assertThat(value("SELECT TIMESTAMP '2020-01-01 00:00:00 UTC' IN " + PARIS_TIMES)).isEqualTo(true);
        // A timestamp is read in the session zone (UTC) to match zoned values.
        assertThat(value("SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00') AS t(x) WHERE x IN "
                + PARIS_TIMES)).isEqualTo(1L);
        assertThat(rows("SELECT k, CAST(y AS varchar) FROM " + UTC_MIDNIGHT + " JOIN " + PARIS_TIMES
                + " AS p ON t.x = p.y")).containsExactly(List.of(1, "2020-01-01 01:00:00 +01:00"));
        assertThat(value("SELECT count(*) FROM " + UTC_MIDNIGHT + " LEFT JOIN " + PARIS_TIMES
                + " AS p ON t.x = p.y WHERE p.y IS NULL")).isEqualTo(0L);
    }

    @Test
    void castsPrintAndReadTheZone() {
        assertThat(value("SELECT CAST(TIMESTAMP '2001-08-22 03:04:05.321 Europe/Paris' AS VARCHAR)"))
                .isEqualTo("2001-08-22 03:04:05.321 Europe/Paris");
        assertThat(zoned("SELECT CAST('2001-08-22 03:04:05.321 +02:00' AS timestamp with time zone)"))
                .isEqualTo("2001-08-22 03:04:05.321 +02:00");
        assertThat(zoned("SELECT CAST(TIMESTAMP '2001-08-22 03:04:05' AS timestamp with time zone)"))
                .isEqualTo("2001-08-22 03:04:05.000 UTC");
        assertThat(value("SELECT CAST(CAST(TIMESTAMP '2001-08-22 23:04:05 America/Los_Angeles' AS DATE) AS VARCHAR)"))
                .isEqualTo("2001-08-22");
        assertThat(value("SELECT CAST(CAST(TIMESTAMP '2001-08-22 23:04:05.5 America/Los_Angeles' AS TIMESTAMP)"
                + " AS VARCHAR)")).isEqualTo("2001-08-22 23:04:05.500");
    }

    @Test
    void dateArithmeticFollowsTheZonesDaylightSavingTime() {
        assertThat(zoned("SELECT date_add('day', -1, TIMESTAMP '2020-03-01 00:00:00 UTC')"))
                .isEqualTo("2020-02-29 00:00:00.000 UTC");
        assertThat(zoned("SELECT date_add('hour', 24, TIMESTAMP '2020-03-08 00:00:00 America/Los_Angeles')"))
                .isEqualTo("2020-03-09 01:00:00.000 America/Los_Angeles");
        assertThat(zoned("SELECT date_add('day', 1, TIMESTAMP '2020-03-08 00:00:00 America/Los_Angeles')"))
                .isEqualTo("2020-03-09 00:00:00.000 America/Los_Angeles");
        assertThat(value("SELECT date_diff('hour', TIMESTAMP '2020-03-08 00:00:00 America/Los_Angeles',"
                + " TIMESTAMP '2020-03-09 00:00:00 America/Los_Angeles')")).isEqualTo(23L);
        assertThat(value("SELECT date_diff('day', TIMESTAMP '2020-03-08 00:00:00 America/Los_Angeles',"
                + " TIMESTAMP '2020-03-09 00:00:00 America/Los_Angeles')")).isEqualTo(1L);
        assertThat(zoned("SELECT date_trunc('day', TIMESTAMP '2020-03-08 12:00:00 America/Los_Angeles')"))
                .isEqualTo("2020-03-08 00:00:00.000 America/Los_Angeles");
    }

    @Test
    void intervalsMoveTheInstantOrTheWallClock() {
        assertThat(zoned("SELECT TIMESTAMP '2020-03-08 00:00:00 America/Los_Angeles' + INTERVAL '24' HOUR"))
                .isEqualTo("2020-03-09 01:00:00.000 America/Los_Angeles");
        assertThat(zoned("SELECT TIMESTAMP '2020-03-09 00:00:00 America/Los_Angeles' - INTERVAL '1' DAY"))
                .isEqualTo("2020-03-07 23:00:00.000 America/Los_Angeles");
        assertThat(zoned("SELECT INTERVAL '1' MONTH + TIMESTAMP '2020-02-08 00:00:00 America/Los_Angeles'"))
                .isEqualTo("2020-03-08 00:00:00.000 America/Los_Angeles");
        assertThat(value("SELECT from_unixtime(0) > TIMESTAMP '1970-01-01 00:00 UTC' - INTERVAL '1' SECOND"))
                .isEqualTo(true);
    }

    @Test
    void fieldsAndFormattingReadTheWallClockInTheValuesZone() {
        assertThat(value("SELECT hour(TIMESTAMP '2001-08-22 03:04:05.321 America/Los_Angeles')")).isEqualTo(3L);
        assertThat(value("SELECT day(TIMESTAMP '2001-08-22 23:04:05.321 America/Los_Angeles')")).isEqualTo(22L);
        assertThat(value("SELECT timezone_hour(TIMESTAMP '2020-05-10 12:34:56 +08:35'),"
                + " timezone_minute(TIMESTAMP '2020-05-10 12:34:56 +08:35')")).isEqualTo(8L);
        assertThat(rows("SELECT timezone_hour(z), timezone_minute(z) FROM (VALUES TIMESTAMP"
                + " '2020-05-10 12:34:56 -03:30') AS t(z)")).containsExactly(List.of(-3L, -30L));
        assertThat(value("SELECT format_datetime(TIMESTAMP '2001-08-22 03:04:05.321 America/Los_Angeles',"
                + " 'yyyy-MM-dd HH:mm:ss ZZZ EEE MMM')")).isEqualTo("2001-08-22 03:04:05 America/Los_Angeles Wed Aug");
        assertThat(value("SELECT format_datetime(TIMESTAMP '2001-08-22 03:04:05 +05:30', 'Z ZZ')"))
                .isEqualTo("+0530 +05:30");
    }

    @Test
    void conversionsReturnZonedValues() {
        assertThat(zoned("SELECT from_unixtime(1000000000)")).isEqualTo("2001-09-09 01:46:40.000 UTC");
        assertThat(zoned("SELECT from_unixtime(1000000000.5)")).isEqualTo("2001-09-09 01:46:40.500 UTC");
        assertThat(zoned("SELECT from_unixtime(1000000000, 'Asia/Tokyo')"))
                .isEqualTo("2001-09-09 10:46:40.000 Asia/Tokyo");
        assertThat(zoned("SELECT from_unixtime(1000000000, 5, 30)")).isEqualTo("2001-09-09 07:16:40.000 +05:30");
        assertThat(zoned("SELECT from_unixtime_nanos(1000000000123456789)")).isEqualTo("2001-09-09 01:46:40.123 UTC");
        assertThat(zoned("SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789+01:00')"))
                .isEqualTo("2020-05-11 11:15:05.123 +01:00");
        assertThat(zoned("SELECT from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00')"))
                .isEqualTo("2020-05-11 11:15:05.055 +01:00");
        assertThat(zoned("SELECT from_iso8601_timestamp('2020-05-11T11:15:05')"))
                .isEqualTo("2020-05-11 11:15:05.000 UTC");
        assertThat(value("SELECT to_iso8601(TIMESTAMP '2020-05-11 11:15:05.055 +01:00')"))
                .isEqualTo("2020-05-11T11:15:05.055+01:00");
        assertThat(value("SELECT to_unixtime(TIMESTAMP '2001-09-09 01:46:40 UTC')")).isEqualTo(1.0E9);
        assertThat(zoned("SELECT parse_datetime('2022-10-20 05:10', 'yyyy-MM-dd HH:mm')"))
                .isEqualTo("2022-10-20 05:10:00.000 UTC");
        assertThat(zoned("SELECT parse_datetime('2022-10-20 05:10 +05:30', 'yyyy-MM-dd HH:mm ZZ')"))
                .isEqualTo("2022-10-20 05:10:00.000 +05:30");
    }

    @Test
    void timeWithTimeZoneLiteralsCastsAndTypes() {
        // Trino 368: a time literal with an offset is time(p) with time zone, p its fractional digits; it prints as
        // SqlTimeWithTimeZone does, the offset right after the time.
        assertThat(value("SELECT typeof(TIME '10:00:00 +02:00')")).isEqualTo("time(0) with time zone");
        assertThat(value("SELECT typeof(TIME '10:00:00.12+02:00')")).isEqualTo("time(2) with time zone");
        assertThat(value("SELECT CAST(TIME '10:00:00.12 +02:00' AS varchar)")).isEqualTo("10:00:00.12+02:00");
        assertThat(value("SELECT CAST(TIME '00:30:00 -05:30' AS varchar)")).isEqualTo("00:30:00-05:30");
        assertThat(value("SELECT CAST(CAST('10:00:00.123 +02:00' AS time with time zone) AS varchar)"))
                .isEqualTo("10:00:00.123+02:00");
        assertThat(value("SELECT typeof(CAST('10:00:00 +02:00' AS time with time zone))"))
                .isEqualTo("time(3) with time zone");
        // To time: the wall clock; from time: at the session zone's offset, +00:00.
        assertThat(value("SELECT CAST(CAST(TIME '10:00:00.123 +02:00' AS time) AS varchar)")).isEqualTo("10:00:00.123");
        assertThat(value("SELECT CAST(CAST(TIME '10:00:00' AS time with time zone) AS varchar)"))
                .isEqualTo("10:00:00.000+00:00");
        assertThatThrownBy(() -> value("SELECT TIME '25:00:00 +02:00'"))
                .hasStackTraceContaining("'25:00:00 +02:00' is not a valid time literal");
        assertThatThrownBy(() -> value("SELECT CAST('noon +02:00' AS time with time zone)"))
                .hasStackTraceContaining("INVALID_CAST_ARGUMENT");
    }

    @Test
    void timesWithTimeZoneCompareAndOrderByInstant() {
        // Trino compares time with time zone by its instant of the day: 10:00 at +02:00 is 08:00 in UTC.
        assertThat(value("SELECT TIME '10:00:00 +02:00' = TIME '08:00:00 +00:00'")).isEqualTo(true);
        assertThat(value("SELECT TIME '10:00:00 +02:00' < TIME '09:00:00 +00:00'")).isEqualTo(true);
        assertThat(value("SELECT TIME '01:00:00 +02:00' = TIME '23:00:00 +00:00'")).isEqualTo(true);
        assertThat(value("SELECT CAST('10:00:00 +02:00' AS time with time zone) <> TIME '10:00:00 +00:00'"))
                .isEqualTo(true);
        // A time is read at the session zone's offset (+00:00) to compare with one.
        assertThat(rows("SELECT t = TIME '08:00:00', TIME '08:00:00' <= t FROM (VALUES TIME '10:00:00 +02:00') AS v(t)"))
                .containsExactly(List.of(true, true));
        assertThat(rows("SELECT CAST(t AS varchar) FROM (VALUES TIME '10:00:00 +02:00', TIME '07:00:00 +00:00',"
                + " TIME '00:30:00 -01:00') AS v(t) ORDER BY t").stream().map(r -> r.get(0)))
                .containsExactly("00:30:00-01:00", "07:00:00+00:00", "10:00:00+02:00");
    }

    @Test
    void timesWithTimeZoneGroupAndCountByInstant() {
        // Trino hashes time with time zone by its instant of the day, as timestamp with time zone: 10:00 at +02:00 and
        // 08:00 at +00:00 are one group and one distinct value.
        String times = "(VALUES TIME '10:00:00 +02:00', TIME '08:00:00 +00:00', TIME '09:00:00 +00:00') AS v(t)";
        assertThat(rows("SELECT count(*) FROM " + times + " GROUP BY t ORDER BY 1")).containsExactly(List.of(1L),
                List.of(2L));
        assertThat(rows("SELECT count(DISTINCT t), count(t) FROM " + times)).containsExactly(List.of(2L, 3L));
        assertThat(rows("SELECT count(*) FROM (SELECT DISTINCT t FROM " + times + ")")).containsExactly(List.of(2L));
        assertThat(rows("SELECT count(*) FROM (SELECT TIME '10:00:00 +02:00' UNION SELECT TIME '08:00:00 +00:00')"))
                .containsExactly(List.of(1L));
    }

    @Test
    void currentTimeIsTimeWithTimeZoneInUtc() {
        // Trino 368: typeof(current_time) is time(3) with time zone, at the session zone's offset.
        assertThat(value("SELECT typeof(current_time)")).isEqualTo("time(3) with time zone");
        assertThat((String) value("SELECT CAST(current_time AS varchar)"))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
        assertThat(value("SELECT current_time = CAST(localtime AS time with time zone)"
                + " AND CAST(current_time AS time) = localtime")).isEqualTo(true);
        assertThatThrownBy(() -> value("SELECT CAST(current_time AS timestamp)")).hasStackTraceContaining(
                "NOT_SUPPORTED");
    }

    @Test
    void anUnknownZoneIsAnInvalidArgument() {
        assertThatThrownBy(() -> value("SELECT at_timezone(TIMESTAMP '2021-08-22 03:04:05 UTC', 'Mars/Base')"))
                .hasStackTraceContaining("'Mars/Base' is not a valid time zone");
    }
}
