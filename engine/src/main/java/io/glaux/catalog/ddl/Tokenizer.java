package io.glaux.catalog.ddl;

import io.glaux.error.GlauxException;
import java.util.Arrays;

/**
 * Splits a statement into {@link Token}s on demand, skipping white space and {@code --} / {@code /* *}{@code /}
 * comments. In {@link Mode#HIVE} string literals take Hive's backslash escapes as well as {@code ''}; in
 * {@link Mode#SQL} (the query part of a view, CTAS or INSERT, which Trino reads) only {@code ''}.
 */
final class Tokenizer {

    enum Mode { HIVE, SQL }

    private final String sql;
    private final int[] lineStarts;
    private Mode mode = Mode.HIVE;
    private int pos;

    Tokenizer(String sql) {
        this.sql = sql;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    String sql() {
        return sql;
    }

    /** Continues from {@code offset} in another mode (tokens already handed out are not affected). */
    void restart(int offset, Mode newMode) {
        this.pos = offset;
        this.mode = newMode;
    }

    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    GlauxException errorAt(int offset, String message) {
        return GlauxException.syntax(line(offset), column(offset), message);
    }

    Token next() {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= sql.length()) {
            return token(Token.Kind.EOF, start, "");
        }
        char c = sql.charAt(pos);
        if (c == '\'') {
            return string(start);
        }
        if (c == '"' || c == '`') {
            return quotedIdentifier(start, c);
        }
        if (isWordChar(c)) {
            boolean digitsOnly = true;
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                digitsOnly &= Character.isDigit(sql.charAt(pos));
                pos++;
            }
            if (digitsOnly && pos + 1 < sql.length() && sql.charAt(pos) == '.'
                    && Character.isDigit(sql.charAt(pos + 1))) {
                pos++;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            }
            String text = sql.substring(start, pos);
            return token(digitsOnly ? Token.Kind.NUMBER : Token.Kind.WORD, start, text);
        }
        pos++;
        return token(Token.Kind.SYMBOL, start, sql.substring(start, pos));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private Token token(Token.Kind kind, int start, String value) {
        return new Token(kind, sql.substring(start, pos), value, start, pos, line(start), column(start));
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int newline = sql.indexOf('\n', pos);
                pos = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw errorAt(pos, "token recognition error at: '" + excerpt(pos) + "'");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw errorAt(start, "token recognition error at: '" + excerpt(start) + "'");
            }
            char c = sql.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return token(Token.Kind.STRING, start, value.toString());
            }
            if (c == '\\' && mode == Mode.HIVE && pos + 1 < sql.length()) {
                pos = HiveEscapes.unescape(sql, pos, value);
                continue;
            }
            value.append(c);
            pos++;
        }
    }

    private Token quotedIdentifier(int start, char quote) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw errorAt(start, "token recognition error at: '" + excerpt(start) + "'");
            }
            char c = sql.charAt(pos);
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                if (value.length() == 0) {
                    throw errorAt(start, "Zero-length delimited identifier not allowed");
                }
                return token(Token.Kind.QUOTED_IDENTIFIER, start, value.toString());
            }
            value.append(c);
            pos++;
        }
    }

    private String excerpt(int from) {
        int end = Math.min(sql.length(), from + 20);
        int newline = sql.indexOf('\n', from);
        if (newline >= 0 && newline < end) {
            end = newline;
        }
        return sql.substring(from, end);
    }
}
