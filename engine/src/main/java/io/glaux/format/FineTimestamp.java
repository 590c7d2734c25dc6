package io.glaux.format;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code timestamp(p)} value as one {@code long} in the unit its precision needs, as Trino holds them: milliseconds
 * since 1970 for p up to 3 (what Calcite's timestamps hold), microseconds for p from 4 to 6, nanoseconds for p from 7
 * to 9. A nanosecond value reaches from 1677-09-21 to 2262-04-11; Trino's timestamp(9) reaches further.
 *
 * <p>A value is kept at its precision: a timestamp(5) is a whole number of ten microseconds. Reducing the precision
 * rounds half up, as Trino's casts do.
 */
public final class FineTimestamp {

    /** The largest precision whose values are milliseconds. */
    public static final int MILLIS_PRECISION = 3;
    public static final int MAX_PRECISION = 9;

    private static final Pattern TEXT = Pattern.compile(
            "\\s*(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?: (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?)?\\s*");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private FineTimestamp() {
    }

    /** Whether a timestamp(p) holds a unit finer than the millisecond. */
    public static boolean isFine(int precision) {
        return precision > MILLIS_PRECISION;
    }

    /** The digits of a second that a value of {@code precision} counts in: 3, 6 or 9. */
    public static int unitDigits(int precision) {
        return precision <= MILLIS_PRECISION ? 3 : precision <= 6 ? 6 : 9;
    }

    /** Units of a timestamp(p) value in one millisecond: 1, 1,000 or 1,000,000. */
    public static long perMilli(int precision) {
        return POWERS_OF_TEN[unitDigits(precision) - MILLIS_PRECISION];
    }

    /** Units of a timestamp(p) value in one second. */
    public static long perSecond(int precision) {
        return POWERS_OF_TEN[unitDigits(precision)];
    }

    /**
     * A value of precision {@code from} as a value of precision {@code to}: multiplied into a finer unit, divided into
     * a coarser one, and rounded half up to {@code to}'s digits when {@code to} keeps fewer digits than {@code from}.
     *
     * @throws ArithmeticException if the value does not fit the finer unit
     */
    public static long rescale(long value, int from, int to) {
        if (to >= from) {
            return Math.multiplyExact(value, perMilli(to) / perMilli(from));
        }
        long step = POWERS_OF_TEN[unitDigits(from) - Math.max(to, 0)];
        long rounded = Math.floorDiv(value + step / 2, step) * step;
        return rounded / (perMilli(from) / perMilli(to));
    }

    /** The millisecond a value falls in (rounded down): what its date, hour, ..., millisecond fields are read from. */
    public static long floorMillis(long value, int precision) {
        return Math.floorDiv(value, perMilli(precision));
    }

    /** What a value holds below the millisecond, in its own unit (0 to {@link #perMilli} - 1). */
    public static long belowMillis(long value, int precision) {
        return Math.floorMod(value, perMilli(precision));
    }

    /** {@code 2020-06-02 12:30:45.123456} with {@code precision} fractional digits (none for precision 0). */
    public static String format(long value, int precision) {
        long perSecond = perSecond(precision);
        String text = LocalDateTime.ofEpochSecond(Math.floorDiv(value, perSecond), 0, ZoneOffset.UTC).format(SECONDS);
        if (precision <= 0) {
            return text;
        }
        String fraction = Long.toString(perSecond + Math.floorMod(value, perSecond)).substring(1);
        return text + "." + fraction.substring(0, precision);
    }

    /**
     * A timestamp's text ({@code 2020-06-02 12:30:45.123456789}: date, then optionally time and up to twelve
     * fractional digits) as a value of {@code precision}, rounded half up to its digits; empty if the text is no
     * timestamp.
     *
     * @throws ArithmeticException if the value does not fit the unit
     */
    public static OptionalLong parse(String text, int precision) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        LocalDateTime wallClock;
        try {
            wallClock = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atTime(group(m, 4), group(m, 5), group(m, 6));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        // Twelve fractional digits, rounded half up to the precision's (a carry moves to the next second).
        long fraction = Long.parseLong(((m.group(7) == null ? "" : m.group(7)) + "000000000000").substring(0, 12));
        long step = POWERS_OF_TEN[12 - Math.max(precision, 0)];
        fraction = (fraction + step / 2) / step * step;
        long units = fraction / POWERS_OF_TEN[12 - unitDigits(precision)];
        return OptionalLong.of(Math.addExact(Math.multiplyExact(wallClock.toEpochSecond(ZoneOffset.UTC),
                perSecond(precision)), units));
    }

    private static int group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }
}
