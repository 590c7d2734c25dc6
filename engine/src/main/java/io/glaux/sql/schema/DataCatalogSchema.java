package io.glaux.sql.schema;

import io.glaux.sql.vector.VectorRuntime;
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
    private final VectorRuntime runtime;

    /** @param runtime where queries that aggregate live tables run vectorized; null to run them row by row */
    public DataCatalogSchema(String catalogName, Catalog catalog, TableScanner scanner, VectorRuntime runtime) {
        this.catalogName = catalogName;
        this.catalog = catalog;
        this.scanner = scanner;
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        Map<String, Schema> databases = new LinkedHashMap<>();
        for (Database database : catalog.listDatabases()) {
            databases.put(database.name(), new DatabaseSchema(catalogName, database.name(), catalog, scanner, runtime));
        }
        return databases;
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
