package io.glaux.sql.function;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MySQL-style format strings of Trino's date_format and date_parse: {@code %a %b %c %d %e %f %H %h %I %i %j %k
 * %l %M %m %p %r %S %s %T %v %W %w %x %Y %y %%}; {@code %D %U %u %V %X} are rejected as in Trino; any other
 * {@code %x} is the literal x. Printing follows Trino: {@code %f} prints six digits (milliseconds then 000),
 * {@code %w} the ISO day of week (1 = Monday .. 7 = Sunday). Parsing reads numbers of up to the field's width,
 * names case-insensitively, two-digit years as 1970..2069; missing fields default to 1970-01-01 00:00:00.000.
 */
final class MySqlDateFormat {
    private static final Map<String, MySqlDateFormat> CACHE = new ConcurrentHashMap<>();

    private final String pattern;
    private final List<Object> tokens; // Character (a specifier) or String (literal text)

    private MySqlDateFormat(String pattern, List<Object> tokens) {
        this.pattern = pattern;
        this.tokens = tokens;
    }

    static MySqlDateFormat of(String pattern) {
        MySqlDateFormat f = CACHE.get(pattern);
        if (f == null) {
            f = compile(pattern);
            if (CACHE.size() > 1000) {
                CACHE.clear();
            }
            CACHE.put(pattern, f);
        }
        return f;
    }

