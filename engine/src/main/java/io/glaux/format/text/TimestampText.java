package io.glaux.format.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as text: {@code yyyy-MM-dd HH:mm:ss[.f...]}, the ISO form with {@code T}, seconds optional, an optional
 * zone ({@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}) that shifts the value to UTC, or a date alone
 * (midnight). The fraction is rounded HALF_UP to milliseconds. Written back as {@code yyyy-MM-dd HH:mm:ss.SSS}.
 */
public final class TimestampText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private TimestampText() {
    }

    /** Milliseconds since 1970-01-01T00:00 of the local date-time written in {@code text}. */
    public static long parseMillis(String text) {
        int timeStart = text.indexOf(' ') >= 0 ? text.indexOf(' ') : text.indexOf('T');
        String datePart = timeStart < 0 ? text : text.substring(0, timeStart);
        long days = TextValueParser.parseDate(datePart);
        if (timeStart < 0) {
            return days * 86_400_000L;
        }
        int end = text.length();
        int offsetSeconds = 0;
        int zoneAt = zoneStart(text, timeStart + 1);
        if (zoneAt >= 0) {
            offsetSeconds = parseOffset(text, zoneAt);
            end = zoneAt;
        }
        int pos = timeStart + 1;
        long hour = field(text, pos, end, "hour");
        pos += 2;
        expect(text, pos++, ':', end);
        long minute = field(text, pos, end, "minute");
        pos += 2;
        long second = 0;
        long fractionMillis = 0;
        if (pos < end) {
            expect(text, pos++, ':', end);
            second = field(text, pos, end, "second");
            pos += 2;
            if (pos < end) {
                expect(text, pos++, '.', end);
                TextValueParser.digits(text, pos, end, 1, 9, "timestamp");
                fractionMillis = new BigDecimal("0." + text.substring(pos, end)).movePointRight(3)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                pos = end;
            }
        }
        if (pos != end || hour > 23 || minute > 59 || second > 59) {
            throw TextValueParser.invalid(text, "timestamp");
        }
        long secondsOfDay = hour * 3600 + minute * 60 + second - offsetSeconds;
        return days * 86_400_000L + secondsOfDay * 1000 + fractionMillis;
    }

    private static int zoneStart(String text, int from) {
        if (text.endsWith("Z")) {
            return text.length() - 1;
        }
        for (int i = text.length() - 1; i > from; i--) {
            char c = text.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static int parseOffset(String text, int at) {
        if (text.charAt(at) == 'Z') {
            return 0;
        }
        String offset = text.substring(at);
        try {
            return ZoneOffset.of(offset.length() == 5 && offset.indexOf(':') < 0
                    ? offset.substring(0, 3) + ":" + offset.substring(3) : offset).getTotalSeconds();
        } catch (DateTimeException e) {
            throw TextValueParser.invalid(text, "timestamp");
        }
    }

    private static long field(String text, int pos, int end, String name) {
        if (pos + 2 > end) {
            throw TextValueParser.invalid(text, "timestamp");
        }
        return TextValueParser.digits(text, pos, pos + 2, 2, 2, "timestamp");
    }

    private static void expect(String text, int pos, char c, int end) {
        if (pos >= end || text.charAt(pos) != c) {
            throw TextValueParser.invalid(text, "timestamp");
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static String format(long millis) {
        return FORMAT.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC));
    }

    /** {@code yyyy-MM-dd}. */
    public static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }
}
