package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.ddl.DdlStatement;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * UNLOAD (query) TO 's3://...' WITH (format = ..., ...): runs the query and writes its rows as files of the chosen
 * format under the target prefix, as CTAS writes a table's files ({@link TableDataWriter}, one writer per format) but
 * registers nothing in the catalog.
 *
 * <p>Properties, as Athena documents them: {@code format} (required: PARQUET, TEXTFILE or JSON; ORC and AVRO are not
 * supported), {@code compression} (GZIP by default; also NONE, and SNAPPY or ZSTD for Parquet),
 * {@code field_delimiter} (TEXTFILE) and {@code partitioned_by} (trailing query columns written as Hive-style
 * {@code col=value/} folders). Unpartitioned, the target must hold no object yet (HIVE_PATH_ALREADY_EXISTS); a
 * partitioned UNLOAD may write into a prefix that earlier runs wrote to, as Athena allows, its files being named
 * after the query.
 */
final class UnloadRunner {

    private static final Set<String> PROPERTIES = Set.of("format", "compression", "field_delimiter",
            "partitioned_by");

    private final QueryPlanner planner;
    private final ObjectStore store;
    private final FormatRegistry formats;

    UnloadRunner(QueryPlanner planner, ObjectStore store, FormatRegistry formats) {
        this.planner = planner;
        this.store = store;
        this.formats = formats;
    }

    /** Plans the query; the caller checks its tables ({@link PreparedQuery#tables()}) before {@link #write}. */
    Planned plan(DdlStatement.Unload statement, QueryContext context, List<String> queryParameters,
                 AtomicBoolean cancelFlag) {
        Map<String, Object> properties = statement.properties();
        for (String key : properties.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw new GlauxException(ErrorType.INVALID_ARGUMENT, TrinoErrorCode.INVALID_TABLE_PROPERTY,
                        "UNLOAD property '" + key + "' does not exist");
            }
        }
        Object format = properties.get("format");
        if (format == null) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, TrinoErrorCode.INVALID_TABLE_PROPERTY,
                    "UNLOAD requires the format property (PARQUET, TEXTFILE or JSON)");
        }
        S3Location location;
        try {
            location = S3Location.parse(statement.location()).asPrefix();
        } catch (IllegalArgumentException e) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid UNLOAD location: " + e.getMessage());
        }
        StorageDescriptor storage = WriteFormats.storage("UNLOAD", format.toString(), properties, location);
        PreparedQuery query = planner.prepare(statement.query(), context, queryParameters, cancelFlag);
        List<Column> columns = query.writtenColumns();
        List<String> partitionedBy = PartitionedWrites.columnNames(properties.get("partitioned_by"));
        int dataCount = PartitionedWrites.dataColumnCount(columns, partitionedBy);
        Object compression = properties.getOrDefault("compression", "GZIP");
        Map<String, String> writerProperties = TableWrites.writerProperties(storage,
                Map.of("write_compression", compression.toString()));
        return new Planned(query, location, storage, writerProperties, columns.subList(0, dataCount),
                columns.subList(dataCount, columns.size()));
    }

    /** Runs the planned query into files; returns the files written and the row count. */
    CreateTableAsRunner.WriteOutcome write(String queryId, Planned planned, ScanContext scan) throws IOException {
        S3Location location = planned.location();
        if (!store.bucketExists(location.bucket())) {
            throw new GlauxException(ErrorType.USER_ERROR, "UNLOAD target bucket " + location.bucket()
                    + " does not exist");
        }
        if (planned.partitionKeys().isEmpty()
                && !store.list(location.bucket(), location.key(), null, 1).objects().isEmpty()) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.HIVE_PATH_ALREADY_EXISTS,
                    "Target directory for UNLOAD already exists: " + location);
        }
        try (TableDataWriter writer = new TableDataWriter(store, formats.writer(planned.storage().format()),
                planned.writerProperties(), location, planned.dataColumns(), planned.partitionKeys(), queryId)) {
            try (Enumerator<Object[]> rows = planned.query().runAsTableRows(scan, scan.cancelFlag())) {
                while (rows.moveNext()) {
                    writer.write(rows.current());
                }
            }
            List<TableDataWriter.Written> written = writer.commit();
            return new CreateTableAsRunner.WriteOutcome(
                    written.stream().map(TableDataWriter.Written::object).toList(), writer.rowCount());
        }
    }

    /** An UNLOAD ready to run: its query, target, format and the columns written into files and folder names. */
    record Planned(PreparedQuery query, S3Location location, StorageDescriptor storage,
                   Map<String, String> writerProperties, List<Column> dataColumns, List<Column> partitionKeys) {
    }
}
