package io.glaux.connectors.jdbc;

import io.glaux.catalog.Column;
import io.glaux.connector.BatchReader;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorScanner;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL database as a federated catalog, as Athena's PostgreSQL connector serves it: its schemas (but the
 * system ones), its tables, views, materialized views, partitioned and foreign tables, their columns typed as {@link
 * PostgresTypes} says; each scan is one split, read by one SELECT that carries the projection, the constraint, the
 * limit and the top-N ({@link PostgresQueryBuilder}), streamed in batches ({@link JdbcBatchReader}). A partitioned
 * table is read through its parent, so PostgreSQL prunes the partitions the WHERE clause rules out.
 *
 * <p>The WHERE clause says the constraint exactly, and what it can't say the connector checks itself, so it declares
 * {@link ConnectorCapabilities#ALL}.
 */
final class JdbcConnector implements Connector, ConnectorMetadata, ConnectorScanner {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConnector.class);

    /** The relations listed as tables: everything that can be read with SELECT. */
    private static final String[] TABLE_TYPES = {"TABLE", "VIEW", "MATERIALIZED VIEW", "PARTITIONED TABLE",
            "FOREIGN TABLE"};

    private static final String NONDETERMINISTIC_COLUMNS = "SELECT a.attname FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_collation c ON c.oid = a.attcollation"
            + " JOIN pg_catalog.pg_class r ON r.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace"
            + " WHERE n.nspname = ? AND r.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND NOT c.collisdeterministic";

    private static final int CACHED_TABLES = 256;

    /** The one split of a scan: the relation its SELECT reads. */
    record JdbcSplit(SchemaTableName relation) implements ConnectorSplit {
    }

    /** A table as last described, with how each of its columns is read. */
    private record SourceTable(ConnectorTable table, Map<String, SourceColumn> columns) {
    }

    private final JdbcConnectionConfig config;
    private final ConnectionPool pool;
    private final CancelWatch cancelWatch;
    private final Map<SchemaTableName, SourceTable> tables = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SchemaTableName, SourceTable> eldest) {
            return size() > CACHED_TABLES;
        }
    };
    private volatile ServerEncoding encoding;

    JdbcConnector(JdbcConnectionConfig config) {
        this.config = config;
        this.pool = new ConnectionPool(config);
        this.cancelWatch = new CancelWatch(config.catalog());
    }

    JdbcConnectionConfig config() {
        return config;
    }

    ConnectionPool pool() {
        return pool;
    }

    CancelWatch cancelWatch() {
        return cancelWatch;
    }

    @Override
    public ConnectorMetadata metadata() {
        return this;
    }

    @Override
    public ConnectorScanner scanner() {
        return this;
    }

    @Override
    public ConnectorCapabilities capabilities() {
        return ConnectorCapabilities.ALL;
    }

    @Override
    public List<String> listSchemas() {
        return withConnection("listing schemas", connection -> {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getSchemas()) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (!isSystemSchema(schema)) {
                        schemas.add(schema);
                    }
                }
            }
            schemas.sort(null);
            return schemas;
        });
    }

    static boolean isSystemSchema(String schema) {
        return schema.equals("information_schema") || schema.equals("pg_catalog") || schema.startsWith("pg_toast")
                || schema.startsWith("pg_temp_");
    }

    @Override
    public List<SchemaTableName> listTables(String schema) {
        if (isSystemSchema(schema)) {
            return List.of();
        }
        return withConnection("listing the tables of schema " + schema, connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            String escape = metadata.getSearchStringEscape();
            List<SchemaTableName> names = new ArrayList<>();
            try (ResultSet rows = metadata.getTables(null, pattern(schema, escape), null, TABLE_TYPES)) {
                while (rows.next()) {
                    if (schema.equals(rows.getString("TABLE_SCHEM"))) {
                        names.add(new SchemaTableName(schema, rows.getString("TABLE_NAME")));
                    }
                }
            }
            names.sort((a, b) -> a.table().compareTo(b.table()));
            return names;
        });
    }

    @Override
    public Optional<ConnectorTable> getTable(SchemaTableName name) {
        if (isSystemSchema(name.schema())) {
            return Optional.empty();
        }
        return load(name).map(SourceTable::table);
    }

    private Optional<SourceTable> load(SchemaTableName name) {
        Optional<SourceTable> loaded = withConnection("describing table " + name, connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            String escape = metadata.getSearchStringEscape();
            Map<String, SourceColumn> columns = new LinkedHashMap<>();
            try (ResultSet rows = metadata.getColumns(null, pattern(name.schema(), escape),
                    pattern(name.table(), escape), null)) {
                while (rows.next()) {
                    if (!name.schema().equals(rows.getString("TABLE_SCHEM"))
                            || !name.table().equals(rows.getString("TABLE_NAME"))) {
                        continue;
                    }
                    SourceColumn column = PostgresTypes.column(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"),
                            rows.getString("TYPE_NAME"), rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
                            config.defaultScale());
                    if (columns.putIfAbsent(column.name(), column) != null) {
                        LOG.warn("Catalog {}: table {} has two columns named {} but for case; the second, {}, is left"
                                + " out", config.catalog(), name, column.name(), column.sourceName());
                    }
                }
            }
            if (columns.isEmpty()) {
                return Optional.<SourceTable>empty();
            }
            for (String sourceName : nondeterministicColumns(connection, name)) {
                columns.replaceAll((key, column) -> column.sourceName().equals(sourceName)
                        ? column.withCollationSensitiveEquality() : column);
            }
            if (encoding == null) {
                encoding = serverEncoding(connection);
            }
            List<Column> described = columns.values().stream().map(SourceColumn::column).toList();
            return Optional.of(new SourceTable(new ConnectorTable(name, described), Map.copyOf(columns)));
        });
        synchronized (tables) {
            if (loaded.isPresent()) {
                tables.put(name, loaded.get());
            } else {
                tables.remove(name);
            }
        }
        return loaded;
    }

    /** Columns whose collation is nondeterministic (PostgreSQL 12 and later): equality there is not byte equality. */
    private static Set<String> nondeterministicColumns(Connection connection, SchemaTableName name)
            throws SQLException {
        Set<String> names = new HashSet<>();
        if (connection.getMetaData().getDatabaseMajorVersion() < 12) {
            return names;
        }
        try (PreparedStatement statement = connection.prepareStatement(NONDETERMINISTIC_COLUMNS)) {
            statement.setString(1, name.schema());
            statement.setString(2, name.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static ServerEncoding serverEncoding(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_encoding")) {
            return rows.next() ? ServerEncoding.of(rows.getString(1)) : ServerEncoding.OTHER;
        }
    }

    private static String pattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** One split per table: PostgreSQL reads a partitioned table's partitions itself, pruning by the WHERE clause. */
    @Override
    public List<ConnectorSplit> splits(ScanRequest request) {
        return List.of(new JdbcSplit(request.table().name()));
    }

    @Override
    public BatchReader read(ScanRequest request, ConnectorSplit split) {
        SchemaTableName name = request.table().name();
        SourceTable table;
        synchronized (tables) {
            table = tables.get(name);
        }
        if (table == null || !table.table().equals(request.table())) {
            table = load(name).orElseThrow(() -> JdbcErrors.of(config, "reading table " + name,
                    "the table no longer exists"));
        }
        for (Column column : request.table().allColumns()) {
            SourceColumn now = table.columns().get(column.name());
            if (now == null || !now.type().equals(column.type())) {
                throw JdbcErrors.of(config, "reading table " + name, "column " + column.name()
                        + " changed since the query was planned; run it again");
            }
        }
        ServerEncoding serverEncoding = encoding == null ? ServerEncoding.OTHER : encoding;
        PostgresQuery query = new PostgresQueryBuilder(table.columns(), serverEncoding)
                .build(((JdbcSplit) split).relation(), request,
                        request.queryId() == null ? null : "glaux:" + request.queryId());
        return new JdbcBatchReader(this, query, "reading table " + name);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String doing, Work<T> work) {
        Connection connection = null;
        boolean healthy = false;
        try {
            connection = pool.borrow();
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw JdbcErrors.of(config, doing, e);
        } finally {
            pool.release(connection, healthy);
        }
    }

    @Override
    public void close() {
        cancelWatch.close();
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcConnector[" + config.catalog() + " " + config.describe() + "]";
    }
}
