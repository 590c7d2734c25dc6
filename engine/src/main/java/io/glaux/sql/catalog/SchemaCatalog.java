package io.glaux.sql.catalog;

import io.glaux.catalog.CatalogReader;
import org.apache.calcite.schema.Schema;

import java.util.Locale;
import java.util.function.LongSupplier;

/** A catalog that is a Calcite schema and nothing more (SPICE): its metadata is read off the schema. */
public final class SchemaCatalog implements QueryCatalog {

    private final String name;
    private final Schema schema;
    private final LongSupplier version;
    private final CatalogReader metadata;

    public SchemaCatalog(String name, Schema schema, LongSupplier version) {
        this.name = name.toLowerCase(Locale.ROOT);
        this.schema = schema;
        this.version = version;
        this.metadata = new SchemaCatalogReader(schema);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CatalogReader metadata() {
        return metadata;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long version() {
        return version.getAsLong();
    }
}
