package io.glaux.connectors.jdbc;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small pool of one catalog's connections: each metadata call and each split being read borrows one and gives it
 * back; at most {@link #MAX_IDLE} wait idle, the rest are closed. There is no limit on connections in use (a query
 * reads one split at a time, so that is one per running query plus metadata). A connection idle for longer than
 * {@link #CHECK_AFTER_MILLIS} is checked before it is handed out again, and one that failed is never reused.
 */
final class ConnectionPool implements AutoCloseable {

    static final int MAX_IDLE = 4;
    static final long CHECK_AFTER_MILLIS = 30_000;

    private static final Driver DRIVER = new Driver();

    private record Idle(Connection connection, long since) {
    }

    private final JdbcConnectionConfig config;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(JdbcConnectionConfig config) {
        this.config = config;
    }

    /**
     * A connection in autocommit mode whose session time zone is UTC, marked read-only: a transaction begun on it
     * (a split's scan) is READ ONLY.
     */
    Connection borrow() throws SQLException {
        while (true) {
            Idle next;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("The catalog's connector was closed", "08003");
                }
                next = idle.pollFirst();
            }
            if (next == null) {
                return open();
            }
            if (System.currentTimeMillis() - next.since() < CHECK_AFTER_MILLIS || valid(next.connection())) {
                return next.connection();
            }
            closeQuietly(next.connection());
        }
    }

    /** Gives a connection back: kept when {@code reusable} and there is room, else closed. */
    void release(Connection connection, boolean reusable) {
        if (connection == null) {
            return;
        }
        if (reusable) {
            try {
                reusable = !connection.isClosed() && connection.getAutoCommit();
            } catch (SQLException e) {
                reusable = false;
            }
        }
        if (reusable) {
            synchronized (this) {
                if (!closed && idle.size() < MAX_IDLE) {
                    idle.addFirst(new Idle(connection, System.currentTimeMillis()));
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    private Connection open() throws SQLException {
        Connection connection = DRIVER.connect(config.url(), config.properties());
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept the URL " + config.describe(), "08001");
        }
        try (Statement statement = connection.createStatement()) {
            // Values are read and compared as UTC, whatever the server's or the JVM's zone.
            statement.execute("SET TIME ZONE 'UTC'");
            connection.setReadOnly(true);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    private static boolean valid(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing what failed or is no longer needed: nothing more to do.
        }
    }

    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }
}
