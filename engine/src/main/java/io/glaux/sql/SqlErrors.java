package io.glaux.sql;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calcite's exceptions as Athena's errors: Trino's error code, the {@link SourceLocation} Calcite reports and Trino's
 * wording of the detail, kept apart in the {@link GlauxException} (Athena's text, e.g.
 * {@code TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.x' does not exist}, is made from them by
 * {@link io.glaux.error.AthenaMessages}). The patterns below read Calcite's and Java's own messages, the only place
 * where Calcite puts the tokens it read, the name it did not find, or the value a cast refused; no pattern reads a
 * message Glaux made.
 */
public final class SqlErrors {

    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");
    private static final Pattern FUNCTION = Pattern.compile("No match found for function signature ([^(]+)\\(");
    private static final Pattern COLUMN = Pattern.compile("Column '([^']+)' not found");
    private static final Pattern NEAR_KEYWORD = Pattern.compile("^Incorrect syntax near the keyword '([^']*)'");
    private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"(.*)\"");
    private static final Pattern QUOTED = Pattern.compile("'(.*)'");
    private static final Pattern ILLEGAL_LITERAL = Pattern.compile("^Illegal (TIMESTAMP|DATE|TIME) literal '(.*)':");
    /** Byte.parseByte's and Short.parseShort's words for a number out of their range. */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Value out of range\\. Value:\"(.*)\" Radix");
    private static final String STATEMENT_STARTS = "'ALTER', 'CREATE', 'DESC', 'DESCRIBE', 'DROP', 'INSERT', 'MSCK',"
            + " 'SHOW', <query>";

    private SqlErrors() {
    }

    static GlauxException syntax(SqlParseException e, String sql) {
        SqlParserPos pos = e.getPos();
        SourceLocation at = new SourceLocation(pos == null ? 1 : Math.max(1, pos.getLineNum()),
                pos == null ? 1 : Math.max(1, pos.getColumnNum()));
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher encountered = ENCOUNTERED.matcher(message);
        if (encountered.find()) {
            // Calcite reports the tokens from the last good one on; Trino names the first token that doesn't fit.
            String[] tokens = encountered.group(1).trim().split(" ");
            SourceLocation last = lastTokenPosition(sql, at, tokens);
            String token = tokens[tokens.length - 1];
            if (token.isEmpty() || token.equals("<EOF>")) {
                token = "<EOF>";
                last = SourceLocation.ofOffset(sql, sql.length()); // Trino puts <EOF> after the last character
            }
            return GlauxException.syntax(last, "mismatched input '" + token + "'. Expecting: " + expected(e));
        }
        Matcher nearKeyword = NEAR_KEYWORD.matcher(message);
        if (nearKeyword.find()) {
            return nearKeyword(e, sql, at, nearKeyword.group(1));
        }
        if (message.startsWith("Non-query expression encountered in illegal context")) {
            // Calcite read a statement that is not one it knows as an expression; Trino names the first token.
            int offset = at.offsetIn(sql);
            return GlauxException.syntax(SourceLocation.ofOffset(sql, offset), "mismatched input '"
                    + tokenAt(sql, offset) + "'. Expecting: "
                    + (sql.substring(0, offset).isBlank() ? STATEMENT_STARTS : "<query>"));
        }
        // Calcite's message repeats the position the exception carries; the location field has it already.
        String firstLine = message.lines().findFirst().orElse("syntax error");
        return GlauxException.syntax(at, firstLine.replaceAll(" at line \\d+, column \\d+\\.?", ""));
    }

    /**
     * Calcite's "Incorrect syntax near the keyword 'K'" points at the last keyword it read. When the keyword began a
     * clause that the parser expected to continue ({@code FROM} then a table, {@code GROUP} then {@code BY}), Trino
     * names the token after it, the one that did not fit ({@code <EOF>} at the end); otherwise the keyword itself.
     */
    private static GlauxException nearKeyword(SqlParseException e, String sql, SourceLocation at, String keyword) {
        int offset = at.offsetIn(sql);
        String written = sql.regionMatches(true, offset, keyword, 0, keyword.length())
                ? sql.substring(offset, offset + keyword.length()) : keyword;
        if (continues(e, keyword)) {
            int after = skipWhitespace(sql, offset + keyword.length());
            return GlauxException.syntax(SourceLocation.ofOffset(sql, after), "mismatched input '"
                    + tokenAt(sql, after) + "'. Expecting: " + expected(e));
        }
        Set<String> first = new TreeSet<>();
        if (e.getExpectedTokenSequences() != null && e.getTokenImages() != null) {
            for (int[] sequence : e.getExpectedTokenSequences()) {
                if (sequence.length > 0) {
                    first.add(readable(e.getTokenImages()[sequence[0]]));
                }
            }
        }
        first.remove("'/*+'");
        return GlauxException.syntax(at, "mismatched input '" + written + "'. Expecting: " + join(first));
    }

    /** Whether the parser expected more tokens after {@code keyword} (sequences that start with it). */
    private static boolean continues(SqlParseException e, String keyword) {
        if (e.getExpectedTokenSequences() == null || e.getTokenImages() == null) {
            return false;
        }
        String image = "\"" + keyword.toUpperCase(Locale.ROOT) + "\"";
        for (int[] sequence : e.getExpectedTokenSequences()) {
            if (sequence.length > 1 && image.equals(e.getTokenImages()[sequence[0]])) {
                return true;
            }
        }
        return false;
    }

    private static int skipWhitespace(String sql, int offset) {
        while (offset < sql.length() && Character.isWhitespace(sql.charAt(offset))) {
            offset++;
        }
        return offset;
    }

    /** The token that starts at {@code offset}: a word, a quoted text, one symbol, or {@code <EOF>}. */
    private static String tokenAt(String sql, int offset) {
        if (offset >= sql.length()) {
            return "<EOF>";
        }
        char c = sql.charAt(offset);
        int end = offset + 1;
        if (Character.isLetterOrDigit(c) || c == '_') {
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
        } else if (c == '\'' || c == '"') {
            int close = sql.indexOf(c, offset + 1);
            end = close < 0 ? sql.length() : close + 1;
        }
        return sql.substring(offset, end);
    }

    /** Walks the SQL text from a token's position past all but the last of {@code tokens}. */
    private static SourceLocation lastTokenPosition(String sql, SourceLocation first, String[] tokens) {
        int offset = first.offsetIn(sql);
        for (int i = 0; i < tokens.length - 1; i++) {
            offset = skipWhitespace(sql, offset);
            if (!sql.regionMatches(true, offset, tokens[i], 0, tokens[i].length())) {
                return first;
            }
            offset += tokens[i].length();
        }
        return SourceLocation.ofOffset(sql, skipWhitespace(sql, offset));
    }

    /** A short, readable list of what the parser expected, in Trino's quoting. */
    private static String expected(SqlParseException e) {
        Set<String> names = new TreeSet<>();
        if (e.getExpectedTokenNames() != null) {
            for (String name : e.getExpectedTokenNames()) {
                names.add(readable(name));
            }
        }
        return join(names);
    }

    private static String readable(String tokenImage) {
        return tokenImage.startsWith("\"") ? "'" + tokenImage.substring(1, tokenImage.length() - 1) + "'"
                : tokenImage.toLowerCase(Locale.ROOT);
    }

    private static String join(Set<String> names) {
        if (names.isEmpty()) {
            return "<expression>";
        }
        String joined = String.join(", ", names.stream().limit(12).toList());
        return names.size() > 12 ? joined + ", ..." : joined;
    }

    /**
     * Planning failures: names that don't resolve, type errors, and anything unexpected.
     *
     * @param schemaExists whether a (catalog, database) pair exists, to tell a missing schema from a missing table
     */
    static GlauxException translate(RuntimeException e, String sql, QueryContext context,
                                    BiPredicate<String, String> schemaExists) {
        if (e instanceof GlauxException glaux) {
            return glaux;
        }
        if (e instanceof CalciteContextException located) {
            return located(located, sql, context, schemaExists);
        }
        return translateRuntime(e);
    }

    private static GlauxException located(CalciteContextException e, String sql, QueryContext context,
                                          BiPredicate<String, String> schemaExists) {
        int line = e.getPosLine();
        int column = e.getPosColumn();
        SourceLocation at = new SourceLocation(Math.max(1, line), Math.max(1, column));
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        if (message.startsWith("Object '") || message.startsWith("Table '")) {
            String name = qualify(textAt(sql, line, column, e.getEndPosLine(), e.getEndPosColumn()), context);
            String[] parts = name.split("\\.");
            if (parts.length == 3 && !schemaExists.test(parts[0], null)) {
                return new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.CATALOG_NOT_FOUND, at, "Catalog '"
                        + parts[0] + "' does not exist", null);
            }
            if (parts.length == 3 && !schemaExists.test(parts[0], parts[1])) {
                // Trino checks the schema first: a table in a missing database is a missing schema.
                return new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.SCHEMA_NOT_FOUND, at, "Schema '"
                        + parts[1] + "' does not exist", null);
            }
            return new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.TABLE_NOT_FOUND, at, "Table '" + name
                    + "' does not exist", e);
        }
        Matcher columnMatch = COLUMN.matcher(message);
        if (columnMatch.find()) {
            return new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.COLUMN_NOT_FOUND, at, "Column '"
                    + columnMatch.group(1) + "' cannot be resolved", e);
        }
        Matcher function = FUNCTION.matcher(message);
        if (function.find()) {
            return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.FUNCTION_NOT_FOUND, at, "Function '"
                    + function.group(1).toLowerCase(Locale.ROOT) + "' not registered", e);
        }
        Matcher literal = ILLEGAL_LITERAL.matcher(message);
        if (literal.find()) {
            return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.INVALID_LITERAL, at, "'" + literal.group(2)
                    + "' is not a valid " + literal.group(1).toLowerCase(Locale.ROOT) + " literal", e);
        }
        if (message.startsWith("Cannot apply") || message.contains("Cannot assign")) {
            return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.TYPE_MISMATCH, at, message, e);
        }
        return new GlauxException(ErrorType.USER_ERROR, null, at, message, e);
    }

    /** Execution failures: bad casts, division by zero, unreadable data, internal errors. */
    public static GlauxException translateRuntime(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GlauxException glaux) {
                return glaux;
            }
            if (t instanceof OutOfMemoryError) {
                return resourcesExhausted(t);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException arithmetic && String.valueOf(t.getMessage()).contains("by zero")) {
                return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.DIVISION_BY_ZERO, "Division by zero",
                        arithmetic);
            }
            GlauxException cast = castFailure(t);
            if (cast != null) {
                return cast;
            }
            if (t instanceof NumberFormatException number) {
                return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.INVALID_CAST_ARGUMENT,
                        "Cannot cast value: " + number.getMessage(), number);
            }
        }
        return new GlauxException(ErrorType.QUERY_ENGINE_INTERNAL_ERROR, TrinoErrorCode.GENERIC_INTERNAL_ERROR,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    /** Athena's error for a query that needed more memory than there is ({@code cause}: what noticed it, or null). */
    public static GlauxException resourcesExhausted(Throwable cause) {
        return new GlauxException(ErrorType.RESOURCES_EXHAUSTED, TrinoErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT,
                "Query exhausted resources at this scale factor", cause);
    }

    /**
     * A CAST from varchar that failed in Calcite's runtime, in Trino's words ({@code Cannot cast 'abc' to INT},
     * {@code Value cannot be cast to date: abc}); null if {@code t} is not one. The target type is read from the
     * runtime method that threw, the value from the message.
     */
    private static GlauxException castFailure(Throwable t) {
        if (t.getMessage() == null) {
            return null;
        }
        String target = null;
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals("org.apache.calcite.runtime.SqlFunctions")
                    || frame.getClassName().equals("org.apache.calcite.avatica.util.DateTimeUtils")
                    || frame.getClassName().equals("java.lang.Byte")
                    || frame.getClassName().equals("java.lang.Short")) {
                target = castTarget(frame.getMethodName());
                if (target != null) {
                    break;
                }
            }
        }
        if (target == null) {
            return null;
        }
        String text = t.getMessage();
        if (text.startsWith("Invalid character for cast: ")) {
            text = text.substring("Invalid character for cast: ".length());
        } else {
            Matcher value = (t instanceof NumberFormatException ? INPUT_STRING : QUOTED).matcher(text);
            Matcher outOfRange = OUT_OF_RANGE.matcher(text);
            text = value.find() ? value.group(1) : outOfRange.find() ? outOfRange.group(1) : text;
        }
        String message = Character.isLowerCase(target.charAt(0))
                ? "Value cannot be cast to " + target + ": " + text
                : "Cannot cast '" + text + "' to " + target;
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.INVALID_CAST_ARGUMENT, message, t);
    }

    private static String castTarget(String runtimeMethod) {
        return switch (runtimeMethod) {
            case "toInt" -> "INT";
            case "toLong" -> "BIGINT";
            case "toShort", "parseShort" -> "SMALLINT";
            case "toByte", "parseByte" -> "TINYINT";
            case "toFloat" -> "REAL";
            case "toDouble" -> "DOUBLE";
            case "toBoolean" -> "BOOLEAN";
            case "dateStringToUnixDate" -> "date";
            case "timestampStringToUnixDate" -> "timestamp";
            case "timeStringToUnixDate" -> "time";
            default -> null;
        };
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
