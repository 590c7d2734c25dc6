package io.glaux.sql.schema;

import io.glaux.sql.vector.VectorRuntime;
import io.glaux.catalog.Catalog;
import io.glaux.catalog.CatalogReader;
import io.glaux.sql.catalog.QueryCatalog;
import io.glaux.sql.scan.TableScanner;
import org.apache.calcite.schema.Schema;

/** {@code awsdatacatalog}: the Glue-like catalog, its tables read from store objects, its views expanded. */
public final class GlueCatalog implements QueryCatalog {

    private final String name;
    private final Catalog catalog;
    private final Schema schema;

    /** @param runtime where queries that aggregate its tables run vectorized; null to run them row by row */
    public GlueCatalog(String name, Catalog catalog, TableScanner scanner, VectorRuntime runtime) {
        this.name = name;
        this.catalog = catalog;
        this.schema = new DataCatalogSchema(name, catalog, scanner, runtime);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CatalogReader metadata() {
        return catalog;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long version() {
        return catalog.version();
    }
}
