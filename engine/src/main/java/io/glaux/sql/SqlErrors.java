package io.glaux.sql;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calcite's exceptions in Athena's words (Trino's error names and messages, with {@code line L:C:} positions), e.g.
 * {@code TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.x' does not exist}.
 */
public final class SqlErrors {

    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");
    private static final Pattern FUNCTION = Pattern.compile("No match found for function signature ([^(]+)\\(");
    private static final Pattern COLUMN = Pattern.compile("Column '([^']+)' not found");

    private SqlErrors() {
    }

    static GlauxException syntax(SqlParseException e, String sql) {
        SqlParserPos pos = e.getPos();
        int line = pos == null ? 1 : Math.max(1, pos.getLineNum());
        int column = pos == null ? 1 : Math.max(1, pos.getColumnNum());
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher encountered = ENCOUNTERED.matcher(message);
        if (encountered.find()) {
            // Calcite reports the tokens from the last good one on; Trino names the first token that doesn't fit.
            String[] tokens = encountered.group(1).trim().split(" ");
            int[] at = lastTokenPosition(sql, line, column, tokens);
            String token = tokens[tokens.length - 1];
            if (token.isEmpty() || token.equals("<EOF>")) {
                token = "<EOF>";
            }
            return GlauxException.syntax(at[0], at[1], "mismatched input '" + token + "'. Expecting: "
                    + expected(e));
        }
        String firstLine = message.lines().findFirst().orElse("syntax error");
        return GlauxException.syntax(line, column, firstLine.replaceAll(" at line \\d+, column \\d+\\.?", ""));
    }

    /** Walks the SQL text from a token's position past all but the last of {@code tokens}. */
    private static int[] lastTokenPosition(String sql, int line, int column, String[] tokens) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = sql.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return new int[] {line, column};
            }
        }
        offset += column - 1;
        for (int i = 0; i < tokens.length - 1; i++) {
            while (offset < sql.length() && Character.isWhitespace(sql.charAt(offset))) {
                offset++;
            }
            if (!sql.regionMatches(true, offset, tokens[i], 0, tokens[i].length())) {
                return new int[] {line, column};
            }
            offset += tokens[i].length();
        }
        while (offset < sql.length() && Character.isWhitespace(sql.charAt(offset))) {
            offset++;
        }
        int newLine = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                newLine++;
                lineStart = i + 1;
            }
        }
        return new int[] {newLine, offset - lineStart + 1};
    }

    /** A short, readable list of what the parser expected, in Trino's quoting. */
    private static String expected(SqlParseException e) {
        Set<String> names = new TreeSet<>();
        if (e.getExpectedTokenNames() != null) {
            for (String name : e.getExpectedTokenNames()) {
                String readable = name.startsWith("\"") ? "'" + name.substring(1, name.length() - 1) + "'"
                        : name.toLowerCase(Locale.ROOT);
                names.add(readable);
            }
        }
        if (names.isEmpty()) {
            return "<expression>";
        }
        String joined = String.join(", ", names.stream().limit(12).toList());
        return names.size() > 12 ? joined + ", ..." : joined;
    }

    /** Planning failures: names that don't resolve, type errors, and anything unexpected. */
    static GlauxException translate(RuntimeException e, String sql, QueryContext context) {
        if (e instanceof GlauxException glaux) {
            return glaux;
        }
        if (e instanceof CalciteContextException located) {
            return located(located, sql, context);
        }
        return translateRuntime(e);
    }

    private static GlauxException located(CalciteContextException e, String sql, QueryContext context) {
        int line = e.getPosLine();
        int column = e.getPosColumn();
        String at = "line " + line + ":" + column + ": ";
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        if (message.startsWith("Object '") || message.startsWith("Table '")) {
            String name = qualify(textAt(sql, line, column, e.getEndPosLine(), e.getEndPosColumn()), context);
            return new GlauxException(ErrorType.NOT_FOUND, "TABLE_NOT_FOUND: " + at + "Table '" + name
                    + "' does not exist", e);
        }
        Matcher columnMatch = COLUMN.matcher(message);
        if (columnMatch.find()) {
            return new GlauxException(ErrorType.NOT_FOUND, "COLUMN_NOT_FOUND: " + at + "Column '"
                    + columnMatch.group(1) + "' cannot be resolved", e);
        }
        Matcher function = FUNCTION.matcher(message);
        if (function.find()) {
            return new GlauxException(ErrorType.FUNCTION_ERROR, "FUNCTION_NOT_FOUND: " + at + "Function '"
                    + function.group(1).toLowerCase(Locale.ROOT) + "' not registered", e);
        }
        if (message.startsWith("Cannot apply") || message.contains("Cannot assign")) {
            return new GlauxException(ErrorType.USER_ERROR, "TYPE_MISMATCH: " + at + message, e);
        }
        return new GlauxException(ErrorType.USER_ERROR, at + message, e);
    }

    /** Execution failures: bad casts, division by zero, unreadable data, internal errors. */
    public static GlauxException translateRuntime(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GlauxException glaux) {
                return glaux;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException arithmetic && String.valueOf(t.getMessage()).contains("by zero")) {
                return new GlauxException(ErrorType.USER_ERROR, "DIVISION_BY_ZERO: Division by zero", arithmetic);
            }
            if (t instanceof NumberFormatException number) {
                return new GlauxException(ErrorType.USER_ERROR, "INVALID_CAST_ARGUMENT: Cannot cast value: "
                        + number.getMessage(), number);
            }
        }
        return new GlauxException(ErrorType.QUERY_ENGINE_INTERNAL_ERROR, "GENERIC_INTERNAL_ERROR: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    /** The qualified name of a table reference, resolved as Trino resolves it. */
    private static String qualify(String reference, QueryContext context) {
        String[] parts = reference.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            parts[i] = part.startsWith("\"") && part.endsWith("\"") && part.length() >= 2
                    ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT);
        }
        return switch (parts.length) {
            case 1 -> context.catalog() + "." + context.database() + "." + parts[0];
            case 2 -> context.catalog() + "." + parts[0] + "." + parts[1];
            default -> String.join(".", parts);
        };
    }

    /** The SQL text between two 1-based positions (inclusive). */
    private static String textAt(String sql, int line, int column, int endLine, int endColumn) {
        String[] lines = sql.split("\n", -1);
        if (line < 1 || line > lines.length || endLine < line || endLine > lines.length) {
            return "";
        }
        if (line == endLine) {
            String text = lines[line - 1];
            return text.substring(Math.min(column - 1, text.length()), Math.min(endColumn, text.length()));
        }
        StringBuilder out = new StringBuilder(lines[line - 1].substring(Math.min(column - 1,
                lines[line - 1].length())));
        for (int l = line; l < endLine - 1; l++) {
            out.append(lines[l]);
        }
        out.append(lines[endLine - 1], 0, Math.min(endColumn, lines[endLine - 1].length()));
        return out.toString();
    }
}
