package io.glaux.catalog.ddl;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Athena DDL statement (see {@link DdlParser}). Names are lower case. Maps keep the order the statement
 * wrote them in. {@link DdlExecutor} runs every kind except the {@link WithQuery} ones, which the engine runs.
 */
public sealed interface DdlStatement {

    /** Statements with a query part that the engine plans and runs: views, CTAS, INSERT INTO and UNLOAD. */
    sealed interface WithQuery extends DdlStatement {
        /** The query text, an exact substring of the statement (no trailing ';' or WITH [NO] DATA). */
        String query();

        /** Character offset of {@link #query()} in the statement, to map positions in query errors back. */
        int queryOffset();
    }

    enum DescribeMode { PLAIN, EXTENDED, FORMATTED }

    /**
     * One PARTITION (k='v', ...) clause: values by key as written, the type of each value's literal as Hive types it
     * ({@code string} for a quoted value; {@code int}, {@code bigint} or {@code double} for a number), and the
     * LOCATION if given (else null).
     */
    record PartitionSpec(Map<String, String> values, Map<String, String> literalTypes, String location) {
        public PartitionSpec {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            literalTypes = Collections.unmodifiableMap(new LinkedHashMap<>(literalTypes));
        }
    }

    record CreateDatabase(String name, boolean ifNotExists, String comment, String location,
                          Map<String, String> properties) implements DdlStatement {
        public CreateDatabase {
            properties = ordered(properties);
        }
    }

    record DropDatabase(String name, boolean ifExists, boolean cascade) implements DdlStatement {
    }

    /**
     * CREATE EXTERNAL TABLE. {@code storage} is already resolved from ROW FORMAT / STORED AS / LOCATION as Glue
     * would store it; {@code properties} are the TBLPROPERTIES.
     */
    record CreateTable(QualifiedName name, boolean ifNotExists, List<Column> columns, List<Column> partitionKeys,
                       String comment, StorageDescriptor storage, Map<String, String> properties)
            implements DdlStatement {
        public CreateTable {
            columns = List.copyOf(columns);
            partitionKeys = List.copyOf(partitionKeys);
            properties = ordered(properties);
        }

        /**
         * The table as the catalog keeps it: the parameters are the TBLPROPERTIES plus what Athena adds
         * ({@code EXTERNAL=TRUE}, {@code transient_lastDdlTime}, and {@code comment} for a table COMMENT).
         */
        public TableDefinition toDefinition(String currentDatabase, Instant now) {
            Map<String, String> parameters = new TreeMap<>(properties);
            parameters.put("EXTERNAL", "TRUE");
            parameters.putIfAbsent("transient_lastDdlTime", Long.toString(now.getEpochSecond()));
            if (comment != null) {
                parameters.put("comment", comment);
            }
            return new TableDefinition(name.databaseOr(currentDatabase), name.name(), TableKind.EXTERNAL_TABLE,
                    columns, partitionKeys, storage, parameters, null, now);
        }
    }

    record DropTable(QualifiedName name, boolean ifExists) implements DdlStatement {
    }

    record DropView(QualifiedName name, boolean ifExists) implements DdlStatement {
    }

    record AddPartitions(QualifiedName table, boolean ifNotExists, List<PartitionSpec> partitions)
            implements DdlStatement {
        public AddPartitions {
            partitions = List.copyOf(partitions);
        }
    }

    /** Each map is one PARTITION (...) clause; it may name only some of the keys (it then drops every match). */
    record DropPartitions(QualifiedName table, boolean ifExists, List<Map<String, String>> partitions)
            implements DdlStatement {
        public DropPartitions {
            partitions = partitions.stream().map(DdlStatement::ordered).toList();
        }
    }

    record AddColumns(QualifiedName table, List<Column> columns) implements DdlStatement {
        public AddColumns {
            columns = List.copyOf(columns);
        }
    }

    record ReplaceColumns(QualifiedName table, List<Column> columns) implements DdlStatement {
        public ReplaceColumns {
            columns = List.copyOf(columns);
        }
    }

    record SetTableProperties(QualifiedName table, Map<String, String> properties) implements DdlStatement {
        public SetTableProperties {
            properties = ordered(properties);
        }
    }

    record RepairTable(QualifiedName table) implements DdlStatement {
    }

    /** {@code pattern} is null when absent. */
    record ShowDatabases(String pattern) implements DdlStatement {
    }

    /** {@code database} and {@code pattern} are null when absent. */
    record ShowTables(String database, String pattern) implements DdlStatement {
    }

    record ShowViews(String database, String pattern) implements DdlStatement {
    }

    /** SHOW COLUMNS IN t [IN db]: a trailing IN db is folded into {@code table}. */
    record ShowColumns(QualifiedName table) implements DdlStatement {
    }

    record ShowPartitions(QualifiedName table) implements DdlStatement {
    }

    record ShowCreateTable(QualifiedName table) implements DdlStatement {
    }

    record ShowCreateView(QualifiedName view) implements DdlStatement {
    }

    /** {@code property} is the single property asked for, or null for all. */
    record ShowTableProperties(QualifiedName table, String property) implements DdlStatement {
    }

    /** {@code column} is null unless one column is asked for. */
    record Describe(QualifiedName table, DescribeMode mode, String column) implements DdlStatement {
    }

    record CreateView(QualifiedName name, boolean orReplace, String query, int queryOffset) implements WithQuery {
    }

    /**
     * CREATE TABLE ... [WITH (...)] AS query [WITH [NO] DATA]. Property keys are lower case; values are String,
     * Long, Double, Boolean, or List of those for ARRAY[...].
     */
    record CreateTableAsSelect(QualifiedName name, boolean ifNotExists, Map<String, Object> properties, String query,
                               int queryOffset, boolean withData) implements WithQuery {
        public CreateTableAsSelect {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /**
     * UNLOAD (query) TO 's3://...' WITH (...): writes the query's rows as files under {@code location} without a
     * table. Property keys are lower case; values as for {@link CreateTableAsSelect}.
     */
    record Unload(String location, Map<String, Object> properties, String query, int queryOffset)
            implements WithQuery {
        public Unload {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** {@code columns} is empty when no column list was written. */
    record InsertInto(QualifiedName table, List<String> columns, String query, int queryOffset)
            implements WithQuery {
        public InsertInto {
            columns = List.copyOf(columns);
        }
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
