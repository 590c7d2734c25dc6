package io.glaux.sql.schema;

import io.glaux.sql.vector.VectorRuntime;
import io.glaux.catalog.Catalog;
import io.glaux.catalog.TableDefinition;
import io.glaux.sql.scan.TableScanner;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One catalog database: its tables scan the store, its views expand to their SQL. */
public final class DatabaseSchema extends AbstractSchema {

    private final String catalogName;
    private final String database;
    private final Catalog catalog;
    private final TableScanner scanner;
    private final VectorRuntime runtime;

    DatabaseSchema(String catalogName, String database, Catalog catalog, TableScanner scanner,
                   VectorRuntime runtime) {
        this.catalogName = catalogName;
        this.database = database;
        this.catalog = catalog;
        this.scanner = scanner;
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableDefinition definition : catalog.listTables(database)) {
            tables.put(definition.name(), definition.isView()
                    ? new ViewTable(definition, List.of(catalogName, database))
                    : new StoreTable(definition, scanner, runtime));
        }
        return tables;
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
