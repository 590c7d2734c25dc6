package io.glaux.connectors.jdbc;

import io.glaux.connector.ArrayColumnBatch;
import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ConnectorValues;
import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one split's statement as a stream: autocommit off and a fetch size, so the driver pulls {@link #FETCH_SIZE}
 * rows at a time through a server-side portal, and batches of at most {@link #BATCH_ROWS} rows. Closing it before the
 * end (the query has enough rows, failed or was cancelled) closes the portal and ends the transaction; a statement
 * still running on the server when the reading thread is interrupted (Glaux cancels a query by interrupting its
 * worker) is cancelled there by {@link CancelWatch}.
 */
final class JdbcBatchReader implements BatchReader {

    static final int FETCH_SIZE = 4096;
    static final int BATCH_ROWS = 4096;

    private final JdbcConnector connector;
    private final PostgresQuery query;
    private final String doing;

    private Connection connection;
    private volatile PreparedStatement statement;
    private ResultSet results;
    private boolean finished;
    private boolean closed;
    private long rowsLeft;
    private volatile Thread fetching;
    private volatile boolean cancelSent;

    JdbcBatchReader(JdbcConnector connector, PostgresQuery query, String doing) {
        this.connector = connector;
        this.query = query;
        this.doing = doing;
        this.rowsLeft = query.rowLimit().orElse(Long.MAX_VALUE);
    }

    @Override
    public synchronized ColumnBatch next() {
        if (closed || finished) {
            return null;
        }
        fetching = Thread.currentThread();
        connector.cancelWatch().watch(this);
        try {
            if (results == null) {
                start();
            }
            return read();
        } catch (SQLException e) {
            finish(false);
            throw JdbcErrors.of(connector.config(), doing, e);
        } catch (ArithmeticException | DateTimeException | ClassCastException | UnreadableValue e) {
            finish(false);
            throw JdbcErrors.of(connector.config(), doing, "a value cannot be read as its Athena type: "
                    + e.getMessage());
        } finally {
            connector.cancelWatch().unwatch(this);
            fetching = null;
        }
    }

    private void start() throws SQLException {
        connection = connector.pool().borrow();
        connection.setAutoCommit(false);
        statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        int index = 1;
        for (PostgresQuery.Parameter parameter : query.parameters()) {
            bind(statement, index++, parameter);
        }
        results = statement.executeQuery();
    }

    private ColumnBatch read() throws SQLException {
        List<SourceColumn> selected = query.selected();
        int[] output = query.output();
        Object[] row = new Object[selected.size()];
        List<Object[]> columns = new ArrayList<>(output.length);
        for (int i = 0; i < output.length; i++) {
            columns.add(new Object[BATCH_ROWS]);
        }
        int count = 0;
        while (count < BATCH_ROWS && rowsLeft > 0) {
            if (!results.next()) {
                finish(true);
                break;
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = value(results, i + 1, selected.get(i));
            }
            if (!matchesResidual(row)) {
                continue;
            }
            for (int i = 0; i < output.length; i++) {
                columns.get(i)[count] = row[output[i]];
            }
            count++;
            rowsLeft--;
        }
        if (rowsLeft == 0 && !finished) {
            // The limit is reached (only set when the SQL could not carry it): stop the statement here.
            finish(true);
        }
        if (count == 0 && finished) {
            return null;
        }
        return new ArrayColumnBatch(count, columns);
    }

    private boolean matchesResidual(Object[] row) {
        for (PostgresQuery.Residual residual : query.residual()) {
            if (!residual.domain().contains(row[residual.position()])) {
                return false;
            }
        }
        return true;
    }

    /** Called by {@link CancelWatch} when the thread reading this split was interrupted mid-fetch. */
    void cancelIfInterrupted() {
        Thread reader = fetching;
        PreparedStatement running = statement;
        if (reader != null && running != null && !cancelSent && reader.isInterrupted()) {
            cancelSent = true;
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // The statement finished meanwhile or the connection is gone: nothing left to cancel.
            }
        }
    }

    @Override
    public void close() {
        // A fetch under way in another thread is stopped on the server first, so the lock below is released.
        Thread reader = fetching;
        PreparedStatement running = statement;
        if (reader != null && reader != Thread.currentThread() && running != null) {
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // Already finished.
            }
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (!finished) {
                finish(results != null);
            }
        }
    }

    /**
     * Closes the portal and the statement, ends the transaction and gives the connection back; it is reused only when
     * all of that went well.
     */
    private void finish(boolean healthy) {
        finished = true;
        boolean reusable = healthy && !cancelSent;
        try {
            if (results != null) {
                results.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            reusable = false;
        } finally {
            results = null;
            statement = null;
            if (connection != null) {
                connector.pool().release(connection, reusable);
                connection = null;
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, PostgresQuery.Parameter parameter)
            throws SQLException {
        Object value = parameter.value();
        switch (parameter.type()) {
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case SMALLINT -> statement.setShort(index, ((Number) value).shortValue());
            case INT -> statement.setInt(index, ((Number) value).intValue());
            case BIGINT -> statement.setLong(index, ((Number) value).longValue());
            // Sent as text and cast to float4 in the SQL: the driver would send a float as float8.
            case FLOAT -> statement.setString(index, Float.toString((Float) value));
            case DOUBLE -> statement.setDouble(index, (Double) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case STRING -> statement.setString(index, (String) value);
            case DATE -> statement.setObject(index, (LocalDate) value);
            case TIMESTAMP -> statement.setObject(index, ConnectorValues.toLocalDateTime(value));
            case TIMESTAMP_TZ -> statement.setObject(index,
                    ConnectorValues.toLocalDateTime(value).atOffset(ZoneOffset.UTC));
            default -> throw new IllegalArgumentException("Cannot bind a " + parameter.type() + " value");
        }
    }

    /** Column {@code index}'s value in the engine's form (see io.glaux.connector's package documentation). */
    static Object value(ResultSet results, int index, SourceColumn column) throws SQLException {
        Object value = switch (column.read()) {
            case BOOLEAN -> results.getBoolean(index);
            case SMALLINT -> results.getShort(index);
            case INT -> results.getInt(index);
            case BIGINT -> results.getLong(index);
            case FLOAT -> results.getFloat(index);
            case DOUBLE -> results.getDouble(index);
            case DECIMAL -> {
                BigDecimal decimal = results.getBigDecimal(index);
                yield decimal == null ? null
                        : decimal.setScale(((AthenaType.Decimal) column.type()).scale(), RoundingMode.HALF_UP);
            }
            case STRING -> results.getString(index);
            case DATE -> ConnectorValues.date(results.getObject(index, LocalDate.class));
            case TIMESTAMP -> timestamp(results.getObject(index, LocalDateTime.class));
            case TIMESTAMP_TZ -> {
                OffsetDateTime instant = results.getObject(index, OffsetDateTime.class);
                yield instant == null ? null
                        : timestamp(instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            }
            case BINARY -> {
                byte[] bytes = results.getBytes(index);
                yield bytes == null ? null : new ByteString(bytes);
            }
            case ARRAY -> array(results.getArray(index), ((AthenaType.Array) column.type()).element());
        };
        return results.wasNull() ? null : value;
    }

    /** Milliseconds, rounded down as Athena cuts a timestamp to its precision. */
    private static Long timestamp(LocalDateTime time) {
        if (time == null) {
            return null;
        }
        if (time.equals(LocalDateTime.MAX) || time.equals(LocalDateTime.MIN)) {
            throw new UnreadableValue("an infinite timestamp has no Athena value");
        }
        return ConnectorValues.timestamp(time);
    }

    private static List<Object> array(Array array, AthenaType element) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(values.length);
            for (Object value : values) {
                list.add(element(value, element));
            }
            return list;
        } finally {
            array.free();
        }
    }

    private static Object element(Object value, AthenaType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Object[]) {
            throw new UnreadableValue("a multi-dimensional array is not an Athena array");
        }
        return switch (type.kind()) {
            case BOOLEAN -> (Boolean) value;
            case SMALLINT -> ((Number) value).shortValue();
            case INT -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).floatValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> ((BigDecimal) value).setScale(((AthenaType.Decimal) type).scale(), RoundingMode.HALF_UP);
            case DATE -> ConnectorValues.date(((java.sql.Date) value).toLocalDate());
            case TIMESTAMP -> timestamp(((java.sql.Timestamp) value).toLocalDateTime());
            default -> value.toString();
        };
    }

    /** A database value that has no value of the column's Athena type. */
    static final class UnreadableValue extends RuntimeException {
        UnreadableValue(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return query.sql() + " " + Arrays.toString(query.parameters().toArray());
    }
}
