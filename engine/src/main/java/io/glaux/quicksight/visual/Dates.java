package io.glaux.quicksight.visual;

import io.glaux.quicksight.QuickSightException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * QuickSight's time granularities (YEAR .. MILLISECOND) in SQL and in Java, and datetime values as the definition and
 * callers write them. Weeks start on Sunday, as in QuickSight (and the expression package's {@code truncDate('WK')}).
 */
final class Dates {
    static final List<String> GRANULARITIES =
            List.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND");
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private Dates() {
    }

    static String granularity(String g, String where) {
        if (g == null || !GRANULARITIES.contains(g)) {
            throw QuickSightException.invalid(where + ": unknown time granularity " + g + "; expected one of "
                    + GRANULARITIES);
        }
        return g;
    }

    /** {@code sql} (a datetime) truncated to the start of its period; weeks start on Sunday. */
    static String truncSql(String granularity, String sql) {
        String d = "CAST(" + sql + " AS TIMESTAMP(3))";
        if (granularity.equals("WEEK")) {
            return "date_add('day', -(day_of_week(" + d + ") % 7), date_trunc('day', " + d + "))";
        }
        return "date_trunc('" + granularity.toLowerCase(Locale.ROOT) + "', " + d + ")";
    }

    /** The start of the period holding {@code t}. */
    static LocalDateTime trunc(String granularity, LocalDateTime t) {
        return switch (granularity) {
            case "YEAR" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "QUARTER" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "MONTH" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "WEEK" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay();
            case "DAY" -> t.truncatedTo(ChronoUnit.DAYS);
            case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
            case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "SECOND" -> t.truncatedTo(ChronoUnit.SECONDS);
            default -> t.truncatedTo(ChronoUnit.MILLIS);
        };
    }

    /** {@code t} moved by {@code n} periods. */
    static LocalDateTime plus(String granularity, LocalDateTime t, long n) {
        return switch (granularity) {
            case "YEAR" -> t.plusYears(n);
            case "QUARTER" -> t.plusMonths(3 * n);
            case "MONTH" -> t.plusMonths(n);
            case "WEEK" -> t.plusWeeks(n);
            case "DAY" -> t.plusDays(n);
            case "HOUR" -> t.plusHours(n);
            case "MINUTE" -> t.plusMinutes(n);
            case "SECOND" -> t.plusSeconds(n);
            default -> t.plus(n, ChronoUnit.MILLIS);
        };
    }

    /** The SQL literal of a datetime, as TIMESTAMP(3). */
    static String literal(LocalDateTime t) {
        return "CAST('" + SQL.format(t) + "' AS TIMESTAMP(3))";
    }

    /**
     * A datetime as written in a definition or by a caller: epoch seconds (a number, as the JSON wire format writes
     * timestamps), an ISO date, or an ISO date-time with {@code T} or a space, with or without an offset (read in
     * UTC).
     */
    static LocalDateTime parse(String text, String where) {
        String s = text == null ? "" : text.trim();
        try {
            if (s.matches("-?\\d+(\\.\\d+)?")) {
                double seconds = Double.parseDouble(s);
                long millis = Math.round(seconds * 1000);
                return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s).atStartOfDay();
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw QuickSightException.invalid(where + ": '" + text + "' is not a date-time (use 2024-01-31, "
                    + "2024-01-31T10:00:00Z or epoch seconds)");
        }
    }
}
