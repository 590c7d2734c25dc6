package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeFunctionsTest {

    private static LocalDateTime ts(String isoLocal) {
        return LocalDateTime.parse(isoLocal);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- date_trunc (Trino documentation: TIMESTAMP '2001-08-22 03:04:05.321')

    @ParameterizedTest
    @CsvSource({
            "millisecond, 2001-08-22T03:04:05.321",
            "second, 2001-08-22T03:04:05",
            "minute, 2001-08-22T03:04",
            "hour, 2001-08-22T03:00",
            "day, 2001-08-22T00:00",
            "week, 2001-08-20T00:00",
            "month, 2001-08-01T00:00",
            "quarter, 2001-07-01T00:00",
            "year, 2001-01-01T00:00"})
    void dateTruncOfTimestampFollowsTrinoDocumentation(String unit, String expected) {
        assertThat(value("SELECT date_trunc('" + unit + "', TIMESTAMP '2001-08-22 03:04:05.321')"))
                .isEqualTo(ts(expected));
    }

    @ParameterizedTest
    @CsvSource({"day, 2001-08-22", "week, 2001-08-20", "month, 2001-08-01", "quarter, 2001-07-01",
            "year, 2001-01-01"})
    void dateTruncOfDateReturnsDate(String unit, String expected) {
        assertThat(value("SELECT date_trunc('" + unit + "', DATE '2001-08-22')")).isEqualTo(date(expected));
        assertThat(type("SELECT date_trunc('" + unit + "', DATE '2001-08-22')")).isEqualTo("DATE NOT NULL");
    }

    @Test
    void dateTruncUnitIsCaseInsensitiveAndKeepsTimestampType() {
        assertThat(value("SELECT DATE_TRUNC('MONTH', TIMESTAMP '2024-02-15 10:11:12')"))
                .isEqualTo(ts("2024-02-01T00:00"));
        assertThat(type("SELECT date_trunc('month', TIMESTAMP '2024-02-15 10:11:12')"))
                .isEqualTo("TIMESTAMP(0) NOT NULL"); // as in Trino, the literal's precision
        assertThat(type("SELECT date_trunc('month', ts) FROM t")).isEqualTo("TIMESTAMP(3)");
    }

    @Test
    void dateTruncWeekStartsOnMondayAcrossYearsAndBeforeEpoch() {
        assertThat(value("SELECT date_trunc('week', DATE '2021-01-01')")).isEqualTo(date("2020-12-28"));
        assertThat(value("SELECT date_trunc('week', TIMESTAMP '1969-12-31 23:00:00')"))
                .isEqualTo(ts("1969-12-29T00:00"));
        assertThat(value("SELECT date_trunc('hour', TIMESTAMP '1969-12-31 23:59:59.999')"))
                .isEqualTo(ts("1969-12-31T23:00"));
    }

    @Test
    void dateTruncRunsOverRowsWithNulls() {
        assertThat(column("SELECT date_trunc('month', ts) FROM t ORDER BY id"))
                .containsExactly(ts("2024-02-01T00:00"), ts("2023-12-01T00:00"), null);
        assertThat(column("SELECT date_trunc('quarter', d) FROM t ORDER BY id"))
                .containsExactly(date("2024-01-01"), date("2024-01-01"), null);
    }

    @Test
    void dateTruncRejectsUnknownAndTimeUnitsForDates() {
        assertThatThrownBy(() -> value("SELECT date_trunc('decade', TIMESTAMP '2024-02-15 10:11:12')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("'decade' is not a valid Timestamp field");
        assertThatThrownBy(() -> value("SELECT date_trunc('hour', d) FROM t"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("'hour' is not a valid DATE field");
    }

    // ---- date_add

    @Test
    void dateAddFollowsTrinoDocumentation() {
        assertThat(value("SELECT date_add('second', 86, TIMESTAMP '2020-03-01 00:00:00')"))
                .isEqualTo(ts("2020-03-01T00:01:26"));
        assertThat(value("SELECT date_add('hour', 9, TIMESTAMP '2020-03-01 00:00:00')"))
                .isEqualTo(ts("2020-03-01T09:00"));
        assertThat(value("SELECT date_add('day', -1, TIMESTAMP '2020-03-01 00:00:00')"))
                .isEqualTo(ts("2020-02-29T00:00"));
    }

    @Test
    void dateAddOfMonthsClampsToMonthEnd() {
        assertThat(value("SELECT date_add('month', 1, DATE '2024-01-31')")).isEqualTo(date("2024-02-29"));
        assertThat(value("SELECT date_add('month', 1, DATE '2023-01-31')")).isEqualTo(date("2023-02-28"));
        assertThat(value("SELECT date_add('month', -1, TIMESTAMP '2024-03-31 08:00:00')"))
                .isEqualTo(ts("2024-02-29T08:00"));
        assertThat(value("SELECT date_add('quarter', 1, DATE '2024-11-30')")).isEqualTo(date("2025-02-28"));
        assertThat(value("SELECT date_add('year', 1, DATE '2024-02-29')")).isEqualTo(date("2025-02-28"));
        assertThat(value("SELECT date_add('year', 4, DATE '2024-02-29')")).isEqualTo(date("2028-02-29"));
    }

    @Test
    void dateAddOfWeeksAndMillisecondsAndDateType() {
        assertThat(value("SELECT date_add('week', 2, DATE '2024-02-20')")).isEqualTo(date("2024-03-05"));
        assertThat(value("SELECT date_add('millisecond', 1500, TIMESTAMP '2024-01-01 00:00:00')"))
                .isEqualTo(ts("2024-01-01T00:00:01.500"));
        assertThat(type("SELECT date_add('day', 3, DATE '2024-02-20')")).isEqualTo("DATE NOT NULL");
    }

    @Test
    void dateAddRunsOverRowsWithNulls() {
        assertThat(column("SELECT date_add('day', n, d) FROM t ORDER BY id"))
                .containsExactly(date("2024-02-18"), date("2024-01-29"), null);
        assertThat(column("SELECT date_add('month', 1, ts) FROM t ORDER BY id"))
                .containsExactly(ts("2024-03-15T10:11:12.345"), ts("2024-01-31T23:59:59.999"), null);
        assertThat(type("SELECT date_add('month', 1, ts) FROM t")).isEqualTo("TIMESTAMP(3)");
    }

    @Test
    void dateAddRejectsTimeUnitsForDates() {
        assertThatThrownBy(() -> value("SELECT date_add('hour', 1, DATE '2024-01-01')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("'hour' is not a valid DATE field");
    }

    // ---- date_diff

    @Test
    void dateDiffFollowsTrinoDocumentation() {
        assertThat(value("SELECT date_diff('second', TIMESTAMP '2020-03-01 00:00:00', TIMESTAMP '2020-03-02 00:00:00')"))
                .isEqualTo(86400L);
        assertThat(value("SELECT date_diff('hour', TIMESTAMP '2020-03-01 00:00:00', TIMESTAMP '2020-03-02 00:00:00')"))
                .isEqualTo(24L);
        assertThat(value("SELECT date_diff('day', DATE '2020-03-01', DATE '2020-03-02')")).isEqualTo(1L);
        assertThat(value("SELECT date_diff('second', TIMESTAMP '2020-06-01 12:30:45.000', "
                + "TIMESTAMP '2020-06-02 12:30:45.123')")).isEqualTo(86400L);
        assertThat(value("SELECT date_diff('millisecond', TIMESTAMP '2020-06-01 12:30:45.000', "
                + "TIMESTAMP '2020-06-02 12:30:45.123')")).isEqualTo(86400123L);
    }

    @Test
    void dateDiffTruncatesTowardZeroInBothDirections() {
        assertThat(value("SELECT date_diff('day', TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-03 11:59:59')"))
                .isEqualTo(1L);
        assertThat(value("SELECT date_diff('day', TIMESTAMP '2024-01-03 11:59:59', TIMESTAMP '2024-01-01 12:00:00')"))
                .isEqualTo(-1L);
        assertThat(value("SELECT date_diff('week', DATE '2024-01-01', DATE '2024-01-14')")).isEqualTo(1L);
        assertThat(value("SELECT date_diff('hour', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2023-12-31 22:30:00')"))
                .isEqualTo(-1L);
    }

    @Test
    void dateDiffCountsCalendarMonthsWithMonthEnds() {
        assertThat(value("SELECT date_diff('month', DATE '2024-01-31', DATE '2024-02-29')")).isEqualTo(1L);
        assertThat(value("SELECT date_diff('month', DATE '2024-01-31', DATE '2024-02-28')")).isEqualTo(0L);
        assertThat(value("SELECT date_diff('month', DATE '2024-02-29', DATE '2024-03-28')")).isEqualTo(0L);
        assertThat(value("SELECT date_diff('month', DATE '2024-03-31', DATE '2024-02-29')")).isEqualTo(-1L);
        assertThat(value("SELECT date_diff('month', TIMESTAMP '2024-01-15 10:00:00', TIMESTAMP '2024-02-15 09:59:59')"))
                .isEqualTo(0L);
        assertThat(value("SELECT date_diff('quarter', DATE '2024-01-15', DATE '2024-10-14')")).isEqualTo(2L);
        assertThat(value("SELECT date_diff('quarter', DATE '2024-01-15', DATE '2024-10-15')")).isEqualTo(3L);
    }

    @Test
    void dateDiffCountsYearsAcrossLeapDays() {
        assertThat(value("SELECT date_diff('year', DATE '2024-02-29', DATE '2025-02-28')")).isEqualTo(1L);
        assertThat(value("SELECT date_diff('year', DATE '2023-03-01', DATE '2024-02-29')")).isEqualTo(0L);
        assertThat(value("SELECT date_diff('year', DATE '2020-06-01', DATE '2024-05-31')")).isEqualTo(3L);
        assertThat(value("SELECT date_diff('year', DATE '2024-05-31', DATE '2020-06-01')")).isEqualTo(-3L);
    }

    @Test
    void dateDiffMixesDateAndTimestampAndRunsOverRows() {
        assertThat(value("SELECT date_diff('hour', DATE '2024-01-01', TIMESTAMP '2024-01-02 06:00:00')"))
                .isEqualTo(30L);
        assertThat(column("SELECT date_diff('day', d, DATE '2024-03-01') FROM t ORDER BY id"))
                .containsExactly(15L, 30L, null);
        assertThat(type("SELECT date_diff('day', d, DATE '2024-03-01') FROM t")).isEqualTo("BIGINT");
    }

    // ---- date_format / date_parse

    @Test
    void dateFormatFollowsTrinoDocumentation() {
        assertThat(value("SELECT date_format(TIMESTAMP '2022-10-20 05:10:00', '%m-%d-%Y %H')"))
                .isEqualTo("10-20-2022 05");
    }

    @Test
    void dateFormatPrintsEverySpecifier() {
        String sql = "SELECT date_format(TIMESTAMP '2024-03-05 14:07:09.123', "
                + "'%a %b %c %d %e %f %H %h %I %i %j %k %l %M %m %p %r %S %s %T %W %Y %y %v %x %% %q')";
        assertThat(value(sql)).isEqualTo("Tue Mar 3 05 5 123000 14 02 02 07 065 14 2 March 03 PM 02:07:09 PM 09 09 "
                + "14:07:09 Tuesday 2024 24 10 2024 % q");
    }

    @Test
    void dateFormatAcceptsDatesAndNulls() {
        assertThat(value("SELECT date_format(DATE '2024-01-05', '%Y/%m/%d %H:%i')")).isEqualTo("2024/01/05 00:00");
        assertThat(column("SELECT date_format(ts, '%Y-%m-%d %T') FROM t ORDER BY id"))
                .containsExactly("2024-02-15 10:11:12", "2023-12-31 23:59:59", null);
        assertThat(value("SELECT date_format(TIMESTAMP '2024-01-01 00:30:00', '%l:%i %p')")).isEqualTo("12:30 AM");
    }

    @Test
    void dateFormatRejectsUnsupportedSpecifiers() {
        assertThatThrownBy(() -> value("SELECT date_format(TIMESTAMP '2024-01-01 00:00:00', '%U')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("%U not supported in date format string");
    }

    @Test
    void dateParseFollowsTrinoDocumentation() {
        assertThat(value("SELECT date_parse('2022/10/20/05', '%Y/%m/%d/%H')")).isEqualTo(ts("2022-10-20T05:00"));
        assertThat(type("SELECT date_parse('2022/10/20/05', '%Y/%m/%d/%H')")).isEqualTo("TIMESTAMP(3) NOT NULL");
    }

    @Test
    void dateParseReadsNamesTwelveHourClockFractionsAndShortNumbers() {
        assertThat(value("SELECT date_parse('Tue, 5 mar 2024 02:07:09 pm', '%a, %e %b %Y %h:%i:%s %p')"))
                .isEqualTo(ts("2024-03-05T14:07:09"));
        assertThat(value("SELECT date_parse('2024-3-5 7:08:09.123456', '%Y-%m-%d %H:%i:%s.%f')"))
                .isEqualTo(ts("2024-03-05T07:08:09.123"));
        assertThat(value("SELECT date_parse('69-12-31', '%y-%m-%d')")).isEqualTo(ts("2069-12-31T00:00"));
        assertThat(value("SELECT date_parse('70-01-01', '%y-%m-%d')")).isEqualTo(ts("1970-01-01T00:00"));
        assertThat(value("SELECT date_parse('2024-060', '%Y-%j')")).isEqualTo(ts("2024-02-29T00:00"));
        assertThat(value("SELECT date_parse('12:00:00 AM', '%r')")).isEqualTo(ts("1970-01-01T00:00"));
    }

    @Test
    void dateParseRejectsTextThatDoesNotFit() {
        assertThatThrownBy(() -> value("SELECT date_parse('2022-10', '%Y-%m-%d')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("is too short");
        assertThatThrownBy(() -> value("SELECT date_parse('2022-10-20x', '%Y-%m-%d')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("is malformed at \"x\"");
        assertThatThrownBy(() -> value("SELECT date_parse('2023-02-29', '%Y-%m-%d')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Cannot parse");
    }

    // ---- ISO 8601, unix time

    @Test
    void fromIso8601TimestampKeepsTheOffsetAsTheZone() {
        assertThat(value("SELECT from_iso8601_timestamp('2020-05-11T11:15:05')"))
                .isEqualTo("2020-05-11 11:15:05.000 UTC");
        assertThat(value("SELECT from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00')"))
                .isEqualTo("2020-05-11 11:15:05.055 +01:00");
        assertThat(value("SELECT from_iso8601_timestamp('2020-05-11T23:30Z')")).isEqualTo("2020-05-11 23:30:00.000 UTC");
        assertThat(value("SELECT from_iso8601_timestamp('2020-05-11T20:00:00-0530')"))
                .isEqualTo("2020-05-11 20:00:00.000 -05:30");
        assertThat(value("SELECT from_iso8601_timestamp('2020-05-11')")).isEqualTo("2020-05-11 00:00:00.000 UTC");
        assertThat(type("SELECT from_iso8601_timestamp('2020-05-11')")).isEqualTo("TIMESTAMP_TZ(3) NOT NULL");
    }

    @Test
    void fromIso8601DateReadsCalendarWeekAndOrdinalDates() {
        assertThat(value("SELECT from_iso8601_date('2020-05-11')")).isEqualTo(date("2020-05-11"));
        assertThat(value("SELECT from_iso8601_date('2020-W10')")).isEqualTo(date("2020-03-02"));
        assertThat(value("SELECT from_iso8601_date('2020-W10-3')")).isEqualTo(date("2020-03-04"));
        assertThat(value("SELECT from_iso8601_date('2020-123')")).isEqualTo(date("2020-05-02"));
        assertThat(value("SELECT from_iso8601_date('2020-05')")).isEqualTo(date("2020-05-01"));
        assertThatThrownBy(() -> value("SELECT from_iso8601_date('2020-05-11T10:00')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Invalid format");
        assertThatThrownBy(() -> value("SELECT from_iso8601_date('2020-02-30')"))
                .isInstanceOf(GlauxException.class);
    }

    @Test
    void unixTimeConvertsBothWaysInUtc() {
        assertThat(value("SELECT from_unixtime(1700000000)")).isEqualTo("2023-11-14 22:13:20.000 UTC");
        assertThat(value("SELECT from_unixtime(1700000000.5)")).isEqualTo("2023-11-14 22:13:20.500 UTC");
        assertThat(value("SELECT from_unixtime(-1)")).isEqualTo("1969-12-31 23:59:59.000 UTC");
        assertThat(value("SELECT to_unixtime(TIMESTAMP '2023-11-14 22:13:20.250')")).isEqualTo(1700000000.25);
        assertThat(value("SELECT to_unixtime(DATE '1970-01-02')")).isEqualTo(86400.0);
        assertThat(column("SELECT to_unixtime(from_unixtime(x)) FROM t ORDER BY id"))
                .containsExactly(2.5, -0.5, null);
    }

    @Test
    void toIso8601PrintsDatesAndTimestamps() {
        assertThat(value("SELECT to_iso8601(DATE '2020-05-11')")).isEqualTo("2020-05-11");
        assertThat(value("SELECT to_iso8601(TIMESTAMP '2020-05-11 11:15:05.055')")).isEqualTo("2020-05-11T11:15:05.055");
    }

    // ---- fields

    @Test
    void fieldsOfTimestampAndDate() {
        String ts = "TIMESTAMP '2021-01-03 14:07:09.123'";
        assertThat(Arrays.asList(value("SELECT year(" + ts + ")"), value("SELECT quarter(" + ts + ")"),
                value("SELECT month(" + ts + ")"), value("SELECT day(" + ts + ")"), value("SELECT hour(" + ts + ")"),
                value("SELECT minute(" + ts + ")"), value("SELECT second(" + ts + ")"),
                value("SELECT millisecond(" + ts + ")"), value("SELECT day_of_week(" + ts + ")"),
                value("SELECT dow(" + ts + ")"), value("SELECT day_of_year(" + ts + ")"),
                value("SELECT week(" + ts + ")"), value("SELECT year_of_week(" + ts + ")"),
                value("SELECT day_of_month(" + ts + ")")))
                .containsExactly(2021L, 1L, 1L, 3L, 14L, 7L, 9L, 123L, 7L, 7L, 3L, 53L, 2020L, 3L);
        assertThat(value("SELECT week_of_year(DATE '2024-12-30')")).isEqualTo(1L);
        assertThat(value("SELECT yow(DATE '2024-12-30')")).isEqualTo(2025L);
        assertThat(value("SELECT doy(DATE '2024-12-31')")).isEqualTo(366L);
        assertThat(value("SELECT last_day_of_month(DATE '2024-02-10')")).isEqualTo(date("2024-02-29"));
        assertThat(type("SELECT year(DATE '2024-02-10')")).isEqualTo("BIGINT NOT NULL");
        assertThat(column("SELECT month(d) FROM t ORDER BY id")).containsExactly(2L, 1L, null);
    }

    @Test
    void hourOfDateIsATypeError() {
        assertThatThrownBy(() -> value("SELECT hour(DATE '2024-01-01')"))
                .hasMessageContaining("Cannot apply 'hour' to arguments of type");
    }

    @Test
    void nowAndCurrentTimestampAreTheQueryStartAsTimestamp3WithTimeZoneInUtc() {
        // Trino 368 (Athena's session zone is UTC): now() and current_timestamp are timestamp(3) with time zone.
        for (String now : new String[] {"now()", "current_timestamp", "current_timestamp(3)", "CURRENT_TIMESTAMP"}) {
            assertThat(value("SELECT typeof(" + now + ")")).as(now).isEqualTo("timestamp(3) with time zone");
            assertThat(value("SELECT to_iso8601(" + now + ")")).as(now).isEqualTo("2024-03-10T12:34:56.789Z");
        }
        assertThat(value("SELECT timezone_hour(now())")).isEqualTo(0L);
    }

    @Test
    void localClockFunctionsHaveMillisecondPrecisionAndCurrentDateIsADate() {
        assertThat(value("SELECT typeof(localtimestamp)")).isEqualTo("timestamp(3)");
        assertThat(value("SELECT localtimestamp")).isEqualTo(DateTimeFunctions.dateTime(FunctionQueries.NOW));
        assertThat(value("SELECT typeof(localtime)")).isEqualTo("time(3)");
        assertThat(value("SELECT typeof(localtimestamp(0))")).isEqualTo("timestamp(0)");
        assertThat(value("SELECT typeof(current_date)")).isEqualTo("date");
        assertThat(value("SELECT current_date")).isEqualTo(LocalDate.of(2024, 3, 10));
    }

    @Test
    void dateFunctionsTakeZonedNowAndTimestampsTogether() {
        // Trino coerces a timestamp to timestamp with time zone in the session zone (UTC) to mix it with now().
        assertThat(column("SELECT date_diff('day', ts, now()) FROM t ORDER BY id")).containsExactly(24L, 69L, null);
        assertThat(value("SELECT to_iso8601(date_add('day', -7, now()))")).isEqualTo("2024-03-03T12:34:56.789Z");
        assertThat(value("SELECT to_iso8601(date_trunc('day', now()))")).isEqualTo("2024-03-10T00:00:00.000Z");
        assertThat(value("SELECT hour(now())")).isEqualTo(12L);
        assertThat(value("SELECT to_unixtime(now())")).isEqualTo(FunctionQueries.NOW / 1000.0);
    }

    @Test
    void formatDatetimeReadsJodaPatterns() {
        String ts = "TIMESTAMP '2001-08-22 03:04:05.321'";
        assertThat(value("SELECT format_datetime(" + ts + ", 'yyyy-MM-dd HH:mm:ss.SSS')"))
                .isEqualTo("2001-08-22 03:04:05.321");
        assertThat(value("SELECT format_datetime(" + ts + ", 'EEE EEEE MMM MMMM d D a h K k')"))
                .isEqualTo("Wed Wednesday Aug August 22 234 AM 3 3 3");
        assertThat(value("SELECT format_datetime(" + ts + ", 'YY Y xxxx w e G C')"))
                .isEqualTo("01 2001 2001 34 3 AD 20");
        assertThat(value("SELECT format_datetime(" + ts + ", 'Z ZZ ZZZ z')")).isEqualTo("+0000 +00:00 UTC UTC");
        assertThat(value("SELECT format_datetime(" + ts + ", '''at'' HH''''mm SSSSSS')"))
                .isEqualTo("at 03'04 321000");
        assertThat(value("SELECT format_datetime(DATE '2024-12-30', 'xxxx-ww')")).isEqualTo("2025-01");
        assertThat(column("SELECT format_datetime(ts, 'dd.MM.yy') FROM t ORDER BY id"))
                .containsExactly("15.02.24", "31.12.23", null);
        assertThatThrownBy(() -> value("SELECT format_datetime(ts, 'yyyy-qq') FROM t"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Illegal pattern component: qq");
    }

    @Test
    void currentTimezoneIsTheSessionZone() {
        assertThat(value("SELECT current_timezone()")).isEqualTo("UTC");
    }

    @Test
    void dateCastsToDate() {
        assertThat(value("SELECT date('2001-08-22')")).isEqualTo(LocalDate.of(2001, 8, 22));
        assertThat(value("SELECT date(TIMESTAMP '2001-08-22 03:04:05.321')")).isEqualTo(LocalDate.of(2001, 8, 22));
        assertThat(column("SELECT date(ts) FROM t ORDER BY id")).containsExactly(LocalDate.of(2024, 2, 15),
                LocalDate.of(2023, 12, 31), null);
    }
}
