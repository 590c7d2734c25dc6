package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import io.glaux.results.ColumnInfo;
import io.glaux.sql.function.FunctionListing;
import io.glaux.sql.function.TrinoFunctions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SHOW FUNCTIONS [LIKE 'pattern' [ESCAPE 'c']]}: Trino's listing of the functions the engine resolves, columns
 * {@code Function}, {@code Return Type}, {@code Argument Types}, {@code Function Type}, {@code Deterministic},
 * {@code Description}, filtered by a LIKE pattern on the name.
 */
record ShowFunctionsStatement(Optional<Pattern> like) {

    private static final Pattern STATEMENT = Pattern.compile("\\s*SHOW\\s+FUNCTIONS\\b(.*?)\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LIKE = Pattern.compile("\\s*LIKE\\s+'((?:[^']|'')*)'(?:\\s+ESCAPE\\s+'(.)')?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static final List<ColumnInfo> COLUMNS = List.of(ColumnInfo.of("Function", "varchar", Integer.MAX_VALUE, 0),
            ColumnInfo.of("Return Type", "varchar", Integer.MAX_VALUE, 0),
            ColumnInfo.of("Argument Types", "varchar", Integer.MAX_VALUE, 0),
            ColumnInfo.of("Function Type", "varchar", Integer.MAX_VALUE, 0),
            ColumnInfo.of("Deterministic", "boolean", 0, 0),
            ColumnInfo.of("Description", "varchar", Integer.MAX_VALUE, 0));

    /** The statement, or empty if {@code sql} is not SHOW FUNCTIONS. */
    static Optional<ShowFunctionsStatement> parse(String sql) {
        Matcher m = STATEMENT.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(1);
        if (rest.isBlank()) {
            return Optional.of(new ShowFunctionsStatement(Optional.empty()));
        }
        Matcher like = LIKE.matcher(rest);
        if (!like.matches()) {
            int at = m.start(1) + (rest.length() - rest.stripLeading().length());
            throw new GlauxException(ErrorType.SYNTAX_ERROR, TrinoErrorCode.SYNTAX_ERROR,
                    SourceLocation.ofOffset(sql, at), "mismatched input '" + rest.strip().split("\\s+")[0]
                    + "'. Expecting: 'LIKE', <EOF>", null);
        }
        String escape = like.group(2);
        return Optional.of(new ShowFunctionsStatement(Optional.of(likePattern(like.group(1).replace("''", "'"),
                escape == null ? null : escape.charAt(0)))));
    }

    /** The rows: each listing whose name matches. */
    List<Object[]> rows() {
        return TrinoFunctions.listing().stream()
                .filter(f -> like.map(p -> p.matcher(f.name()).matches()).orElse(true))
                .map(ShowFunctionsStatement::row).toList();
    }

    private static Object[] row(FunctionListing f) {
        return new Object[] {f.name(), f.returnType(), f.argumentTypes(), f.functionType(), f.deterministic(), ""};
    }

    /** SQL LIKE ({@code %}, {@code _}, an optional escape character) as a regular expression. */
    private static Pattern likePattern(String like, Character escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escape != null && c == escape && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
