package io.glaux.sql.parse;

import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.format.ZonedTime;
import io.glaux.format.ZonedTimestamp;
import io.glaux.sql.function.ZonedTimeFunctions;
import io.glaux.sql.function.ZonedTimestampFunctions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQL text prepared for Calcite's Babel parser, where it reads words differently from Trino: names are quoted so they
 * parse as Trino means them, outside string literals, quoted identifiers and comments.
 * <ul>
 *   <li>{@code default} next to a dot: Athena's default database ({@code default.t}, {@code awsdatacatalog.default.t})
 *       is a reserved word for Calcite.</li>
 *   <li>{@code date_diff(} and {@code date_trunc(} (not qualified): Babel reads them with BigQuery's grammar, which
 *       rejects valid Trino calls such as {@code date_diff('day', d, DATE '2024-01-01')}; quoted, they are ordinary
 *       calls that {@link io.glaux.sql.function.TrinoFunctionRewriter} binds.</li>
 *   <li>A structured type in Trino's spelling after {@code AS} (in CAST and TRY_CAST): {@code array(varchar)},
 *       {@code map(varchar, integer)}, {@code row(x integer)}, nested, rewritten as Calcite's grammar spells them
 *       (see {@link TrinoTypeSpelling}).</li>
 *   <li>A JSON literal {@code JSON '[1, 2]'}: a call of {@code json_parse('[1, 2]')}, which is what it means.</li>
 *   <li>A literal of a numeric type Calcite has no literal syntax for ({@code TINYINT '7'}, {@code SMALLINT '1'},
 *       {@code INTEGER '1'}, {@code BIGINT '0'}, {@code REAL '1.5'}, {@code DOUBLE '0.0'}): {@code CAST('7' AS
 *       TINYINT)}, which is how Trino reads such a literal (a value of that type from the text, refused if the text
 *       is not one).</li>
 * </ul>
 * <ul>
 *   <li>A timestamp literal with a time zone ({@code TIMESTAMP '2012-10-31 01:00 UTC'}, {@code ... +08:35}, {@code ...
 *       Europe/Paris}): a call of {@code $zoned_timestamp('...')}, a {@code timestamp(p) with time zone} (p its count
 *       of fractional digits); one without
 *       seconds ({@code TIMESTAMP '2012-10-31 01:00'}) gets {@code :00}. A time literal with an offset
 *       ({@code TIME '10:00:00 +02:00'}): a call of {@code $zoned_time('...')}, a {@code time(p) with time zone}.</li>
 *   <li>{@code x AT TIME ZONE zone}: {@code at_timezone(x, zone)}, x being the literal, call, parenthesised expression
 *       or identifier just before it (AT TIME ZONE binds tighter than any other operator).</li>
 * </ul>
 * Positions in errors about the prepared text are mapped back to the text as written with {@link #restore}.
 */
public final class ParserText {

    /** Trino functions the Babel grammar parses with another dialect's argument syntax. */
    private static final Set<String> PARSER_BOUND_FUNCTIONS = Set.of("date_diff", "date_trunc");

    /** Types whose literal ({@code TYPE 'text'}) Calcite's grammar lacks, read as a cast of the text. */
    /** A timestamp literal without seconds ({@code 2012-10-31 01:00}), which Trino reads and Calcite does not. */
    private static final Pattern MINUTES_LITERAL = Pattern.compile("\\s*\\d{4,}-\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{1,2}\\s*");

    /** Type words before a string literal that belong to the literal. */
    private static final Set<String> TYPED_LITERAL_WORDS = Set.of("timestamp", "date", "time");

    private static final Set<String> CAST_LITERAL_TYPES = Set.of("tinyint", "smallint", "integer", "int", "bigint",
            "real", "double");

    private final String original;
    private final String text;
    /** For each offset in {@link #text} (and its end), the offset in the original text. */
    private final int[] originalOffset;

    private ParserText(String original, String text, int[] originalOffset) {
        this.original = original;
        this.text = text;
        this.originalOffset = originalOffset;
    }

    public static ParserText quote(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int[] map = new int[sql.length() * 2 + 16];
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end = SqlScan.skip(sql, i);
            if (end != i) {
                // A string, quoted identifier or comment: copied as it is.
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
                int typeStart = word.equals("as") ? skipSpaces(sql, end) : -1;
                int typeEnd = typeStart < 0 ? -1 : TrinoTypeSpelling.end(sql, typeStart);
                if (typeEnd > 0) {
                    for (int k = i; k < typeStart; k++) {
                        map = append(map, out, String.valueOf(sql.charAt(k)), k);
                    }
                    map = append(map, out, TrinoTypeSpelling.translate(sql.substring(typeStart, typeEnd)), typeStart);
                    i = typeEnd;
                    continue;
                }
                if (word.equals("timestamp") && isTypedLiteral(sql, i, end)) {
                    int literalStart = skipSpaces(sql, end);
                    int literalEnd = stringEnd(sql, literalStart);
                    String value = sql.substring(literalStart + 1, literalEnd - 1);
                    if (ZonedTimestamp.hasZone(value)) {
                        map = append(map, out, "\"" + ZonedTimestampFunctions.LITERAL + "\"(", i);
                        map = append(map, out, sql.substring(literalStart, literalEnd), literalStart);
                        map = append(map, out, ")", literalEnd);
                        i = literalEnd;
                        continue;
                    }
                    if (MINUTES_LITERAL.matcher(value).matches()) {
                        map = append(map, out, "TIMESTAMP '" + value.trim() + ":00'", i);
                        i = literalEnd;
                        continue;
                    }
                }
                if (word.equals("time") && isTypedLiteral(sql, i, end)) {
                    int literalStart = skipSpaces(sql, end);
                    int literalEnd = stringEnd(sql, literalStart);
                    if (ZonedTime.hasZone(sql.substring(literalStart + 1, literalEnd - 1))) {
                        map = append(map, out, "\"" + ZonedTimeFunctions.LITERAL + "\"(", i);
                        map = append(map, out, sql.substring(literalStart, literalEnd), literalStart);
                        map = append(map, out, ")", literalEnd);
                        i = literalEnd;
                        continue;
                    }
                }
                if (word.equals("at") && atTimeZoneEnd(sql, end) > 0) {
                    int zoneStart = skipSpaces(sql, atTimeZoneEnd(sql, end));
                    int zoneEnd = zoneStart < n && sql.charAt(zoneStart) == '\'' ? stringEnd(sql, zoneStart)
                            : wordEnd(sql, zoneStart);
                    int operandStart = operandStart(out);
                    if (zoneEnd > zoneStart && operandStart >= 0) {
                        map = insert(map, out, operandStart, "at_timezone(");
                        map = append(map, out, ", ", i);
                        map = append(map, out, sql.substring(zoneStart, zoneEnd), zoneStart);
                        map = append(map, out, ")", zoneEnd);
                        i = zoneEnd;
                        continue;
                    }
                }
                if (word.equals("json") && isTypedLiteral(sql, i, end)) {
                    map = append(map, out, "json_parse(", i);
                    int literalStart = skipSpaces(sql, end);
                    int literalEnd = stringEnd(sql, literalStart);
                    for (int k = literalStart; k < literalEnd; k++) {
                        map = append(map, out, String.valueOf(sql.charAt(k)), k);
                    }
                    map = append(map, out, ")", literalEnd);
                    i = literalEnd;
                    continue;
                }
                if (CAST_LITERAL_TYPES.contains(word) && isTypedLiteral(sql, i, end)) {
                    map = append(map, out, "CAST(", i);
                    int literalStart = skipSpaces(sql, end);
                    int literalEnd = stringEnd(sql, literalStart);
                    for (int k = literalStart; k < literalEnd; k++) {
                        map = append(map, out, String.valueOf(sql.charAt(k)), k);
                    }
                    map = append(map, out, " AS " + word.toUpperCase(Locale.ROOT) + ")", literalEnd);
                    i = literalEnd;
                    continue;
                }
                if (word.equals("default") && nextToDot(sql, i, end)
                        || PARSER_BOUND_FUNCTIONS.contains(word) && isUnqualifiedCall(sql, i, end)) {
                    map = append(map, out, "\"", i);
                    for (int k = i; k < end; k++) {
                        map = append(map, out, String.valueOf(Character.toLowerCase(sql.charAt(k))), k);
                    }
                    map = append(map, out, "\"", end);
                    i = end;
                    continue;
                }
            } else {
                end = i + 1;
            }
            for (int k = i; k < end; k++) {
                map = append(map, out, String.valueOf(sql.charAt(k)), k);
            }
            i = end;
        }
        map = append(map, out, "", n);
        return new ParserText(sql, out.toString(), Arrays.copyOf(map, out.length() + 1));
    }

    /** Inserts {@code chars} at {@code at} in {@code out}; they map to the original offset of what follows. */
    private static int[] insert(int[] map, StringBuilder out, int at, String chars) {
        int[] grown = map.length < out.length() + chars.length() + 1 ? Arrays.copyOf(map, map.length * 2
                + chars.length()) : map;
        System.arraycopy(grown, at, grown, at + chars.length(), out.length() - at);
        Arrays.fill(grown, at, at + chars.length(), grown[at + chars.length()]);
        out.insert(at, chars);
        return grown;
    }

    /** After {@code AT}: the end of {@code TIME ZONE}, or -1. */
    private static int atTimeZoneEnd(String sql, int end) {
        int time = skipSpaces(sql, end);
        int timeEnd = wordEnd(sql, time);
        if (!sql.substring(time, timeEnd).equalsIgnoreCase("time")) {
            return -1;
        }
        int zone = skipSpaces(sql, timeEnd);
        int zoneEnd = wordEnd(sql, zone);
        return zone > timeEnd && sql.substring(zone, zoneEnd).equalsIgnoreCase("zone") ? zoneEnd : -1;
    }

    private static int wordEnd(String sql, int start) {
        int i = start;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                || sql.charAt(i) == '/' || sql.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    /**
     * Where the operand of {@code AT TIME ZONE} starts in the text prepared so far (it binds tighter than any other
     * operator): a string literal with its type word ({@code TIMESTAMP '...'}), a parenthesised expression or a call
     * with its name (written next to the parenthesis), or a (qualified, possibly quoted) identifier; -1 if there is
     * none.
     */
    private static int operandStart(StringBuilder out) {
        int i = out.length() - 1;
        while (i >= 0 && Character.isWhitespace(out.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return -1;
        }
        char c = out.charAt(i);
        if (c == '\'') {
            i = quotedStart(out, i, '\'');
            int word = i - 1;
            while (word >= 0 && Character.isWhitespace(out.charAt(word))) {
                word--;
            }
            int wordStart = word;
            while (wordStart >= 0 && Character.isLetter(out.charAt(wordStart))) {
                wordStart--;
            }
            String type = out.substring(wordStart + 1, word + 1).toLowerCase(Locale.ROOT);
            return TYPED_LITERAL_WORDS.contains(type) ? wordStart + 1 : i;
        }
        if (c == ')') {
            int depth = 0;
            for (; i >= 0; i--) {
                char k = out.charAt(i);
                if (k == '\'' || k == '"') {
                    i = quotedStart(out, i, k);
                } else if (k == ')') {
                    depth++;
                } else if (k == '(' && --depth == 0) {
                    break;
                }
            }
            if (i < 0) {
                return -1;
            }
            // A call's name touches its parenthesis; a word before a space is a keyword (SELECT (...)).
            int name = i - 1;
            int nameStart = identifierStart(out, name);
            return nameStart <= name ? nameStart : i;
        }
        int start = identifierStart(out, i);
        return start <= i ? start : -1;
    }

    /** The start of the (dotted, possibly quoted) identifier ending at {@code end}; {@code end + 1} if none. */
    private static int identifierStart(StringBuilder out, int end) {
        int i = end;
        while (i >= 0) {
            char k = out.charAt(i);
            if (k == '"') {
                i = quotedStart(out, i, '"') - 1;
            } else if (Character.isLetterOrDigit(k) || k == '_' || k == '$' || k == '.') {
                i--;
            } else {
                break;
            }
        }
        return i + 1;
    }

    /** The opening quote of the quoted text whose closing quote is at {@code close}. */
    private static int quotedStart(StringBuilder out, int close, char quote) {
        int i = close - 1;
        while (i >= 0) {
            if (out.charAt(i) == quote) {
                if (i > 0 && out.charAt(i - 1) == quote) {
                    i -= 2;
                    continue;
                }
                return i;
            }
            i--;
        }
        return 0;
    }

    private static int[] append(int[] map, StringBuilder out, String chars, int originalOffset) {
        int[] grown = map.length < out.length() + chars.length() + 1 ? Arrays.copyOf(map, map.length * 2) : map;
        for (int k = 0; k < Math.max(1, chars.length()); k++) {
            grown[out.length() + k] = originalOffset;
        }
        out.append(chars);
        return grown;
    }

    private static int skipSpaces(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code WORD '...'} ({@code JSON '...'}, {@code BIGINT '...'}): the word, not qualified, then a string. */
    private static boolean isTypedLiteral(String sql, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = skipSpaces(sql, end);
        return (before < 0 || sql.charAt(before) != '.') && after < sql.length() && sql.charAt(after) == '\''
                && stringEnd(sql, after) > after;
    }

    /** The end (exclusive) of the string literal opening at {@code start}, or -1 if it is not closed. */
    private static int stringEnd(String sql, int start) {
        return SqlScan.quotedEnd(sql, start);
    }

    private static boolean isUnqualifiedCall(String sql, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return (before < 0 || sql.charAt(before) != '.') && after < sql.length() && sql.charAt(after) == '(';
    }

    private static boolean nextToDot(String sql, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return (before >= 0 && sql.charAt(before) == '.') || (after < sql.length() && sql.charAt(after) == '.');
    }

    /** The text to parse. */
    public String text() {
        return text;
    }

    /** {@code error} with its location (one in {@link #text}) moved to the original text; as it is without one. */
    public GlauxException restore(GlauxException error) {
        if (text.equals(original) || error.location().isEmpty()) {
            return error;
        }
        int offset = error.location().get().offsetIn(text);
        int mapped = originalOffset[Math.min(offset, originalOffset.length - 1)];
        return error.at(SourceLocation.ofOffset(original, mapped));
    }
}
