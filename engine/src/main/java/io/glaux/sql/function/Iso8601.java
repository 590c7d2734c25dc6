package io.glaux.sql.function;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 text as Trino's from_iso8601_timestamp / from_iso8601_date read it: calendar dates ({@code 2020},
 * {@code 2020-05}, {@code 2020-05-11}), week dates ({@code 2020-W10}, {@code 2020-W10-3}), ordinal dates
 * ({@code 2020-123}); timestamps add {@code T} and a time ({@code 11}, {@code 11:15}, {@code 11:15:05},
 * {@code 11:15:05.055}) and an optional offset ({@code Z}, {@code +01}, {@code +01:00}, {@code +0100}). Text without
 * an offset is in UTC (Athena's session zone). from_iso8601_timestamp keeps the offset as the value's zone.
 */
final class Iso8601 {
    private static final String DATE =
            "([+-]?\\d{4,})(?:-(\\d{2})(?:-(\\d{2}))?|-W(\\d{2})(?:-(\\d))?|-(\\d{3}))?";
    private static final Pattern DATE_ONLY = Pattern.compile(DATE);
    private static final Pattern DATE_TIME = Pattern.compile(DATE
            + "(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private Iso8601() {
    }

    static int parseDate(String text) {
        Matcher m = DATE_ONLY.matcher(text.trim());
        if (!m.matches()) {
            throw invalid(text);
        }
        return (int) date(m, text).toEpochDay();
    }

    /** The timestamp in the zone of its offset ({@code Z} or none: UTC). */
    static ZonedDateTime parseZoned(String text) {
        Matcher m = DATE_TIME.matcher(text.trim());
        if (!m.matches()) {
            throw invalid(text);
        }
        try {
            LocalDateTime t = date(m, text).atStartOfDay();
            if (m.group(7) != null) {
                t = t.withHour(Integer.parseInt(m.group(7)));
            }
            if (m.group(8) != null) {
                t = t.withMinute(Integer.parseInt(m.group(8)));
            }
            if (m.group(9) != null) {
                t = t.withSecond(Integer.parseInt(m.group(9)));
            }
            if (m.group(10) != null) {
                String fraction = (m.group(10) + "00").substring(0, 3);
                t = t.plus(Integer.parseInt(fraction), ChronoUnit.MILLIS);
            }
            String offset = m.group(11);
            if (offset == null || offset.equals("Z")) {
                return t.atZone(ZoneOffset.UTC);
            }
            String digits = offset.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            if (hours > 23 || minutes > 59) {
                throw invalid(text);
            }
            int seconds = (hours * 60 + minutes) * 60;
            return t.atZone(ZoneOffset.ofTotalSeconds(offset.charAt(0) == '-' ? -seconds : seconds));
        } catch (DateTimeException e) {
            throw invalid(text);
        }
    }

    private static LocalDate date(Matcher m, String text) {
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(4) != null) {
                LocalDate weekStart = LocalDate.of(year, 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(4)));
                int dayOfWeek = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
                if (dayOfWeek < 1 || dayOfWeek > 7) {
                    throw invalid(text);
                }
                return weekStart.with(java.time.temporal.ChronoField.DAY_OF_WEEK, dayOfWeek);
            }
            if (m.group(6) != null) {
                return LocalDate.ofYearDay(year, Integer.parseInt(m.group(6)));
            }
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            return LocalDate.of(year, month, day);
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static RuntimeException invalid(String text) {
        return FunctionErrors.invalidArgument("Invalid format: \"" + text + "\"");
    }
}
