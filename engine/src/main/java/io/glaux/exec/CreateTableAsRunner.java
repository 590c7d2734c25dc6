package io.glaux.exec;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.Partition;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.catalog.ddl.DdlStatement;
import io.glaux.storage.ObjectInfo;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.FormatRegistry;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import org.apache.calcite.linq4j.Enumerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE TABLE ... WITH (...) AS SELECT: runs the query, writes its rows as objects (Parquet unless {@code format}
 * says otherwise) under {@code external_location} (default: {@code <output location>/tables/<query id>/}),
 * partitioned by the trailing {@code partitioned_by} columns, then registers the table and its partitions.
 */
final class CreateTableAsRunner {

    private static final Set<String> PROPERTIES = Set.of("format", "external_location", "partitioned_by",
            "write_compression", "parquet_compression", "field_delimiter");

    private final Catalog catalog;
    private final QueryPlanner planner;
    private final ObjectStore store;
    private final FormatRegistry formats;

    CreateTableAsRunner(Catalog catalog, QueryPlanner planner, ObjectStore store, FormatRegistry formats) {
        this.catalog = catalog;
        this.planner = planner;
        this.store = store;
        this.formats = formats;
    }

    /** Returns the objects written and the row count; {@code queryParameters} bind the query's placeholders. */
    WriteOutcome run(String queryId, DdlStatement.CreateTableAsSelect statement, QueryContext context,
                     List<String> queryParameters, S3Location outputPrefix, ScanContext scan) throws IOException {
        String database = statement.name().databaseOr(context.database());
        String name = statement.name().name();
        AthenaNames.checkNewRelation(name);
        catalog.getDatabase(database).orElseThrow(() -> new GlauxException(ErrorType.NOT_FOUND,
                TrinoErrorCode.SCHEMA_NOT_FOUND, "Schema '" + database + "' does not exist"));
        if (catalog.getTable(database, name).isPresent()) {
            if (statement.ifNotExists()) {
                return new WriteOutcome(List.of(), 0);
            }
            throw new GlauxException(ErrorType.ALREADY_EXISTS, TrinoErrorCode.TABLE_ALREADY_EXISTS, "Table '"
                    + context.catalog() + "." + database + "." + name + "' already exists");
        }
        Map<String, Object> properties = statement.properties();
        for (String key : properties.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw new GlauxException(ErrorType.INVALID_ARGUMENT, TrinoErrorCode.INVALID_TABLE_PROPERTY,
                        "Catalog '" + context.catalog() + "' table property '" + key + "' does not exist");
            }
        }
        PreparedQuery query = planner.prepare(statement.query(), context, queryParameters, scan.cancelFlag());
        query.writtenColumns();
        List<Column> columns = QueryColumnNames.check(query);
        List<String> partitionedBy = PartitionedWrites.columnNames(properties.get("partitioned_by"));
        int dataCount = PartitionedWrites.dataColumnCount(columns, partitionedBy);
        S3Location location = location(properties, outputPrefix, queryId, database, name);
        StorageDescriptor storage = storage(properties, location);
        Map<String, String> parameters = tableParameters(properties);
        TableDefinition table = new TableDefinition(database, name, TableKind.EXTERNAL_TABLE,
                columns.subList(0, dataCount), columns.subList(dataCount, columns.size()), storage, parameters, null,
                Instant.now());

        List<TableDataWriter.Written> written = List.of();
        long rows = 0;
        TableDataWriter writer = new TableDataWriter(store, formats.writer(storage.format()),
                TableWrites.writerProperties(storage, parameters), location, table.columns(), table.partitionKeys(),
                queryId);
        try (writer) {
            if (statement.withData()) {
                try (Enumerator<Object[]> results = query.runAsTableRows(scan, scan.cancelFlag())) {
                    while (results.moveNext()) {
                        writer.write(results.current());
                    }
                }
            }
            written = writer.commit();
            rows = writer.rowCount();
        }
        try {
            catalog.createTable(table, false);
            List<Partition> partitions = TableDataWriter.partitions(written);
            if (!partitions.isEmpty()) {
                catalog.addPartitions(database, name, partitions, true);
            }
        } catch (RuntimeException e) {
            writer.rollback(written);
            throw e;
        }
        return new WriteOutcome(written.stream().map(TableDataWriter.Written::object).toList(), rows);
    }

    /**
     * After a stop: a CTAS that was running when the process stopped is recorded FAILED, so it leaves no table. If
     * the catalog holds its table with this query's objects ({@code <queryId>_n...}) under the table's location, the
     * commit happened before the stop: the table is dropped and those objects deleted. A table another query made is
     * left alone.
     */
    void rollBackInterrupted(String queryId, DdlStatement.CreateTableAsSelect statement, QueryContext context)
            throws IOException {
        String database = statement.name().databaseOr(context.database());
        String name = statement.name().name();
        Optional<TableDefinition> table = catalog.getTable(database, name);
        if (table.isEmpty() || table.get().storage() == null || table.get().storage().location() == null) {
            return;
        }
        S3Location location = S3Location.parse(table.get().storage().location()).asPrefix();
        List<ObjectInfo> written = store.listAll(location.bucket(), location.key()).stream()
                .filter(object -> object.key().substring(object.key().lastIndexOf('/') + 1)
                        .startsWith(queryId + "_")).toList();
        if (written.isEmpty()) {
            return;
        }
        catalog.dropTable(database, name, true);
        for (ObjectInfo object : written) {
            store.delete(object.bucket(), object.key());
        }
    }

    private S3Location location(Map<String, Object> properties, S3Location outputPrefix, String queryId,
                                String database, String name) throws IOException {
        Object given = properties.get("external_location");
        S3Location location;
        try {
            location = given == null ? outputPrefix.resolve("tables/" + queryId + "/")
                    : S3Location.parse(given.toString()).asPrefix();
        } catch (IllegalArgumentException e) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid external_location: " + e.getMessage());
        }
        store.createBucket(location.bucket());
        if (!store.list(location.bucket(), location.key(), null, 1).objects().isEmpty()) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.HIVE_PATH_ALREADY_EXISTS,
                    "Target directory for table '" + database + "." + name + "' already exists: " + location);
        }
        return location;
    }

    private static StorageDescriptor storage(Map<String, Object> properties, S3Location location) {
        return WriteFormats.storage("CREATE TABLE AS", String.valueOf(properties.getOrDefault("format", "PARQUET")),
                properties, location);
    }

    private static Map<String, String> tableParameters(Map<String, Object> properties) {
        Object compression = properties.getOrDefault("write_compression", properties.get("parquet_compression"));
        return compression == null ? Map.of("EXTERNAL", "TRUE")
                : Map.of("EXTERNAL", "TRUE", "write_compression", compression.toString());
    }

    /** The objects a CTAS, INSERT or UNLOAD wrote, and how many rows. */
    record WriteOutcome(List<S3Location> objects, long rows) {
    }
}
