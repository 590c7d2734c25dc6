package io.glaux.catalog.ddl;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.storage.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the catalog-only DDL statements against a {@link Catalog} (and an {@link ObjectStore} for MSCK REPAIR
 * TABLE). Statements with a query part ({@link DdlStatement.WithQuery}) belong to the engine and are refused here.
 * A name's catalog part, if written, is not looked at: the caller routes statements to the right catalog ({@link
 * #catalogOf}); catalogs other than the Glue-like one only answer what {@link #readOnly} runs.
 */
public final class DdlExecutor {

    private final Catalog catalog;
    private final Clock clock;
    private final PartitionCommands partitions;
    private final ShowCommands show;

    public DdlExecutor(Catalog catalog, ObjectStore store) {
        this(catalog, store, Clock.systemUTC());
    }

    public DdlExecutor(Catalog catalog, ObjectStore store, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.partitions = new PartitionCommands(catalog, store);
        this.show = new ShowCommands(catalog);
    }

    /** The catalog a statement names in its table name ({@code catalog.db.t}), if it names one. */
    public static java.util.Optional<String> catalogOf(DdlStatement statement) {
        QualifiedName name = null;
        if (statement instanceof DdlStatement.CreateTable s) {
            name = s.name();
        } else if (statement instanceof DdlStatement.DropTable s) {
            name = s.name();
        } else if (statement instanceof DdlStatement.DropView s) {
            name = s.name();
        } else if (statement instanceof DdlStatement.AddPartitions s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.DropPartitions s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.AddColumns s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.ReplaceColumns s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.SetTableProperties s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.RepairTable s) {
            name = s.table();
        } else if (statement instanceof DdlStatement.ShowPartitions s) {
            name = s.table();
        } else {
            name = ShowCommands.tableOf(statement);
        }
        return name == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(name.catalog());
    }

