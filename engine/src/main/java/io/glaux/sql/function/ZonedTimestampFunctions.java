package io.glaux.sql.function;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.ZonedTimestamp;
import io.glaux.sql.function.DateTimeFunctions.Unit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeName;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.Arg.TIMESTAMP;
import static io.glaux.sql.function.Arg.ZONED;

/**
 * Trino's {@code timestamp(3) with time zone}: values are {@link ZonedTimestamp}'s packed longs (UTC instant and zone
 * key). Calendar work happens in the value's own zone, as Trino's Joda-Time chronologies do it: units up to the hour
 * are added and counted on the instant (so {@code date_add('hour', 24, ...)} crosses a DST change in 24 real hours),
 * days and longer on the wall clock ({@code date_add('day', 1, ...)} keeps the time of day). Timestamps without a zone
 * are read in the session zone, UTC.
 *
 * <p>Declares the functions only zoned values have; date_add, date_diff, date_trunc, to_iso8601, to_unixtime,
 * format_datetime, from_unixtime and from_iso8601_timestamp bind their zoned signatures to the methods here from
 * {@link DateTimeFunctions}, and field functions (hour, day, ...) read a zoned value's wall clock
 * ({@link #localMillis}).
 */
public final class ZonedTimestampFunctions {
    /** The name the parser gives a {@code TIMESTAMP '... zone'} literal ({@code ParserText}). */
    public static final String LITERAL = "$zoned_timestamp";

    /** The function that puts a UTC wall clock (the query clock) in zone UTC: now() and current_timestamp. */
    static final String UTC_CLOCK = "$utc_clock";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private ZonedTimestampFunctions() {
    }

    static void declare(FunctionRegistry.Builder r) {
        Class<?> z = ZonedTimestampFunctions.class;
        r.define(GlauxFunction.strict(LITERAL, false, Signature.of(z, "literal", ZonedTimestampFunctions::literalType,
                STRING)));
        r.define(GlauxFunction.strict(UTC_CLOCK, false, Signature.of(z, "fromTimestamp", Returns.ZONED_3, TIMESTAMP)));
        ZonedTimeFunctions.declare(r);
        r.define(GlauxFunction.strict("at_timezone", false,
                Signature.of(z, "atTimezone", Returns.ZONED_3, ZONED, STRING),
                Signature.of(z, "atTimezoneOfTimestamp", Returns.ZONED_3, TIMESTAMP, STRING)));
        r.define(GlauxFunction.strict("with_timezone", false,
                Signature.of(z, "withTimezone", Returns.ZONED_3, TIMESTAMP, STRING)));
        r.define(GlauxFunction.strict("timezone_hour", false,
                Signature.of(z, "timezoneHour", Returns.BIGINT, ZONED)));
        r.define(GlauxFunction.strict("timezone_minute", false,
                Signature.of(z, "timezoneMinute", Returns.BIGINT, ZONED)));
        // Glaux's zoned timestamps hold milliseconds: the nanosecond variants keep the first three digits.
        r.define(GlauxFunction.strict("from_iso8601_timestamp_nanos", false,
                Signature.of(z, "fromIso8601Timestamp", Returns.ZONED_3, STRING)));
        r.define(GlauxFunction.strict("from_unixtime_nanos", false,
                Signature.of(z, "fromUnixtimeNanos", Returns.ZONED_3, BIGINT)));
        r.define(GlauxFunction.strict("parse_datetime", false,
                Signature.of(z, "parseDatetime", Returns.ZONED_3, STRING, STRING)));
    }

    // ---- the value's parts

    /** The wall clock of a zoned value, as milliseconds of a timestamp without zone (Trino's cast to timestamp). */
    public static long localMillis(long packed) {
        long millis = ZonedTimestamp.millis(packed);
        return millis + offsetSeconds(packed) * DateTimeFunctions.MILLIS_PER_SECOND;
    }

    /** {@link #localMillis(long)} of a nullable operand, for generated code ({@link Arg#DATETIME}). */
    public static Long wallClockMillis(Long packed) {
        return packed == null ? null : localMillis(packed.longValue());
    }