    private static MySqlDateFormat compile(String pattern) {
        List<Object> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i == pattern.length() - 1) {
                literal.append(c);
                continue;
            }
            char s = pattern.charAt(++i);
            switch (s) {
                case 'D':
                case 'U':
                case 'u':
                case 'V':
                case 'X':
                    throw FunctionErrors.invalidArgument("%" + s + " not supported in date format string");
                case 'a': case 'b': case 'c': case 'd': case 'e': case 'f': case 'H': case 'h': case 'I':
                case 'i': case 'j': case 'k': case 'l': case 'M': case 'm': case 'p': case 'r': case 'S':
                case 's': case 'T': case 'v': case 'W': case 'w': case 'x': case 'Y': case 'y':
                    if (literal.length() > 0) {
                        tokens.add(literal.toString());
                        literal.setLength(0);
                    }
                    tokens.add(s);
                    break;
                default: // %% and any unknown %x: the literal character
                    literal.append(s);
                    break;
            }
        }
        if (literal.length() > 0) {
            tokens.add(literal.toString());
        }
        return new MySqlDateFormat(pattern, tokens);
    }

    // ---- printing

    String format(LocalDateTime t) {
        StringBuilder b = new StringBuilder();
        for (Object token : tokens) {
            if (token instanceof String) {
                b.append((String) token);
            } else {
                print(b, (Character) token, t);
            }
        }
        return b.toString();
    }

    private static void print(StringBuilder b, char s, LocalDateTime t) {
        switch (s) {
            case 'a': b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
            case 'b': b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
            case 'c': b.append(t.getMonthValue()); break;
            case 'd': pad(b, t.getDayOfMonth(), 2); break;
            case 'e': b.append(t.getDayOfMonth()); break;
            case 'f': pad(b, t.getNano() / 1_000_000 * 1000, 6); break;
            case 'H': pad(b, t.getHour(), 2); break;
            case 'h':
            case 'I': pad(b, clockHour(t), 2); break;
            case 'i': pad(b, t.getMinute(), 2); break;
            case 'j': pad(b, t.getDayOfYear(), 3); break;
            case 'k': b.append(t.getHour()); break;
            case 'l': b.append(clockHour(t)); break;
            case 'M': b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
            case 'm': pad(b, t.getMonthValue(), 2); break;
            case 'p': b.append(t.getHour() < 12 ? "AM" : "PM"); break;
            case 'r':
                pad(b, clockHour(t), 2);
                b.append(':');
                pad(b, t.getMinute(), 2);
                b.append(':');
                pad(b, t.getSecond(), 2);
                b.append(t.getHour() < 12 ? " AM" : " PM");
                break;
            case 'S':
            case 's': pad(b, t.getSecond(), 2); break;
            case 'T':
                pad(b, t.getHour(), 2);
                b.append(':');
                pad(b, t.getMinute(), 2);
                b.append(':');
                pad(b, t.getSecond(), 2);
                break;
            case 'v': pad(b, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2); break;
            case 'W': b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
            case 'w': b.append(t.getDayOfWeek().getValue()); break;
            case 'x': pad(b, t.get(IsoFields.WEEK_BASED_YEAR), 4); break;
            case 'Y': pad(b, t.getYear(), 4); break;
            case 'y': pad(b, Math.floorMod(t.getYear(), 100), 2); break;
            default: throw new AssertionError(s);
        }
    }

    private static int clockHour(LocalDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static void pad(StringBuilder b, int value, int width) {
        if (value < 0) {
            b.append('-');
            value = -value;
        }
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        b.append(digits);
    }

    // ---- parsing

    LocalDateTime parse(String text) {
        Fields f = new Fields();
        int pos = 0;
        for (Object token : tokens) {
            if (token instanceof String) {
                String literal = (String) token;
                if (!text.regionMatches(true, pos, literal, 0, literal.length())) {
                    throw pos + literal.length() > text.length() ? tooShort(text) : malformed(text, pos);
                }
                pos += literal.length();
            } else {
                pos = parseField(text, pos, (Character) token, f);
            }
        }
        if (pos < text.length()) {
            throw malformed(text, pos);
        }
        try {
            return f.resolve();
        } catch (DateTimeException e) {
            throw FunctionErrors.invalidArgument("Cannot parse \"" + text + "\": " + e.getMessage());
        }
    }

    private int parseField(String text, int pos, char s, Fields f) {
        switch (s) {
            case 'a': return parseName(text, pos, DAY_SHORT, v -> f.dayOfWeek = v);
            case 'W': return parseName(text, pos, DAY_FULL, v -> f.dayOfWeek = v);
            case 'b': return parseName(text, pos, MONTH_SHORT, v -> f.month = v);
            case 'M': return parseName(text, pos, MONTH_FULL, v -> f.month = v);
            case 'p': return parseName(text, pos, new String[] {"AM", "PM"}, v -> f.pm = v == 2);
            case 'c':
            case 'm': return parseNumber(text, pos, 2, v -> f.month = v);
            case 'd':
            case 'e': return parseNumber(text, pos, 2, v -> f.day = v);
            case 'f': {
                int end = digitsEnd(text, pos, 9);
                String digits = (text.substring(pos, end) + "00").substring(0, 3);
                f.millis = Integer.parseInt(digits);
                return end;
            }
            case 'H':
            case 'k': return parseNumber(text, pos, 2, v -> f.hour = v);
            case 'h':
            case 'I':
            case 'l': return parseNumber(text, pos, 2, v -> f.clockHour = v);
            case 'i': return parseNumber(text, pos, 2, v -> f.minute = v);
            case 'j': return parseNumber(text, pos, 3, v -> f.dayOfYear = v);
            case 'S':
            case 's': return parseNumber(text, pos, 2, v -> f.second = v);
            case 'r': {
                int p = parseNumber(text, pos, 2, v -> f.clockHour = v);
                p = expect(text, p, ":");
                p = parseNumber(text, p, 2, v -> f.minute = v);
                p = expect(text, p, ":");
                p = parseNumber(text, p, 2, v -> f.second = v);
                p = expect(text, p, " ");
                return parseName(text, p, new String[] {"AM", "PM"}, v -> f.pm = v == 2);
            }
            case 'T': {
                int p = parseNumber(text, pos, 2, v -> f.hour = v);
                p = expect(text, p, ":");
                p = parseNumber(text, p, 2, v -> f.minute = v);
                p = expect(text, p, ":");
                return parseNumber(text, p, 2, v -> f.second = v);
            }
            case 'v': return parseNumber(text, pos, 2, v -> f.week = v);
            case 'w': return parseNumber(text, pos, 1, v -> f.dayOfWeek = v);
            case 'x': return parseSigned(text, pos, 4, v -> f.weekYear = v);
            case 'Y': return parseSigned(text, pos, 4, v -> f.year = v);
            case 'y': {
                int end = digitsEnd(text, pos, 2);
                if (end - pos != 2) {
                    throw end == text.length() ? tooShort(text) : malformed(text, pos);
                }
                int yy = Integer.parseInt(text.substring(pos, end));
                f.year = yy < 70 ? 2000 + yy : 1900 + yy;
                return end;
            }
            default: throw new AssertionError(s);
        }
    }

    private int expect(String text, int pos, String literal) {
        if (!text.startsWith(literal, pos)) {
            throw pos >= text.length() ? tooShort(text) : malformed(text, pos);
        }
        return pos + literal.length();
    }

    private int parseNumber(String text, int pos, int maxDigits, java.util.function.IntConsumer target) {
        int end = digitsEnd(text, pos, maxDigits);
        if (end == pos) {
            throw pos >= text.length() ? tooShort(text) : malformed(text, pos);
        }
        target.accept(Integer.parseInt(text.substring(pos, end)));
        return end;
    }

    private int parseSigned(String text, int pos, int maxDigits, java.util.function.IntConsumer target) {
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        int end = digitsEnd(text, pos, maxDigits);
        if (end == pos) {
            throw pos >= text.length() ? tooShort(text) : malformed(text, start);
        }
        target.accept(Integer.parseInt(text.substring(start, end)));
        return end;
    }

    private static int digitsEnd(String text, int pos, int maxDigits) {
        int end = pos;
        while (end < text.length() && end - pos < maxDigits && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private int parseName(String text, int pos, String[] names, java.util.function.IntConsumer target) {
        int best = -1;
        for (int i = 0; i < names.length; i++) {
            if (text.regionMatches(true, pos, names[i], 0, names[i].length())
                    && (best < 0 || names[i].length() > names[best].length())) {
                best = i;
            }
        }
        if (best < 0) {
            throw pos >= text.length() ? tooShort(text) : malformed(text, pos);
        }
        target.accept(best + 1);
        return pos + names[best].length();
    }

    private static final String[] DAY_SHORT = names(true, false);
    private static final String[] DAY_FULL = names(true, true);
    private static final String[] MONTH_SHORT = names(false, false);
    private static final String[] MONTH_FULL = names(false, true);

    private static String[] names(boolean days, boolean full) {
        TextStyle style = full ? TextStyle.FULL : TextStyle.SHORT;
        String[] names = new String[days ? 7 : 12];
        for (int i = 0; i < names.length; i++) {
            names[i] = days ? java.time.DayOfWeek.of(i + 1).getDisplayName(style, Locale.ENGLISH)
                    : java.time.Month.of(i + 1).getDisplayName(style, Locale.ENGLISH);
        }
        return names;
    }

    private RuntimeException tooShort(String text) {
        return FunctionErrors.invalidArgument("Invalid format: \"" + text + "\" is too short");
    }

    private RuntimeException malformed(String text, int pos) {
        return FunctionErrors.invalidArgument(
                "Invalid format: \"" + text + "\" is malformed at \"" + text.substring(pos) + "\"");
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** Parsed fields, resolved as Joda-Time resolves them. */
    private static final class Fields {
        Integer year;
        Integer month;
        Integer day;
        Integer dayOfYear;
        Integer weekYear;
        Integer week;
        Integer dayOfWeek;
        Integer hour;
        Integer clockHour;
        Boolean pm;
        int minute;
        int second;
        int millis;

        LocalDateTime resolve() {
            LocalDate date;
            if (weekYear != null || week != null) {
                int wy = weekYear != null ? weekYear : (year != null ? year : 1970);
                date = LocalDate.of(wy, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week != null ? week : 1)
                        .with(java.time.temporal.ChronoField.DAY_OF_WEEK, dayOfWeek != null ? dayOfWeek : 1);
            } else if (dayOfYear != null) {
                date = LocalDate.ofYearDay(year != null ? year : 1970, dayOfYear);
            } else {
                date = LocalDate.of(year != null ? year : 1970, month != null ? month : 1, day != null ? day : 1);
            }
            int h;
            if (clockHour != null) {
                java.time.temporal.ChronoField.CLOCK_HOUR_OF_AMPM.checkValidValue(clockHour);
                h = clockHour % 12 + (Boolean.TRUE.equals(pm) ? 12 : 0);
            } else if (hour != null) {
                java.time.temporal.ChronoField.HOUR_OF_DAY.checkValidValue(hour);
                h = hour;
                if (pm != null && pm && h < 12) {
                    h += 12;
                }
            } else {
                h = Boolean.TRUE.equals(pm) ? 12 : 0;
            }
            return date.atTime(h, minute, second, millis * 1_000_000);
        }
    }
}
