package io.glaux.catalog.ddl;

import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SHOW DATABASES / TABLES / VIEWS / COLUMNS / TBLPROPERTIES / CREATE TABLE / CREATE VIEW and DESCRIBE: the statements
 * that only read a catalog, so they run over any catalog's metadata.
 */
final class ShowCommands {

    private final CatalogReader catalog;

    ShowCommands(CatalogReader catalog) {
        this.catalog = catalog;
    }

    /** Runs a statement that only reads the catalog; empty for any other statement. */
    Optional<DdlResult> execute(DdlStatement statement, String currentDatabase) {
        if (statement instanceof DdlStatement.ShowDatabases s) {
            return Optional.of(databases(s));
        }
        if (statement instanceof DdlStatement.ShowTables s) {
            return Optional.of(tables(databaseOr(s.database(), currentDatabase), s.pattern()));
        }
        if (statement instanceof DdlStatement.ShowViews s) {
            return Optional.of(views(databaseOr(s.database(), currentDatabase), s.pattern()));
        }
        if (statement instanceof DdlStatement.ShowColumns s) {
            return Optional.of(columns(table(s.table(), currentDatabase)));
        }
        if (statement instanceof DdlStatement.ShowCreateTable s) {
            return Optional.of(createTable(table(s.table(), currentDatabase)));
        }
        if (statement instanceof DdlStatement.ShowCreateView s) {
            return Optional.of(createView(table(s.view(), currentDatabase)));
        }
        if (statement instanceof DdlStatement.ShowTableProperties s) {
            return Optional.of(tableProperties(table(s.table(), currentDatabase), s.property()));
        }
        if (statement instanceof DdlStatement.Describe s) {
            return Optional.of(describe(table(s.table(), currentDatabase), s));
        }
        return Optional.empty();
    }

    /** The table a read-only statement names, or null. */
    static QualifiedName tableOf(DdlStatement statement) {
        if (statement instanceof DdlStatement.ShowColumns s) {
            return s.table();
        }
        if (statement instanceof DdlStatement.ShowCreateTable s) {
            return s.table();
        }
        if (statement instanceof DdlStatement.ShowCreateView s) {
            return s.view();
        }
        if (statement instanceof DdlStatement.ShowTableProperties s) {
            return s.table();
        }
        if (statement instanceof DdlStatement.Describe s) {
            return s.table();
        }
        return null;
    }

    TableDefinition table(QualifiedName name, String currentDatabase) {
        String database = name.databaseOr(currentDatabase);
        if (catalog.getDatabase(database).isEmpty()) {
            throw GlauxException.notFound("Database '" + database + "' does not exist");
        }
        return catalog.getTable(database, name.name()).orElseThrow(() ->
                GlauxException.notFound("Table '" + database + "." + name.name() + "' does not exist"));
    }

    private static String databaseOr(String database, String current) {
        return database != null ? database : current;
    }

    DdlResult databases(DdlStatement.ShowDatabases statement) {
        return new DdlResult("database_name", catalog.listDatabases().stream().map(Database::name)
                .filter(n -> HivePattern.matches(statement.pattern(), n)).sorted().toList());
    }

    DdlResult tables(String database, String pattern) {
        return new DdlResult("tab_name", catalog.listTables(database).stream().map(TableDefinition::name)
                .filter(n -> HivePattern.matches(pattern, n)).sorted().toList());
    }

    DdlResult views(String database, String pattern) {
        return new DdlResult("views", catalog.listTables(database).stream().filter(TableDefinition::isView)
                .map(TableDefinition::name).filter(n -> HivePattern.matches(pattern, n)).sorted().toList());
    }

    /** Column names, data columns then partition keys, padded as Hive pads them. */
    DdlResult columns(TableDefinition table) {
        return new DdlResult("field", table.allColumns().stream().map(c -> HiveText.pad(c.name())).toList());
    }

    /** {@code key TAB value} lines sorted by key, or the value alone when one property is asked for. */
    DdlResult tableProperties(TableDefinition table, String property) {
        if (property != null) {
            String value = table.parameters().get(property);
            if (value == null) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Table " + table.database() + "."
                        + table.name() + " does not have property: " + property);
            }
            return new DdlResult("prpt_name", List.of(value));
        }
        List<String> lines = new ArrayList<>();
        new TreeMap<>(table.parameters()).forEach((k, v) -> lines.add(k + "\t" + v));
        return new DdlResult("prpt_name", lines);
    }

    DdlResult createTable(TableDefinition table) {
        if (table.isView()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "'" + table.database() + "." + table.name()
                    + "' is a view. Use SHOW CREATE VIEW.");
        }
        if (table.storage() == null) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED, "SHOW CREATE TABLE is not"
                    + " supported for table '" + table.database() + "." + table.name() + "' of a federated catalog");
        }
        return new DdlResult("createtab_stmt", ShowCreateTableRenderer.render(table));
    }

    DdlResult createView(TableDefinition view) {
        if (!view.isView()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Relation '" + view.database() + "." + view.name()
                    + "' is a table, not a view");
        }
        String text = "CREATE VIEW \"" + view.database() + "\".\"" + view.name() + "\" AS\n" + view.viewSql();
        return new DdlResult("Create View", List.of(text.split("\n", -1)));
    }

    DdlResult describe(TableDefinition table, DdlStatement.Describe statement) {
        if (statement.column() == null) {
            return new DdlResult("col_name", DescribeRenderer.render(table, statement.mode()));
        }
        Column column = table.allColumns().stream().filter(c -> c.name().equals(statement.column())).findFirst()
                .orElseThrow(() -> new GlauxException(ErrorType.DDL_TASK_FAILED, "Column '" + statement.column()
                        + "' does not exist in table '" + table.database() + "." + table.name() + "'"));
        return new DdlResult("col_name", List.of(DescribeRenderer.columnLine(column)));
    }
}