    private static int offsetSeconds(long packed) {
        ZoneId zone = ZonedTimestamp.zone(packed);
        return zone.getRules().getOffset(Instant.ofEpochMilli(ZonedTimestamp.millis(packed))).getTotalSeconds();
    }

    /** The instant of wall clock {@code local} (milliseconds) in the zone of {@code like}, keeping its zone. */
    private static long atWallClock(long local, long like) {
        ZoneId zone = ZonedTimestamp.zone(like);
        ZoneOffset before = ZoneOffset.ofTotalSeconds(offsetSeconds(like));
        LocalDateTime wall = DateTimeFunctions.dateTime(local);
        long millis = ZonedDateTime.ofLocal(wall, zone, before).toInstant().toEpochMilli();
        return ZonedTimestamp.pack(millis, ZonedTimestamp.zoneKey(like));
    }

    private static int zoneKey(String zone) {
        return ZonedTimestamp.zoneKey(zone).orElseThrow(
                () -> FunctionErrors.invalidArgument("'" + zone + "' is not a valid time zone"));
    }

    // ---- literals and zones

    /** {@code TIMESTAMP '2001-08-22 03:04:05.321 Europe/Paris'}. */
    /** A literal's type: {@code timestamp(p) with time zone}, p its count of fractional digits, as in Trino. */
    private static RelDataType literalType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        int max = types.getTypeSystem().getMaxPrecision(SqlTypeName.TIMESTAMP_TZ);
        String text = binding.isOperandLiteral(0, false) ? binding.getOperandLiteralValue(0, String.class) : null;
        return types.createSqlType(SqlTypeName.TIMESTAMP_TZ, text == null ? 3 : ZonedTimestamp.precision(text, max, 3));
    }

    public static long literal(String text) {
        return ZonedTimestamp.parse(text, 0).orElseThrow(() -> new GlauxException(ErrorType.USER_ERROR,
                TrinoErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid timestamp literal"));
    }

    /** CAST(varchar AS timestamp with time zone): text without a zone is in the session zone. */
    public static long fromVarchar(String text) {
        return ZonedTimestamp.parse(text, 0).orElseThrow(() -> new GlauxException(ErrorType.FUNCTION_ERROR,
                TrinoErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to timestamp with time zone: " + text));
    }

    /** CAST(timestamp AS timestamp with time zone): the wall clock read in the session zone, UTC. */
    public static long fromTimestamp(long millis) {
        return ZonedTimestamp.pack(millis, 0);
    }

    public static long fromDate(int days) {
        return fromTimestamp(days * DateTimeFunctions.MILLIS_PER_DAY);
    }

    /** As Trino casts to varchar: the wall clock with the type's fractional digits, then the zone. */
    public static String toVarchar(long packed, int precision) {
        return Varchars.timestamp(localMillis(packed), precision) + " "
                + ZonedTimestamp.zoneName(ZonedTimestamp.zoneKey(packed));
    }

    public static int toDate(long packed) {
        return (int) Math.floorDiv(localMillis(packed), DateTimeFunctions.MILLIS_PER_DAY);
    }

    /** The instant in milliseconds: what comparisons of zoned values compare. */
    public static long instant(long packed) {
        return ZonedTimestamp.millis(packed);
    }

    public static long atTimezone(long packed, String zone) {
        return ZonedTimestamp.pack(ZonedTimestamp.millis(packed), zoneKey(zone));
    }

    public static long atTimezoneOfTimestamp(long millis, String zone) {
        return atTimezone(fromTimestamp(millis), zone);
    }

    /** with_timezone(timestamp, zone): the same wall clock in {@code zone}. */
    public static long withTimezone(long millis, String zone) {
        int key = zoneKey(zone);
        long instant = ZonedDateTime.ofLocal(DateTimeFunctions.dateTime(millis), ZonedTimestamp.zoneOf(key), null)
                .toInstant().toEpochMilli();
        return ZonedTimestamp.pack(instant, key);
    }

    public static long timezoneHour(long packed) {
        return offsetSeconds(packed) / 3600;
    }

    public static long timezoneMinute(long packed) {
        return offsetSeconds(packed) / 60 % 60;
    }

    // ---- date_trunc, date_add, date_diff

    public static long dateTrunc(String unit, long packed) {
        return atWallClock(DateTimeFunctions.truncate(Unit.forTimestamp(unit), localMillis(packed)), packed);
    }

    public static long dateAdd(String unit, long value, long packed) {
        Unit u = Unit.forTimestamp(unit);
        if (onInstant(u)) {
            return ZonedTimestamp.pack(DateTimeFunctions.add(u, value, ZonedTimestamp.millis(packed)),
                    ZonedTimestamp.zoneKey(packed));
        }
        return atWallClock(DateTimeFunctions.add(u, value, localMillis(packed)), packed);
    }

    /** Whole units from a to b; days and longer on the wall clocks in a's zone. */
    public static long dateDiff(String unit, long a, long b) {
        Unit u = Unit.forTimestamp(unit);
        if (onInstant(u)) {
            return DateTimeFunctions.diff(u, ZonedTimestamp.millis(a), ZonedTimestamp.millis(b));
        }
        long bInAsZone = ZonedTimestamp.pack(ZonedTimestamp.millis(b), ZonedTimestamp.zoneKey(a));
        return DateTimeFunctions.diff(u, localMillis(a), localMillis(bInAsZone));
    }

    private static boolean onInstant(Unit unit) {
        return unit.millis != 0 && unit.millis < DateTimeFunctions.MILLIS_PER_DAY;
    }

    // ---- interval arithmetic (ZonedCasts)

    /** Plus an interval: milliseconds move the instant; months ({@code yearMonth}) the wall clock. */
    public static long plusInterval(long packed, long interval, boolean yearMonth) {
        return yearMonth ? atWallClock(DateTimeFunctions.add(Unit.MONTH, interval, localMillis(packed)), packed)
                : ZonedTimestamp.pack(Math.addExact(ZonedTimestamp.millis(packed), interval),
                        ZonedTimestamp.zoneKey(packed));
    }

    public static long minusInterval(long packed, long interval, boolean yearMonth) {
        return plusInterval(packed, Math.negateExact(interval), yearMonth);
    }

    // ---- conversions

    public static double toUnixtime(long packed) {
        return ZonedTimestamp.millis(packed) / (double) DateTimeFunctions.MILLIS_PER_SECOND;
    }

    /** {@code 2020-05-11T11:15:05.055+01:00}; {@code Z} in UTC. */
    public static String toIso8601(long packed) {
        return ISO.format(ZonedTimestamp.toZonedDateTime(packed));
    }

    public static String formatDatetime(long packed, String pattern) {
        ZonedDateTime t = ZonedTimestamp.toZonedDateTime(packed);
        return JodaDateFormat.format(t, pattern);
    }

    public static long parseDatetime(String text, String pattern) {
        return of(JodaDateFormat.parseDateTime(text, pattern));
    }

    public static long fromIso8601Timestamp(String text) {
        return of(Iso8601.parseZoned(text));
    }

    public static long fromUnixtime(double seconds) {
        return ZonedTimestamp.pack(DateTimeFunctions.fromUnixtime(seconds), 0);
    }

    public static long fromUnixtimeNanos(long nanos) {
        return ZonedTimestamp.pack(Math.floorDiv(nanos, 1_000_000L), 0);
    }

    public static long fromUnixtimeInZone(double seconds, String zone) {
        return ZonedTimestamp.pack(DateTimeFunctions.fromUnixtime(seconds), zoneKey(zone));
    }

    public static long fromUnixtimeWithOffset(double seconds, long hours, long minutes) {
        long total = hours * 60 + minutes;
        String offset = (total < 0 ? "-" : "+") + String.format("%02d:%02d", Math.abs(total) / 60,
                Math.abs(total) % 60);
        int key = ZonedTimestamp.zoneKey(offset).orElseThrow(() -> FunctionErrors.invalidArgument(
                "Invalid offset minutes " + total));
        return ZonedTimestamp.pack(DateTimeFunctions.fromUnixtime(seconds), key);
    }

    private static long of(ZonedDateTime t) {
        try {
            return ZonedTimestamp.of(t);
        } catch (DateTimeException e) {
            throw FunctionErrors.invalidArgument(e.getMessage());
        }
    }
}
