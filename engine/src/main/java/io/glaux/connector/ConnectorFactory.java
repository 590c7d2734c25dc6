package io.glaux.connector;

import io.glaux.datacatalog.DataCatalog;

import java.util.Optional;

/**
 * Makes the connector behind a data catalog: a LAMBDA catalog's function(s), or a FEDERATED catalog's connection.
 * {@code "lambda:<function>"} in SQL reaches a factory as a LAMBDA catalog of that name with {@code
 * function=<function>}.
 */
public interface ConnectorFactory {

    /** The connector for this catalog, or empty when this factory does not serve its kind of catalog. */
    Optional<Connector> create(DataCatalog catalog);
}
