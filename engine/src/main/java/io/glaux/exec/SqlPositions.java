package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors in the query part of CREATE VIEW / CTAS / INSERT carry positions relative to that part; this moves them to
 * positions in the whole statement, as the user wrote it.
 */
final class SqlPositions {

    private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+): ");

    private SqlPositions() {
    }

    /** An error whose position is already one in the whole statement (such as {@code line 1:1}): never shifted. */
    static GlauxException atStatement(ErrorType type, String message) {
        return new StatementError(type, message);
    }

    static GlauxException shift(GlauxException error, String statement, int queryOffset) {
        Matcher matcher = POSITION.matcher(error.getMessage());
        if (error instanceof StatementError || !matcher.find() || queryOffset <= 0) {
            return error;
        }
        int offsetLine = 1;
        int offsetColumn = 1;
        for (int i = 0; i < queryOffset && i < statement.length(); i++) {
            if (statement.charAt(i) == '\n') {
                offsetLine++;
                offsetColumn = 1;
            } else {
                offsetColumn++;
            }
        }
        int line = Integer.parseInt(matcher.group(1));
        int column = Integer.parseInt(matcher.group(2));
        int newLine = line + offsetLine - 1;
        int newColumn = line == 1 ? column + offsetColumn - 1 : column;
        String message = error.getMessage().substring(0, matcher.start()) + "line " + newLine + ":" + newColumn
                + ": " + error.getMessage().substring(matcher.end());
        return new GlauxException(error.type(), message, error);
    }

    private static final class StatementError extends GlauxException {
        StatementError(ErrorType type, String message) {
            super(type, message);
        }
    }
}
