package io.glaux.connectors.dynamodb;

import io.glaux.catalog.CatalogReader;
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
 * Makes DynamoDB connectors, as Athena's DynamoDB connector reads DynamoDB, for two kinds of data catalog:
 * <ul>
 * <li>a FEDERATED data catalog with {@code connection-type=DYNAMODB} whose {@code connection-properties} parameter is
 * a JSON object of connection properties: {@code ENDPOINT_URL} (or {@code endpoint}) for a DynamoDB-API server
 * other than AWS's, {@code REGION} (default us-east-1), optional {@code ACCESS_KEY_ID}/{@code SECRET_ACCESS_KEY}
 * ({@code SESSION_TOKEN}), {@code scan_segments} and {@code schema_inference_sample}; or {@code CONNECTION_STRING}
 * holding a connection string. Keys are read without regard to case or to {@code -} versus {@code _}; the same keys
 * may be the catalog's own parameters;</li>
 * <li>a data catalog (LAMBDA or FEDERATED) whose name was given to the constructor with a connection string.</li>
 * </ul>
 * A connection string is {@code dynamodb://http://host:port?region=us-east-1&access_key_id=...&secret_access_key=...}
 * ({@code dynamodb://?region=eu-west-1} for AWS's endpoint). Without credentials, requests to an endpoint override
 * are signed with dummy ones, requests to AWS with the SDK's default credential chain. Nothing connects until the
 * catalog is first used.
 *
 * <p>Given the Glue-like catalog, tables may be described there as Athena's connector allows: a database whose
 * location URI or description contains {@code dynamo-db-flag} is a schema of the DynamoDB catalog, and its tables
 * give the columns of the DynamoDB table of the same name, or of their {@code sourceTable} property, with attributes
 * renamed by their {@code columnMapping} property ({@code column=Attribute,...}).
 */
public final class DynamoDbConnectorFactory implements ConnectorFactory {

    /** The FEDERATED connection type this factory serves. */
    public static final String CONNECTION_TYPE = "DYNAMODB";
    /** The FEDERATED catalog parameter that holds the connection properties, a JSON object. */
    public static final String CONNECTION_PROPERTIES = "connection-properties";
    /** The scheme of connection strings. */
    public static final String CONNECTION_PREFIX = DynamoDbConnectionConfig.PREFIX;

    private final Map<String, String> catalogConnections;
    private final CatalogReader glue;

    /** Serves FEDERATED catalogs of connection type DYNAMODB only, without Glue-described tables. */
    public DynamoDbConnectorFactory() {
        this(Map.of(), null);
    }

    /**
     * Serves FEDERATED catalogs of connection type DYNAMODB and the catalogs named here.
     *
     * @param catalogConnections catalog name → connection string ({@code dynamodb://...})
     * @param glue               the Glue-like catalog that may describe tables ({@code Glaux.catalog()}), or null
     */
    public DynamoDbConnectorFactory(Map<String, String> catalogConnections, CatalogReader glue) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(catalogConnections, "catalogConnections").forEach((name, connection) ->
                byName.put(Objects.requireNonNull(name, "catalog name"), connection));
        this.catalogConnections = byName;
        this.glue = glue;
    }

    /** Whether a connection string is one this factory reads ({@code dynamodb://...}). */
    public static boolean isConnectionString(String connection) {
        return connection != null && connection.strip().regionMatches(true, 0, CONNECTION_PREFIX, 0,
                CONNECTION_PREFIX.length());
    }

    @Override
    public Optional<Connector> create(DataCatalog catalog) {
        return settings(catalog).map(config -> new DynamoDbConnector(config, glue));
    }

    private Optional<DynamoDbConnectionConfig> settings(DataCatalog catalog) {
        String named = catalogConnections.get(catalog.name());
        if (named != null && (catalog.type() == DataCatalogType.LAMBDA
                || catalog.type() == DataCatalogType.FEDERATED)) {
            return Optional.of(DynamoDbConnectionConfig.fromConnectionString(catalog.name(), named));
        }
        if (catalog.type() == DataCatalogType.FEDERATED && catalog.connectionType() != null
                && CONNECTION_TYPE.equals(catalog.connectionType().toUpperCase(Locale.ROOT))) {
            Map<String, String> parameters = new TreeMap<>(catalog.parameters());
            String properties = parameters.remove(CONNECTION_PROPERTIES);
            parameters.remove(DataCatalogParameters.CONNECTION_TYPE);
            return Optional.of(DynamoDbConnectionConfig.fromConnectionProperties(catalog.name(), properties,
                    parameters));
        }
        return Optional.empty();
    }
}
