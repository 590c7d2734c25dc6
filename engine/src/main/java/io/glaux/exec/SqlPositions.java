package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;

/**
 * Errors in the query part of CREATE VIEW / CTAS / INSERT / PREPARE carry locations relative to that part; this moves
 * their {@link SourceLocation} to one in the whole statement, as the user wrote it.
 */
final class SqlPositions {

    private SqlPositions() {
    }

    /** An error whose location is already one in the whole statement (such as {@code line 1:1}): never shifted. */
    static GlauxException atStatement(ErrorType type, TrinoErrorCode code, SourceLocation location, String detail) {
        return new StatementError(type, code, location, detail);
    }

    /** {@code error} with its location moved by where the query part starts; as it is without a location. */
    static GlauxException shift(GlauxException error, String statement, int queryOffset) {
        if (error instanceof StatementError || error.location().isEmpty() || queryOffset <= 0) {
            return error;
        }
        return error.at(error.location().get().within(SourceLocation.ofOffset(statement, queryOffset)));
    }

    private static final class StatementError extends GlauxException {
        StatementError(ErrorType type, TrinoErrorCode code, SourceLocation location, String detail) {
            super(type, code, location, detail, null);
        }
    }
}
