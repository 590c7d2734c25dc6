package io.glaux.sql.function;

import java.util.Locale;
import java.util.Set;

/**
 * A lexical pass over SQL text, before parsing, for Trino functions whose names the Babel parser reads with another
 * dialect's grammar that rejects Trino's arguments: {@code date_diff(unit, a, b)} is parsed as BigQuery's
 * {@code DATE_DIFF(a, b, <time unit>)}, so its third argument can only be a bare name ({@code date_diff('day', d,
 * DATE '2024-01-01')} is a syntax error), and {@code date_trunc(unit, x)} as BigQuery's {@code DATE_TRUNC(x, <time
 * unit>)}, which takes a bare second argument named like a time unit ({@code month}) as a unit and rejects a wrong
 * number of arguments with a syntax error rather than Trino's message. Writing the name as a quoted identifier makes it an ordinary function call,
 * which {@link TrinoFunctionRewriter} binds case-insensitively. String literals, quoted identifiers and comments are
 * left untouched, and so are qualified names ({@code x.date_diff}). The same pass quotes the database name
 * {@code default} where it qualifies a name ({@code default.orders}, {@code awsdatacatalog.default.orders}): Calcite
 * reserves DEFAULT, Trino does not.
 */
public final class TrinoSqlText {
    /** Names quoted when they are followed by an opening parenthesis. */
    static final Set<String> PARSER_BOUND = Set.of("date_diff", "date_trunc");

    private TrinoSqlText() {
    }

    public static String quoteParserBoundFunctions(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (PARSER_BOUND.contains(word.toLowerCase(Locale.ROOT)) && followedByParenthesis(sql, end)
                        && !qualified(sql, i)) {
                    out.append('"').append(word.toLowerCase(Locale.ROOT)).append('"');
                } else if (word.equalsIgnoreCase("default") && (followedBy(sql, end, '.') || qualified(sql, i))) {
                    // Athena's database "default" in a qualified name: DEFAULT is reserved in Calcite, not in Trino.
                    out.append("\"default\"");
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean followedByParenthesis(String sql, int from) {
        return followedBy(sql, from, '(');
    }

    private static boolean followedBy(String sql, int from, char expected) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == expected;
    }

    private static boolean qualified(String sql, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i >= 0 && sql.charAt(i) == '.';
    }
}
