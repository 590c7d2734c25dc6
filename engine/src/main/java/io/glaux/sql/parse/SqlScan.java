package io.glaux.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps over what hides the structure of SQL text: string literals ({@code 'it''s'}), quoted identifiers
 * ({@code "a"}, {@code `a`}), {@code --} line comments and block comments. The text scanners that rewrite, split or
 * pick apart SQL before or instead of a parser ({@link ParserText}, {@link StatementSplitter}, the prepared statement
 * parser) use it, so that a comma, bracket or semicolon inside a string is never taken for structure.
 */
public final class SqlScan {

    private SqlScan() {
    }

    /**
     * The index just past the quote closing the one at {@code start} (a doubled quote does not close; with
     * {@code backslashEscapes}, as in Hive's strings, neither does a quote after a backslash inside {@code '...'}),
     * or -1 if the text ends first.
     */
    public static int quotedEnd(String sql, int start, boolean backslashEscapes) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && quote == '\'' && c == '\\' && i + 1 < sql.length()) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** {@link #quotedEnd(String, int, boolean)} of Trino's strings and identifiers: a doubled quote escapes. */
    public static int quotedEnd(String sql, int start) {
        return quotedEnd(sql, start, false);
    }

    /**
     * The end of the comment starting at {@code start}: the line's newline for {@code --} (not included), just past
     * {@code *}{@code /} for a block comment (the text's end if it is not closed); {@code start} if no comment starts
     * there.
     */
    public static int commentEnd(String sql, int start) {
        if (sql.startsWith("--", start)) {
            int newline = sql.indexOf('\n', start);
            return newline < 0 ? sql.length() : newline;
        }
        if (sql.startsWith("/*", start)) {
            int close = sql.indexOf("*/", start + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return start;
    }

    /**
     * Past the string, quoted identifier or comment starting at {@code at} (the text's end if it is not closed);
     * {@code at} itself when none starts there.
     */
    public static int skip(String sql, int at) {
        char c = sql.charAt(at);
        if (c == '\'' || c == '"' || c == '`') {
            int end = quotedEnd(sql, at);
            return end < 0 ? sql.length() : end;
        }
        return commentEnd(sql, at);
    }

    /** The first {@code target} in {@code [from, end)} outside strings, comments and brackets; {@code end} if none. */
    public static int topLevelIndexOf(String sql, char target, int from, int end) {
        int depth = 0;
        int at = from;
        while (at < end) {
            int next = skip(sql, at);
            if (next != at) {
                at = next;
                continue;
            }
            char c = sql.charAt(at);
            if (c == target && depth == 0) {
                return at;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            at++;
        }
        return end;
    }

    /** {@code text} split at its top-level {@code separator}s (see {@link #topLevelIndexOf}). */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int at = topLevelIndexOf(text, separator, start, text.length());
            parts.add(text.substring(start, at));
            if (at == text.length()) {
                return parts;
            }
            start = at + 1;
        }
    }

    /** The index of the bracket closing the {@code (} or {@code [} at {@code open}; -1 if it is never closed. */
    public static int matching(String sql, int open) {
        int depth = 0;
        int at = open;
        while (at < sql.length()) {
            int next = skip(sql, at);
            if (next != at) {
                at = next;
                continue;
            }
            char c = sql.charAt(at);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return at;
                }
            }
            at++;
        }
        return -1;
    }
}
