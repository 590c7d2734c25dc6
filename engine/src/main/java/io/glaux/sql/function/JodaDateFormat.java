package io.glaux.sql.function;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats a timestamp with a Joda-Time pattern, as Trino's format_datetime does, without depending on Joda-Time.
 * Joda's letters do not all mean what {@code java.time}'s do ({@code Y} is the year of era, {@code x} the week-based
 * year, {@code e} the ISO day-of-week number, {@code Z}/{@code ZZ}/{@code ZZZ} offset, offset with colon, zone id), so
 * the pattern is read here and each field printed directly. A timestamp without a zone is printed in the session
 * zone, UTC; a timestamp with a time zone in its own. Text is English. {@link #parseDateTime} reads text with the same
 * patterns (Trino's parse_datetime).
 */
final class JodaDateFormat {
    private static final int CACHE_LIMIT = 1000;
    private static final Map<String, List<Field>> CACHE = new ConcurrentHashMap<>();

    /** One pattern element: a letter repeated {@code count} times, or literal text (letter 0). */
    private static final class Field {
        final char letter;
        final int count;
        final String literal;

        Field(char letter, int count, String literal) {
            this.letter = letter;
            this.count = count;
            this.literal = literal;
        }
    }

    private JodaDateFormat() {
    }

    /** The timestamp printed with the pattern; a bad pattern is Trino's INVALID_FUNCTION_ARGUMENT. */
    static String format(LocalDateTime t, String pattern) {
        return format(t.atZone(ZoneOffset.UTC), pattern);
    }

    /** The zoned timestamp printed with the pattern, its zone's fields ({@code z}, {@code Z}) included. */
    static String format(ZonedDateTime t, String pattern) {
        List<Field> fields = fields(pattern);
        StringBuilder b = new StringBuilder();
        for (Field f : fields) {
            if (f.letter == 0) {
                b.append(f.literal);
            } else {
                print(b, t, f.letter, f.count);
            }
        }
        return b.toString();
    }

    private static List<Field> fields(String pattern) {
        List<Field> fields = CACHE.get(pattern);
        if (fields == null) {
            fields = parse(pattern);
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(pattern, fields);
        }
        return fields;
    }

    /**
     * Text read with the pattern, as Trino's parse_datetime: fields left out take their defaults (1970-01-01
     * 00:00:00.000), and the zone is the one the text names ({@code Z}, {@code ZZ}, {@code ZZZ}) or else the session
     * zone, UTC. Text that does not fit is Trino's INVALID_FUNCTION_ARGUMENT.
     */
    static ZonedDateTime parseDateTime(String text, String pattern) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (Field f : fields(pattern)) {
            if (f.letter == 0) {
                builder.appendLiteral(f.literal);
            } else {
                parser(builder, f.letter, f.count);
            }
        }
        DateTimeFormatter formatter = builder
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.SMART);
        try {
            TemporalAccessor parsed = formatter.parse(text);
            ZoneId zone = parsed.query(TemporalQueries.zone());
            LocalDateTime local = LocalDateTime.of(
                    parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR) : 1970,
                    parsed.get(ChronoField.MONTH_OF_YEAR), parsed.get(ChronoField.DAY_OF_MONTH),
                    hour(parsed), parsed.isSupported(ChronoField.MINUTE_OF_HOUR)
                            ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0,
                    parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                    parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0);
            return ZonedDateTime.ofLocal(local, zone == null ? ZoneOffset.UTC : zone, null);
        } catch (DateTimeException e) {
            throw FunctionErrors.invalidArgument("Invalid format: \"" + text + "\"");
        }
    }

    private static int hour(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            return parsed.get(ChronoField.HOUR_OF_DAY);
        }
        if (parsed.isSupported(ChronoField.HOUR_OF_AMPM)) {
            int ampm = parsed.isSupported(ChronoField.AMPM_OF_DAY) ? parsed.get(ChronoField.AMPM_OF_DAY) : 0;
            return ampm * 12 + parsed.get(ChronoField.HOUR_OF_AMPM);
        }
        return 0;
    }

    private static void parser(DateTimeFormatterBuilder b, char letter, int count) {
        switch (letter) {
            case 'y', 'Y', 'x' -> {
                ChronoField field = letter == 'Y' ? ChronoField.YEAR_OF_ERA : ChronoField.YEAR;
                if (count == 2) {
                    b.appendValueReduced(field, 2, 2, 2000);
                } else {
                    b.appendValue(field, count, 9, SignStyle.NORMAL);
                }
            }
            case 'M' -> {
                if (count >= 3) {
                    b.appendText(ChronoField.MONTH_OF_YEAR, count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
                } else {
                    b.appendValue(ChronoField.MONTH_OF_YEAR, count, 2, SignStyle.NOT_NEGATIVE);
                }
            }
            case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, count, 2, SignStyle.NOT_NEGATIVE);
            case 'D' -> b.appendValue(ChronoField.DAY_OF_YEAR, count, 3, SignStyle.NOT_NEGATIVE);
            case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, count, 2, SignStyle.NOT_NEGATIVE);
            case 'h', 'K' -> b.appendValue(ChronoField.HOUR_OF_AMPM, count, 2, SignStyle.NOT_NEGATIVE);
            case 'k' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_DAY, count, 2, SignStyle.NOT_NEGATIVE);
            case 'm' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, count, 2, SignStyle.NOT_NEGATIVE);
            case 's' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, count, 2, SignStyle.NOT_NEGATIVE);
            case 'S' -> b.appendFraction(ChronoField.NANO_OF_SECOND, count, Math.max(count, 9), false);
            case 'a' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
            case 'E' -> b.appendText(ChronoField.DAY_OF_WEEK, count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
            case 'e' -> b.appendValue(ChronoField.DAY_OF_WEEK, count);
            case 'Z' -> {
                if (count >= 3) {
                    b.appendZoneId();
                } else {
                    b.appendOffset(count == 1 ? "+HHMM" : "+HH:MM", "Z");
                }
            }
            default -> throw FunctionErrors.invalidArgument("Parsing of '" + String.valueOf(letter).repeat(count)
                    + "' is not supported");
        }
    }

    private static List<Field> parse(String pattern) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                if (j < pattern.length() && pattern.charAt(j) == '\'') {
                    fields.add(new Field((char) 0, 0, "'"));
                    i = j + 1;
                    continue;
                }
                while (true) {
                    if (j >= pattern.length()) {
                        throw FunctionErrors.invalidArgument("Unterminated quote in pattern: " + pattern);
                    }
                    if (pattern.charAt(j) == '\'') {
                        if (j + 1 < pattern.length() && pattern.charAt(j + 1) == '\'') {
                            literal.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    literal.append(pattern.charAt(j++));
                }
                fields.add(new Field((char) 0, 0, literal.toString()));
                i = j + 1;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                if ("GCYyxwweEDMdaKhHkmsSzZ".indexOf(c) < 0) {
                    throw FunctionErrors.invalidArgument("Illegal pattern component: " + pattern.substring(i, j));
                }
                fields.add(new Field(c, j - i, null));
                i = j;
            } else {
                fields.add(new Field((char) 0, 0, String.valueOf(c)));
                i++;
            }
        }
        return fields;
    }

    private static void print(StringBuilder b, ZonedDateTime t, char letter, int count) {
        switch (letter) {
            case 'G':
                b.append(t.getYear() > 0 ? "AD" : "BC");
                break;
            case 'C':
                number(b, t.get(ChronoField.YEAR_OF_ERA) / 100, count);
                break;
            case 'Y':
                year(b, t.get(ChronoField.YEAR_OF_ERA), count);
                break;
            case 'y':
                year(b, t.getYear(), count);
                break;
            case 'x':
                year(b, t.get(IsoFields.WEEK_BASED_YEAR), count);
                break;
            case 'w':
                number(b, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), count);
                break;
            case 'e':
                number(b, t.getDayOfWeek().getValue(), count);
                break;
            case 'E':
                b.append(t.getDayOfWeek().getDisplayName(count >= 4 ? TextStyle.FULL : TextStyle.SHORT,
                        Locale.ENGLISH));
                break;
            case 'D':
                number(b, t.getDayOfYear(), count);
                break;
            case 'M':
                if (count >= 3) {
                    b.append(t.getMonth().getDisplayName(count >= 4 ? TextStyle.FULL : TextStyle.SHORT,
                            Locale.ENGLISH));
                } else {
                    number(b, t.getMonthValue(), count);
                }
                break;
            case 'd':
                number(b, t.getDayOfMonth(), count);
                break;
            case 'a':
                b.append(t.getHour() < 12 ? "AM" : "PM");
                break;
            case 'K':
                number(b, t.getHour() % 12, count);
                break;
            case 'h':
                number(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, count);
                break;
            case 'H':
                number(b, t.getHour(), count);
                break;
            case 'k':
                number(b, t.getHour() == 0 ? 24 : t.getHour(), count);
                break;
            case 'm':
                number(b, t.getMinute(), count);
                break;
            case 's':
                number(b, t.getSecond(), count);
                break;
            case 'S':
                fraction(b, t.getNano(), count);
                break;
            case 'z':
                b.append(t.getZone().equals(ZoneOffset.UTC)
                        ? (count >= 4 ? "Coordinated Universal Time" : DateTimeFunctions.SESSION_ZONE)
                        : DateTimeFormatter.ofPattern(count >= 4 ? "zzzz" : "z", Locale.ENGLISH).format(t));
                break;
            case 'Z':
                if (count >= 3) {
                    b.append(t.getZone().equals(ZoneOffset.UTC) ? DateTimeFunctions.SESSION_ZONE : t.getZone().getId());
                } else {
                    String offset = t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
                    b.append(count == 1 ? offset.replace(":", "") : offset);
                }
                break;
            default:
                throw new AssertionError(letter);
        }
    }

    /** A number padded with zeros to at least {@code count} digits. */
    private static void number(StringBuilder b, long value, int count) {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) {
            b.append('-');
        }
        for (int i = digits.length(); i < count; i++) {
            b.append('0');
        }
        b.append(digits);
    }

    /** A year: two digits for a count of 2, else padded to the count. */
    private static void year(StringBuilder b, int year, int count) {
        if (count == 2) {
            number(b, Math.floorMod(year, 100), 2);
        } else {
            number(b, year, count);
        }
    }

    /** The fraction of the second, to {@code count} digits (truncated; zeros past nanoseconds). */
    private static void fraction(StringBuilder b, int nanos, int count) {
        String digits = String.format(Locale.ROOT, "%09d", nanos);
        if (count <= 9) {
            b.append(digits, 0, count);
        } else {
            b.append(digits);
            b.append("0".repeat(count - 9));
        }
    }
}
