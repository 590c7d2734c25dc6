package io.glaux.sql.function;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.DATE;
import static io.glaux.sql.function.Arg.DATETIME;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.Arg.TIMESTAMP;
import static io.glaux.sql.function.Arg.WALL_CLOCK;
import static io.glaux.sql.function.Arg.ZONED;

/**
 * Trino's date and time functions over Calcite's internal values: DATE = {@code int} days since 1970-01-01,
 * TIMESTAMP = {@code long} milliseconds since 1970-01-01T00:00 (no time zone; Glaux works in UTC). Operands declared
 * {@link Arg#DATETIME} arrive as milliseconds whether the SQL value was a date, a timestamp or a timestamp with time
 * zone (its wall clock); {@link Arg#WALL_CLOCK} takes timestamps of either kind. Zoned signatures are
 * {@link ZonedTimestampFunctions}'.
 */
public final class DateTimeFunctions {
    static final long MILLIS_PER_SECOND = 1000L;
    static final long MILLIS_PER_MINUTE = 60_000L;
    static final long MILLIS_PER_HOUR = 3_600_000L;
    static final long MILLIS_PER_DAY = 86_400_000L;
    /** The zone Glaux's timestamps are read in (QueryDataContext's time zone). */
    static final String SESSION_ZONE = "UTC";

    private DateTimeFunctions() {
    }

