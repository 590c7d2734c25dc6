package io.glaux.saved;

import io.glaux.error.GlauxException;
import io.glaux.sql.parse.SqlScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads PREPARE, EXECUTE and DEALLOCATE PREPARE. Only their heads are parsed: the prepared statement is kept as
 * text, and each USING value is the text between top-level commas (quotes, comments and brackets respected), to be
 * parsed later as a SQL literal exactly as an ExecutionParameter is.
 */
final class PreparedStatementParser {

    private final String sql;
    private int pos;

    PreparedStatementParser(String sql) {
        this.sql = sql;
    }

    Optional<PreparedStatementCommand> parse() {
        skipBlanks();
        int start = pos;
        String keyword = word().toUpperCase(Locale.ROOT);
        switch (keyword) {
            case "PREPARE":
                return Optional.of(prepare());
            case "EXECUTE":
                return Optional.of(execute());
            case "DEALLOCATE":
                expectKeyword("PREPARE");
                String name = name();
                expectEnd();
                return Optional.of(new PreparedStatementCommand.Deallocate(name));
            case "DESCRIBE":
                Optional<PreparedStatementCommand> describe = describe();
                if (describe.isPresent()) {
                    return describe;
                }
                pos = start;
                return Optional.empty();
            default:
                pos = start;
                return Optional.empty();
        }
    }

    /**
     * DESCRIBE INPUT name or DESCRIBE OUTPUT name; empty when DESCRIBE is followed by anything else (DESCRIBE of a
     * table, also one named {@code input} or {@code output}).
     */
    private Optional<PreparedStatementCommand> describe() {
        skipBlanks();
        String which = word().toUpperCase(Locale.ROOT);
        if (!which.equals("INPUT") && !which.equals("OUTPUT") || pos < sql.length() && isNameChar(sql.charAt(pos))) {
            return Optional.empty();
        }
        skipBlanks();
        if (pos >= endOfStatement()) {
            return Optional.empty();
        }
        String name = name();
        expectEnd();
        return Optional.of(new PreparedStatementCommand.Describe(name, which.equals("INPUT")));
    }

    /** The statement's first word, after white space, comments and opening parentheses. */
    String firstWord() {
        while (true) {
            skipBlanks();
            if (pos < sql.length() && sql.charAt(pos) == '(') {
                pos++;
            } else {
                return word();
            }
        }
    }

    private PreparedStatementCommand prepare() {
        String name = name();
        expectKeyword("FROM");
        skipBlanks();
        int end = endOfStatement();
        if (pos >= end) {
            throw mismatch("<query>");
        }
        return new PreparedStatementCommand.Prepare(name, sql.substring(pos, end), pos);
    }

    private PreparedStatementCommand execute() {
        String name = name();
        skipBlanks();
        if (pos >= endOfStatement()) {
            return new PreparedStatementCommand.Execute(name, false, List.of());
        }
        expectKeyword("USING");
        List<String> values = new ArrayList<>();
        int end = endOfStatement();
        while (true) {
            skipBlanks();
            int stop = pos < end ? endOfValue(end) : pos;
            String value = sql.substring(pos, stop).strip();
            if (value.isEmpty()) {
                throw mismatch("<expression>");
            }
            values.add(value);
            pos = stop;
            if (pos >= end) {
                return new PreparedStatementCommand.Execute(name, true, values);
            }
            pos++; // the comma
        }
    }

    /** A statement name: a quoted identifier, or letters, digits, '_', '@' and ':' starting with a letter or '_'. */
    private String name() {
        skipBlanks();
        if (pos < sql.length() && sql.charAt(pos) == '"') {
            StringBuilder name = new StringBuilder();
            int start = pos++;
            while (pos < sql.length()) {
                char ch = sql.charAt(pos++);
                if (ch == '"') {
                    if (pos < sql.length() && sql.charAt(pos) == '"') {
                        name.append('"');
                        pos++;
                    } else if (!name.isEmpty()) {
                        return name.toString();
                    } else {
                        throw error(start, "Zero-length delimited identifier not allowed");
                    }
                } else {
                    name.append(ch);
                }
            }
            throw error(start, "mismatched input '" + sql.substring(start) + "'. Expecting: <identifier>");
        }
        int start = pos;
        if (pos < sql.length() && (Character.isLetter(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            while (pos < sql.length() && isNameChar(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos == start) {
            throw mismatch("<identifier>");
        }
        return sql.substring(start, pos);
    }

    private static boolean isNameChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '@' || ch == ':';
    }

    private String word() {
        int start = pos;
        while (pos < sql.length() && (Character.isLetter(sql.charAt(pos)))) {
            pos++;
        }
        return sql.substring(start, pos);
    }

    private void expectKeyword(String keyword) {
        skipBlanks();
        int start = pos;
        String word = word();
        if (!word.equalsIgnoreCase(keyword) || (pos < sql.length() && isNameChar(sql.charAt(pos)))) {
            pos = start;
            throw mismatch("'" + keyword + "'");
        }
    }

    private void expectEnd() {
        skipBlanks();
        if (pos < endOfStatement()) {
            throw mismatch("<EOF>");
        }
    }

    /**
     * Where the statement ends, from the current position: after its last character that is neither blank nor in a
     * comment, leaving out a final ';' and the blanks before it.
     */
    private int endOfStatement() {
        int contentEnd = pos;
        int at = pos;
        while (at < sql.length()) {
            int next = SqlScan.skip(sql, at);
            if (next != at) {
                if (sql.charAt(at) == '\'' || sql.charAt(at) == '"') {
                    contentEnd = next;
                }
                at = next;
            } else {
                if (!Character.isWhitespace(sql.charAt(at))) {
                    contentEnd = at + 1;
                }
                at++;
            }
        }
        if (contentEnd > pos && sql.charAt(contentEnd - 1) == ';') {
            int end = contentEnd - 1;
            while (end > pos && Character.isWhitespace(sql.charAt(end - 1))) {
                end--;
            }
            return end;
        }
        return contentEnd;
    }

    /** The end of one USING value: the next comma outside quotes and brackets, or the statement's end. */
    private int endOfValue(int end) {
        return SqlScan.topLevelIndexOf(sql, ',', pos, end);
    }

    private void skipBlanks() {
        while (pos < sql.length()) {
            if (Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            } else if (sql.startsWith("--", pos) || sql.startsWith("/*", pos)) {
                pos = SqlScan.skip(sql, pos);
            } else {
                return;
            }
        }
    }

    /** Trino's syntax error at the current position: {@code mismatched input 'X'. Expecting: ...}. */
    private GlauxException mismatch(String expecting) {
        skipBlanks();
        String found;
        if (pos >= endOfStatement()) {
            found = "<EOF>";
        } else {
            int start = pos;
            String word = word();
            found = word.isEmpty() ? String.valueOf(sql.charAt(start)) : word;
            pos = start;
        }
        return error(pos, "mismatched input '" + found + "'. Expecting: " + expecting);
    }

    private GlauxException error(int offset, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return GlauxException.syntax(line, column, message);
    }
}
