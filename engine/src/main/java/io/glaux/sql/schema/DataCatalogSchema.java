package io.glaux.sql.schema;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Database;
import io.glaux.sql.scan.TableScanner;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** A data catalog (e.g. {@code awsdatacatalog}) as a Calcite schema whose sub-schemas are its databases. */
public final class DataCatalogSchema extends AbstractSchema {

    private final String catalogName;
    private final Catalog catalog;
    private final TableScanner scanner;

    public DataCatalogSchema(String catalogName, Catalog catalog, TableScanner scanner) {
        this.catalogName = catalogName;
        this.catalog = catalog;
        this.scanner = scanner;
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        Map<String, Schema> databases = new LinkedHashMap<>();
        for (Database database : catalog.listDatabases()) {
            databases.put(database.name(), new DatabaseSchema(catalogName, database.name(), catalog, scanner));
        }
        return databases;
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