    /** Declares the date and time functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> dt = DateTimeFunctions.class;
        Class<?> z = ZonedTimestampFunctions.class;
        r.define(GlauxFunction.strict("date_trunc", false,
                Signature.of(dt, "dateTruncDate", Returns.DATE, STRING, DATE),
                Signature.of(dt, "dateTruncTimestamp", ReturnTypes.ARG1, STRING, TIMESTAMP),
                Signature.of(z, "dateTrunc", ReturnTypes.ARG1, STRING, ZONED)));
        r.define(GlauxFunction.strict("date_add", false,
                Signature.of(dt, "dateAddDate", Returns.DATE, STRING, BIGINT, DATE),
                Signature.of(dt, "dateAddTimestamp", ReturnTypes.ARG2, STRING, BIGINT, TIMESTAMP),
                Signature.of(z, "dateAdd", ReturnTypes.ARG2, STRING, BIGINT, ZONED)));
        r.define(GlauxFunction.strict("date_diff", false,
                Signature.of(dt, "dateDiffDate", Returns.BIGINT, STRING, DATE, DATE),
                Signature.of(z, "dateDiff", Returns.BIGINT, STRING, ZONED, ZONED),
                Signature.of(dt, "dateDiffTimestamp", Returns.BIGINT, STRING, DATETIME, DATETIME)));
        r.define(GlauxFunction.strict("date_format", false,
                Signature.of(dt, "dateFormat", Returns.VARCHAR, DATETIME, STRING)));
        r.define(GlauxFunction.strict("date_parse", false,
                Signature.of(dt, "dateParse", Returns.TIMESTAMP_3, STRING, STRING)));
        r.define(GlauxFunction.strict("from_iso8601_timestamp", false,
                Signature.of(z, "fromIso8601Timestamp", Returns.ZONED_3, STRING)));
        r.define(GlauxFunction.strict("from_iso8601_date", false,
                Signature.of(dt, "fromIso8601Date", Returns.DATE, STRING)));
        r.define(GlauxFunction.strict("to_iso8601", false,
                Signature.of(dt, "toIso8601Date", Returns.VARCHAR, DATE),
                Signature.of(dt, "toIso8601Timestamp", Returns.VARCHAR, TIMESTAMP),
                Signature.of(z, "toIso8601", Returns.VARCHAR, ZONED)));
        r.define(GlauxFunction.strict("from_unixtime", false,
                Signature.of(z, "fromUnixtime", Returns.ZONED_3, DOUBLE),
                Signature.of(z, "fromUnixtimeInZone", Returns.ZONED_3, DOUBLE, STRING),
                Signature.of(z, "fromUnixtimeWithOffset", Returns.ZONED_3, DOUBLE, BIGINT, BIGINT)));
        r.define(GlauxFunction.strict("to_unixtime", false,
                Signature.of(z, "toUnixtime", Returns.DOUBLE, ZONED),
                Signature.of(dt, "toUnixtime", Returns.DOUBLE, DATETIME)));
        r.define(GlauxFunction.strict("last_day_of_month", false,
                Signature.of(dt, "lastDayOfMonth", Returns.DATE, DATETIME)));
        r.define(GlauxFunction.strict("year", false, Signature.of(dt, "year", Returns.BIGINT, DATETIME)));
        r.define(GlauxFunction.strict("quarter", false, Signature.of(dt, "quarter", Returns.BIGINT, DATETIME)));
        r.define(GlauxFunction.strict("month", false, Signature.of(dt, "month", Returns.BIGINT, DATETIME)));
        r.define(GlauxFunction.strict("week", false, Signature.of(dt, "week", Returns.BIGINT, DATETIME)),
                "week_of_year");
        r.define(GlauxFunction.strict("year_of_week", false, Signature.of(dt, "yearOfWeek", Returns.BIGINT,
                DATETIME)), "yow");
        r.define(GlauxFunction.strict("day", false, Signature.of(dt, "day", Returns.BIGINT, DATETIME)), "day_of_month");
        r.define(GlauxFunction.strict("day_of_week", false, Signature.of(dt, "dayOfWeek", Returns.BIGINT, DATETIME)),
                "dow");
        r.define(GlauxFunction.strict("day_of_year", false, Signature.of(dt, "dayOfYear", Returns.BIGINT, DATETIME)),
                "doy");
        r.define(GlauxFunction.strict("hour", false, Signature.of(dt, "hour", Returns.BIGINT, WALL_CLOCK)));
        r.define(GlauxFunction.strict("minute", false, Signature.of(dt, "minute", Returns.BIGINT, WALL_CLOCK)));
        r.define(GlauxFunction.strict("second", false, Signature.of(dt, "second", Returns.BIGINT, WALL_CLOCK)));
        r.define(GlauxFunction.strict("millisecond", false, Signature.of(dt, "millisecond", Returns.BIGINT,
                WALL_CLOCK)));
        r.define(GlauxFunction.strict("format_datetime", false,
                Signature.of(z, "formatDatetime", Returns.VARCHAR, ZONED, STRING),
                Signature.of(dt, "formatDatetime", Returns.VARCHAR, DATETIME, STRING)));
        r.define(GlauxFunction.strict("current_timezone", false,
                Signature.of(dt, "currentTimezone", Returns.VARCHAR)));
        // date(x) is CAST(x AS DATE) in Trino.
        r.bind("date", (call, operands, pos) -> operands.size() != 1 ? call
                : SqlStdOperatorTable.CAST.createCall(pos, operands.get(0),
                        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DATE, pos), pos)));
        // Trino's now() and current_timestamp are timestamp(3) with time zone in the session zone (UTC): the query's
        // start, read from the query clock as the UTC wall clock (localtimestamp) and put in zone UTC. Glaux's zoned
        // values hold milliseconds, so current_timestamp(p) is timestamp(3) with time zone too.
        FunctionRegistry.Binding zonedNow = (call, operands, pos) -> TrinoFunctions.function(
                ZonedTimestampFunctions.UTC_CLOCK).createCall(pos, clock(SqlStdOperatorTable.LOCALTIMESTAMP, pos));
        r.bind("now", zonedNow);
        r.bind("current_timestamp", zonedNow);
        // current_time is time(3) with time zone at the session zone's offset (+00:00), the query's start.
        r.bind("current_time", (call, operands, pos) -> TrinoFunctions.function(ZonedTimeFunctions.UTC_CLOCK)
                .createCall(pos, clock(SqlStdOperatorTable.LOCALTIME, pos)));
        // localtimestamp is timestamp(3), localtime time(3) (Calcite's default precision is 0); an explicit
        // precision is kept, which also makes the binding idempotent.
        r.bind("localtimestamp", (call, operands, pos) -> operands.isEmpty()
                ? clock(SqlStdOperatorTable.LOCALTIMESTAMP, pos) : call);
        r.bind("localtime", (call, operands, pos) -> operands.isEmpty()
                ? clock(SqlStdOperatorTable.LOCALTIME, pos) : call);
    }

    /**
     * The call an unquoted clock keyword without parentheses stands for (the parser leaves {@code current_timestamp},
     * {@code localtimestamp}, {@code localtime} as identifiers), so that its binding applies; null for other names.
     */
    static SqlCall clockCall(SqlIdentifier id) {
        if (!id.isSimple() || id.isComponentQuoted(0)) {
            return null;
        }
        SqlOperator clock = switch (id.getSimple().toUpperCase(Locale.ROOT)) {
            case "CURRENT_TIMESTAMP" -> SqlStdOperatorTable.CURRENT_TIMESTAMP;
            case "CURRENT_TIME" -> SqlStdOperatorTable.CURRENT_TIME;
            case "LOCALTIMESTAMP" -> SqlStdOperatorTable.LOCALTIMESTAMP;
            case "LOCALTIME" -> SqlStdOperatorTable.LOCALTIME;
            default -> null;
        };
        return clock == null ? null : clock.createCall(id.getParserPosition());
    }

    /** A call of a clock function at millisecond precision. */
    private static SqlCall clock(SqlOperator clock, SqlParserPos pos) {
        return clock.createCall(pos, SqlLiteral.createExactNumeric("3", pos));
    }

