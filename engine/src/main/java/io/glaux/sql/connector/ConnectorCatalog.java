package io.glaux.sql.connector;

import io.glaux.catalog.CatalogReader;
import io.glaux.connector.Connector;
import io.glaux.sql.catalog.QueryCatalog;
import org.apache.calcite.schema.Schema;

import java.util.Locale;

/** A federated catalog: a connector's schemas and tables, named in SQL as {@code catalog.schema.table}. */
public final class ConnectorCatalog implements QueryCatalog, AutoCloseable {

    private final String name;
    private final Connector connector;
    private final ConnectorCatalogSchema schema;
    private final ConnectorCatalogReader metadata;

    public ConnectorCatalog(String name, Connector connector) {
        this.name = name.toLowerCase(Locale.ROOT);
        this.connector = connector;
        this.schema = new ConnectorCatalogSchema(connector);
        this.metadata = new ConnectorCatalogReader(connector.metadata());
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

    /** The source changes without telling Glaux: plans over it are made afresh each time. */
    @Override
    public long version() {
        return VOLATILE;
    }

    public Connector connector() {
        return connector;
    }

    @Override
    public void close() {
        connector.close();
    }
}
