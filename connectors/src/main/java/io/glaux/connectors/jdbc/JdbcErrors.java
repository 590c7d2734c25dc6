package io.glaux.connectors.jdbc;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.sql.SQLException;

/**
 * Database failures as Athena reports a connector's: {@code GENERIC_USER_ERROR: } and a message naming the catalog
 * and what was being done, with the database's own first line (never a password, never a stack trace).
 */
final class JdbcErrors {

    private JdbcErrors() {
    }

    /**
     * @param config what was being reached
     * @param doing  what failed, such as {@code "reading table public.orders"}
     */
    static GlauxException of(JdbcConnectionConfig config, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (isConnectionFailure(state)) {
            return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog()
                    + "' cannot connect to PostgreSQL at " + config.describe() + ": " + message, e);
        }
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog() + "', "
                + doing + ": " + message + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), e);
    }

    static GlauxException of(JdbcConnectionConfig config, String doing, String problem) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog() + "', "
                + doing + ": " + problem);
    }

    /** Connection exceptions (08), invalid authorization (28), an unknown database (3D000). */
    private static boolean isConnectionFailure(String state) {
        return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown database error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