    /** The units of date_trunc, date_add and date_diff. */
    enum Unit {
        MILLISECOND(1), SECOND(MILLIS_PER_SECOND), MINUTE(MILLIS_PER_MINUTE), HOUR(MILLIS_PER_HOUR),
        DAY(MILLIS_PER_DAY), WEEK(7 * MILLIS_PER_DAY), MONTH(0), QUARTER(0), YEAR(0);

        /** Fixed length in milliseconds; 0 for calendar units. */
        final long millis;

        Unit(long millis) {
            this.millis = millis;
        }

        static Unit forTimestamp(String unit) {
            try {
                return valueOf(unit.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw FunctionErrors.invalidArgument("'" + unit + "' is not a valid Timestamp field");
            }
        }

        static Unit forDate(String unit) {
            Unit u;
            try {
                u = valueOf(unit.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                u = null;
            }
            if (u == null || u.compareTo(DAY) < 0) {
                throw FunctionErrors.invalidArgument("'" + unit + "' is not a valid DATE field");
            }
            return u;
        }
    }

    // ---- date_trunc

    public static long dateTruncTimestamp(String unit, long ts) {
        return truncate(Unit.forTimestamp(unit), ts);
    }

    public static int dateTruncDate(String unit, int days) {
        return (int) Math.floorDiv(truncate(Unit.forDate(unit), days * MILLIS_PER_DAY), MILLIS_PER_DAY);
    }

    static long truncate(Unit unit, long ts) {
        switch (unit) {
            case MILLISECOND:
            case SECOND:
            case MINUTE:
            case HOUR:
            case DAY:
                return Math.floorDiv(ts, unit.millis) * unit.millis;
            case WEEK: {
                long days = Math.floorDiv(ts, MILLIS_PER_DAY);
                return (days - Math.floorMod(days + 3, 7)) * MILLIS_PER_DAY; // 1970-01-01 was a Thursday
            }
            default: {
                LocalDate d = date(ts);
                switch (unit) {
                    case MONTH:
                        d = d.withDayOfMonth(1);
                        break;
                    case QUARTER:
                        d = LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
                        break;
                    default:
                        d = d.withDayOfYear(1);
                        break;
                }
                return d.toEpochDay() * MILLIS_PER_DAY;
            }
        }
    }

    // ---- date_add

    public static long dateAddTimestamp(String unit, long value, long ts) {
        return add(Unit.forTimestamp(unit), value, ts);
    }

    public static int dateAddDate(String unit, long value, int days) {
        return (int) Math.floorDiv(add(Unit.forDate(unit), value, days * MILLIS_PER_DAY), MILLIS_PER_DAY);
    }

    static long add(Unit unit, long value, long ts) {
        if (unit.millis != 0) {
            return Math.addExact(ts, Math.multiplyExact(value, unit.millis));
        }
        LocalDateTime t = dateTime(ts);
        switch (unit) {
            case MONTH:
                t = t.plusMonths(value);
                break;
            case QUARTER:
                t = t.plusMonths(Math.multiplyExact(value, 3L));
                break;
            default:
                t = t.plusYears(value);
                break;
        }
        return millis(t);
    }

    // ---- date_diff: whole units from a to b, as Joda-Time's field differences (which Trino uses)

    public static long dateDiffTimestamp(String unit, long a, long b) {
        return diff(Unit.forTimestamp(unit), a, b);
    }

    public static long dateDiffDate(String unit, int a, int b) {
        return diff(Unit.forDate(unit), a * MILLIS_PER_DAY, b * MILLIS_PER_DAY);
    }

    static long diff(Unit unit, long a, long b) {
        switch (unit) {
            case MONTH:
                return monthsBetween(a, b);
            case QUARTER:
                return monthsBetween(a, b) / 3;
            case YEAR:
                return yearsBetween(a, b);
            default:
                return Math.subtractExact(b, a) / unit.millis;
        }
    }

    /**
     * Whole months from {@code from} to {@code to}: a month counts once the same day-of-month and time is reached,
     * where a day past the end of a shorter month counts as its last day (Jan 31 to Feb 29 is one month).
     */
    static long monthsBetween(long from, long to) {
        if (to < from) {
            return -monthsBetween(to, from);
        }
        LocalDateTime f = dateTime(from);
        LocalDateTime t = dateTime(to);
        long months = (t.getYear() - (long) f.getYear()) * 12 + t.getMonthValue() - f.getMonthValue();
        int toDay = t.getDayOfMonth();
        if (toDay == t.toLocalDate().lengthOfMonth() && f.getDayOfMonth() > toDay) {
            f = f.withDayOfMonth(toDay);
        }
        long toRemainder = to - millis(t.withDayOfMonth(1).toLocalDate().atStartOfDay());
        long fromRemainder = millis(f) - millis(f.withDayOfMonth(1).toLocalDate().atStartOfDay());
        return toRemainder < fromRemainder ? months - 1 : months;
    }

    /** Whole years from {@code from} to {@code to}, balancing February 29 as Joda-Time does. */
    static long yearsBetween(long from, long to) {
        if (to < from) {
            return -yearsBetween(to, from);
        }
        LocalDateTime f = dateTime(from);
        LocalDateTime t = dateTime(to);
        long toRemainder = to - millis(LocalDate.of(t.getYear(), 1, 1).atStartOfDay());
        long fromRemainder = from - millis(LocalDate.of(f.getYear(), 1, 1).atStartOfDay());
        long feb29 = 59 * MILLIS_PER_DAY;
        if (fromRemainder >= feb29) {
            boolean fromLeap = f.toLocalDate().isLeapYear();
            boolean toLeap = t.toLocalDate().isLeapYear();
            if (fromLeap && !toLeap) {
                fromRemainder -= MILLIS_PER_DAY;
            } else if (!fromLeap && toLeap) {
                toRemainder -= MILLIS_PER_DAY;
            }
        }
        long years = t.getYear() - (long) f.getYear();
        return toRemainder < fromRemainder ? years - 1 : years;
    }

    // ---- fields (DATE or TIMESTAMP as milliseconds)

    public static long year(long ts) {
        return date(ts).getYear();
    }

    public static long quarter(long ts) {
        return (date(ts).getMonthValue() - 1) / 3 + 1;
    }

    public static long month(long ts) {
        return date(ts).getMonthValue();
    }

    public static long week(long ts) {
        return date(ts).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public static long yearOfWeek(long ts) {
        return date(ts).get(IsoFields.WEEK_BASED_YEAR);
    }

    public static long day(long ts) {
        return date(ts).getDayOfMonth();
    }

    public static long dayOfWeek(long ts) {
        return date(ts).getDayOfWeek().getValue();
    }

    public static long dayOfYear(long ts) {
        return date(ts).getDayOfYear();
    }

    public static long hour(long ts) {
        return Math.floorMod(ts, MILLIS_PER_DAY) / MILLIS_PER_HOUR;
    }

    public static long minute(long ts) {
        return Math.floorMod(ts, MILLIS_PER_HOUR) / MILLIS_PER_MINUTE;
    }

    public static long second(long ts) {
        return Math.floorMod(ts, MILLIS_PER_MINUTE) / MILLIS_PER_SECOND;
    }

    public static long millisecond(long ts) {
        return Math.floorMod(ts, MILLIS_PER_SECOND);
    }

    public static int lastDayOfMonth(long ts) {
        return (int) date(ts).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay();
    }

    // ---- conversions

    public static long fromUnixtime(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw FunctionErrors.invalidArgument("Invalid unix time: " + seconds);
        }
        return Math.round(seconds * MILLIS_PER_SECOND);
    }

    public static double toUnixtime(long ts) {
        return ts / (double) MILLIS_PER_SECOND;
    }

    public static String toIso8601Date(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    public static String toIso8601Timestamp(long ts) {
        return ISO_MILLIS.format(dateTime(ts));
    }

    public static int fromIso8601Date(String text) {
        return Iso8601.parseDate(text);
    }

    public static String dateFormat(long ts, String format) {
        return MySqlDateFormat.of(format).format(dateTime(ts));
    }

    public static long dateParse(String text, String format) {
        return millis(MySqlDateFormat.of(format).parse(text));
    }

    // ---- helpers

    /** A DATE operand given to a timestamp parameter (see {@link Arg#DATETIME}): days to milliseconds. */
    /** format_datetime(ts, pattern): Joda-Time's pattern letters, see {@link JodaDateFormat}. */
    public static String formatDatetime(long ts, String pattern) {
        return JodaDateFormat.format(LocalDateTime.ofEpochSecond(Math.floorDiv(ts, MILLIS_PER_SECOND),
                (int) Math.floorMod(ts, MILLIS_PER_SECOND) * 1_000_000, ZoneOffset.UTC), pattern);
    }

    /** The session time zone: Glaux runs every query in UTC (its DataContext's zone). */
    public static String currentTimezone() {
        return SESSION_ZONE;
    }

    public static Long daysToMillis(Integer days) {
        return days == null ? null : days * MILLIS_PER_DAY;
    }

    static LocalDate date(long ts) {
        return LocalDate.ofEpochDay(Math.floorDiv(ts, MILLIS_PER_DAY));
    }

    static LocalDateTime dateTime(long ts) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ts), ZoneOffset.UTC);
    }

    static long millis(LocalDateTime t) {
        return t.toLocalDate().toEpochDay() * MILLIS_PER_DAY + t.toLocalTime().getLong(ChronoField.MILLI_OF_DAY);
    }
}
