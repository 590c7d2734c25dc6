package io.glaux.connectors.jdbc;

import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorFactory;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes JDBC connectors to PostgreSQL for two kinds of data catalog:
 * <ul>
 * <li>a FEDERATED data catalog with {@code connection-type=POSTGRESQL}, as CreateDataCatalog makes one, whose
 * {@code connection-properties} parameter is a JSON object of Glue connection properties: {@code
 * JDBC_CONNECTION_STRING} (or {@code connection-string}, {@code connection_string}, {@code default}) holding a
 * connection string, or {@code HOST}, {@code PORT} (default 5432), {@code DATABASE} and optional {@code
 * JDBC_PARAMS}; with {@code USERNAME} (or {@code user}) and {@code PASSWORD}, and optional {@code default_scale}.
 * Keys are read without regard to case or to {@code -} versus {@code _}; the same keys may also be given as the
 * catalog's own parameters;</li>
 * <li>a data catalog (LAMBDA or FEDERATED, any parameters) whose name was given to the constructor with a connection
 * string, as Athena's multiplexing JDBC handler maps {@code <catalog>_connection_string} variables: this is how a
 * server passes catalogs from its configuration. Names match without regard to case.</li>
 * </ul>
 * A connection string is {@code postgres://jdbc:postgresql://host:port/database?user=...&password=...} (the AWS
 * connectors' {@code default} variable) or a plain {@code jdbc:postgresql://} URL. Nothing connects until the
 * catalog is first used; invalid settings fail the query that uses the catalog with {@code GENERIC_USER_ERROR}.
 */
public final class JdbcConnectorFactory implements ConnectorFactory {

    /** The FEDERATED connection type this factory serves. */
    public static final String CONNECTION_TYPE = "POSTGRESQL";
    /** The FEDERATED catalog parameter that holds the connection properties, a JSON object. */
    public static final String CONNECTION_PROPERTIES = "connection-properties";

    private final Map<String, String> catalogConnections;

    /** Serves FEDERATED catalogs of connection type POSTGRESQL only. */
    public JdbcConnectorFactory() {
        this(Map.of());
    }

    /**
     * Serves FEDERATED catalogs of connection type POSTGRESQL, and the catalogs named here.
     *
     * @param catalogConnections catalog name → connection string
     */
    public JdbcConnectorFactory(Map<String, String> catalogConnections) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(catalogConnections, "catalogConnections").forEach((name, connection) ->
                byName.put(Objects.requireNonNull(name, "catalog name"), connection));
        this.catalogConnections = byName;
    }

    @Override
    public Optional<Connector> create(DataCatalog catalog) {
        return settings(catalog).map(JdbcConnector::new);
    }

    /** The connection settings of a catalog this factory serves, or empty when it serves it not. */
    static Optional<JdbcConnectionConfig> settings(DataCatalog catalog, Map<String, String> named) {
        return new JdbcConnectorFactory(named).settings(catalog);
    }

    private Optional<JdbcConnectionConfig> settings(DataCatalog catalog) {
        String named = catalogConnections.get(catalog.name());
        if (named != null && (catalog.type() == DataCatalogType.LAMBDA
                || catalog.type() == DataCatalogType.FEDERATED)) {
            return Optional.of(JdbcConnectionConfig.fromConnectionString(catalog.name(), named,
                    JdbcConnectionConfig.defaultScale(catalog.name(),
                            catalog.parameters().get(JdbcConnectionConfig.DEFAULT_SCALE))));
        }
        if (catalog.type() == DataCatalogType.FEDERATED && catalog.connectionType() != null
                && CONNECTION_TYPE.equals(catalog.connectionType().toUpperCase(Locale.ROOT))) {
            Map<String, String> parameters = new TreeMap<>(catalog.parameters());
            String properties = parameters.remove(CONNECTION_PROPERTIES);
            parameters.remove(DataCatalogParameters.CONNECTION_TYPE);
            return Optional.of(JdbcConnectionConfig.fromConnectionProperties(catalog.name(), properties,
                    parameters));
        }
        return Optional.empty();
    }
}
