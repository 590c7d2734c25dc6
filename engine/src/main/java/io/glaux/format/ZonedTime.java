package io.glaux.format;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code time(p) with time zone} value as one {@code long}: its instant, the wall clock less the offset in
 * milliseconds of the day (modulo a day), shifted left by {@link ZonedTimestamp#ZONE_BITS}, with the offset's zone key
 * of {@link ZonedTimestamp} in the low bits (Trino's time with time zone holds an offset, never a region). Ordering the
 * packed values orders the instants, as Trino orders them; two values are equal when their instants are
 * ({@code 10:00:00+02:00} equals {@code 08:00:00+00:00}), so equality must use {@link #instant}.
 */
public final class ZonedTime {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Pattern LITERAL = Pattern.compile(
            "\\s*(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)\\s*");

    private ZonedTime() {
    }

    /** The value of wall clock {@code localMillis} (of the day) at {@code offsetMinutes}. */
    public static long pack(long localMillis, int offsetMinutes) {
        return pack(localMillis, offsetMinutes, ZonedTimestamp.zoneKey(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
    }

    private static long pack(long localMillis, int offsetMinutes, int zoneKey) {
        long instant = Math.floorMod(localMillis - offsetMinutes * 60_000L, MILLIS_PER_DAY);
        return (instant << ZonedTimestamp.ZONE_BITS) | zoneKey;
    }

    /** The wall clock, in milliseconds of the day. */
    public static long localMillis(long packed) {
        return Math.floorMod(instant(packed) + offsetMinutes(packed) * 60_000L, MILLIS_PER_DAY);
    }

    public static int offsetMinutes(long packed) {
        return ((ZoneOffset) ZonedTimestamp.zoneOf(ZonedTimestamp.zoneKey(packed))).getTotalSeconds() / 60;
    }

    /** The instant in UTC, milliseconds of the day: what Trino compares and hashes. */
    public static long instant(long packed) {
        return packed >> ZonedTimestamp.ZONE_BITS;
    }

    /** As Trino prints it: {@code 10:00:00.123+02:00}, with {@code precision} fractional digits. */
    public static String format(long packed, int precision) {
        long millis = localMillis(packed);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%02d:%02d:%02d", millis / 3_600_000,
                millis / 60_000 % 60, millis / 1000 % 60));
        if (precision > 0) {
            String fraction = String.format(Locale.ROOT, "%03d", millis % 1000) + "0".repeat(Math.max(0, precision - 3));
            text.append('.').append(fraction, 0, precision);
        }
        int offset = offsetMinutes(packed);
        return text.append(String.format(Locale.ROOT, "%s%02d:%02d", offset < 0 ? "-" : "+", Math.abs(offset) / 60,
                Math.abs(offset) % 60)).toString();
    }

    /**
     * A time with an offset as Trino reads its literals and casts from varchar: {@code H:mm[:ss[.fff]] +hh:mm} (the
     * space optional). Fractions past milliseconds are rounded half up. Empty if the text is not one.
     */
    public static Optional<Long> parse(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        Optional<Integer> key = ZonedTimestamp.zoneKey(m.group(5));
        if (hour > 23 || minute > 59 || second > 59 || key.isEmpty()) {
            return Optional.empty();
        }
        long fractionMillis = 0;
        if (m.group(4) != null) {
            fractionMillis = (Long.parseLong((m.group(4) + "000").substring(0, 4)) + 5) / 10;
        }
        long local = ((hour * 60L + minute) * 60 + second) * 1000 + fractionMillis;
        int offsetMinutes = ((ZoneOffset) ZonedTimestamp.zoneOf(key.get())).getTotalSeconds() / 60;
        return Optional.of(pack(local, offsetMinutes, key.get()));
    }

    /** The count of fractional digits of a literal, at most {@code max}; {@code fallback} if the text is no literal. */
    public static int precision(String text, int max, int fallback) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return fallback;
        }
        return m.group(4) == null ? 0 : Math.min(m.group(4).length(), max);
    }

    /** Whether {@code text} is a time with an offset: a time literal that is {@code time with time zone}. */
    public static boolean hasZone(String text) {
        return LITERAL.matcher(text).matches();
    }
}