    /**
     * Runs a SHOW or DESCRIBE statement over a catalog that is only read (SPICE, a federated source); any other
     * statement is refused as Trino refuses what a connector does not support.
     */
    public static DdlResult readOnly(CatalogReader catalog, String catalogName, DdlStatement statement,
                                     String currentDatabase) {
        return new ShowCommands(catalog).execute(statement, currentDatabase).orElseThrow(() ->
                new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED, "Catalog '" + catalogName
                        + "' does not support " + words(statement)));
    }

    /** A statement's kind as SQL writes it: CreateTable → CREATE TABLE. */
    private static String words(DdlStatement statement) {
        return statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** Executes {@code statement}; unqualified names refer to {@code currentDatabase}. */
    public DdlResult execute(DdlStatement statement, String currentDatabase) {
        if (statement instanceof DdlStatement.CreateDatabase s) {
            AthenaNames.checkNewDatabase(s.name());
            catalog.createDatabase(new Database(s.name(), s.comment(), s.location(), s.properties()),
                    s.ifNotExists());
            return DdlResult.none();
        }
        if (statement instanceof DdlStatement.DropDatabase s) {
            catalog.dropDatabase(s.name(), s.ifExists(), s.cascade());
            return DdlResult.none();
        }
        if (statement instanceof DdlStatement.CreateTable s) {
            TableDefinition table = s.toDefinition(currentDatabase, now());
            AthenaNames.checkNewTable(table);
            catalog.createTable(table, s.ifNotExists());
            return DdlResult.none();
        }
        if (statement instanceof DdlStatement.DropTable s) {
            return dropRelation(s.name(), currentDatabase, s.ifExists(), false);
        }
        if (statement instanceof DdlStatement.DropView s) {
            return dropRelation(s.name(), currentDatabase, s.ifExists(), true);
        }
        if (statement instanceof DdlStatement.AddPartitions s) {
            partitions.add(alterableTable(s.table(), currentDatabase), s);
            return DdlResult.none();
        }
        if (statement instanceof DdlStatement.DropPartitions s) {
            partitions.drop(alterableTable(s.table(), currentDatabase), s);
            return DdlResult.none();
        }
        if (statement instanceof DdlStatement.AddColumns s) {
            return addColumns(alterableTable(s.table(), currentDatabase), s.columns());
        }
        if (statement instanceof DdlStatement.ReplaceColumns s) {
            return replaceColumns(alterableTable(s.table(), currentDatabase), s.columns());
        }
        if (statement instanceof DdlStatement.SetTableProperties s) {
            return setProperties(alterableTable(s.table(), currentDatabase), s.properties());
        }
        if (statement instanceof DdlStatement.RepairTable s) {
            return partitions.repair(alterableTable(s.table(), currentDatabase));
        }
        if (statement instanceof DdlStatement.ShowPartitions s) {
            return partitions.show(show.table(s.table(), currentDatabase));
        }
        java.util.Optional<DdlResult> shown = show.execute(statement, currentDatabase);
        if (shown.isPresent()) {
            return shown.get();
        }
        if (statement instanceof DdlStatement.WithQuery s) {
            throw new IllegalArgumentException(
                    s.getClass().getSimpleName() + " has a query part: the engine executes it, not DdlExecutor");
        }
        throw new IllegalArgumentException("Unknown statement " + statement);
    }

    private Instant now() {
        return clock.instant();
    }

    private TableDefinition alterableTable(QualifiedName name, String currentDatabase) {
        TableDefinition table = show.table(name, currentDatabase);
        if (table.isView()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Cannot alter a view with ALTER TABLE");
        }
        return table;
    }

    private DdlResult dropRelation(QualifiedName name, String currentDatabase, boolean ifExists, boolean view) {
        String database = name.databaseOr(currentDatabase);
        TableDefinition existing = catalog.getTable(database, name.name()).orElse(null);
        if (existing == null) {
            if (!ifExists) {
                if (catalog.getDatabase(database).isEmpty()) {
                    throw GlauxException.notFound("Database '" + database + "' does not exist");
                }
                throw GlauxException.notFound((view ? "View '" : "Table '") + database + "." + name.name()
                        + "' does not exist");
            }
            return DdlResult.none();
        }
        if (existing.isView() && !view) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Cannot drop a view with DROP TABLE");
        }
        if (!existing.isView() && view) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Cannot drop a base table with DROP VIEW");
        }
        catalog.dropTable(database, name.name(), ifExists);
        return DdlResult.none();
    }

    private DdlResult addColumns(TableDefinition table, List<Column> added) {
        AthenaNames.checkAlteredColumns(added);
        Set<String> existing = table.allColumns().stream().map(Column::name).collect(Collectors.toSet());
        for (Column column : added) {
            if (existing.contains(column.name())) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Duplicate column name: " + column.name());
            }
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.addAll(added);
        catalog.replaceTable(touched(table.withColumns(columns)));
        return DdlResult.none();
    }

    private DdlResult replaceColumns(TableDefinition table, List<Column> columns) {
        AthenaNames.checkAlteredColumns(columns);
        for (Column column : columns) {
            if (table.partitionKeys().stream().anyMatch(k -> k.name().equals(column.name()))) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED,
                        "Column repeated in partitioning columns: " + column.name());
            }
        }
        catalog.replaceTable(touched(table.withColumns(columns)));
        return DdlResult.none();
    }

    private DdlResult setProperties(TableDefinition table, Map<String, String> properties) {
        Map<String, String> parameters = new TreeMap<>(table.parameters());
        parameters.putAll(properties);
        catalog.replaceTable(touched(withParameters(table, parameters)));
        return DdlResult.none();
    }

    /** The table with its transient_lastDdlTime set to now, as Hive does on every ALTER. */
    private TableDefinition touched(TableDefinition table) {
        Map<String, String> parameters = new TreeMap<>(table.parameters());
        parameters.put("transient_lastDdlTime", Long.toString(now().getEpochSecond()));
        return withParameters(table, parameters);
    }

    private static TableDefinition withParameters(TableDefinition t, Map<String, String> parameters) {
        return new TableDefinition(t.database(), t.name(), t.kind(), t.columns(), t.partitionKeys(), t.storage(),
                parameters, t.viewSql(), t.createTime());
    }
}
