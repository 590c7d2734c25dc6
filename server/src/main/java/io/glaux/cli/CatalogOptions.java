package io.glaux.cli;

import io.glaux.Glaux;
import io.glaux.connectors.dynamodb.DynamoDbConnectorFactory;
import io.glaux.connectors.jdbc.JdbcConnectorFactory;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Federated catalogs given on the command line or in a file, as AWS's JDBC connectors take theirs from variables
 * ({@code <catalog>_connection_string}): each becomes a FEDERATED data catalog, of connection type DYNAMODB served by
 * the DynamoDB connector for {@code dynamodb://} strings, else of connection type POSTGRESQL served by the JDBC
 * connector. Connection strings (with their credentials) are kept in memory only, never stored.
 */
final class CatalogOptions {

    @Option(names = "--catalog", paramLabel = "NAME=CONNECTION",
            description = "A PostgreSQL database or DynamoDB as catalog NAME, e.g. crm=postgres://jdbc:postgresql://"
                    + "host:5432/db?user=u&password=p or ddb=dynamodb://http://127.0.0.1:8000?region=us-east-1"
                    + " (repeatable)")
    Map<String, String> catalogs = new LinkedHashMap<>();

    @Option(names = "--catalog-file", paramLabel = "FILE",
            description = "A properties file of NAME=CONNECTION lines, read like --catalog")
    Path catalogFile;

    /** Every catalog given, the file's first and the command line's over them. */
    Map<String, String> connections() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        if (catalogFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(catalogFile)) {
                file.load(reader);
            }
            file.stringPropertyNames().stream().sorted().forEach(name -> all.put(name, file.getProperty(name)));
        }
        all.putAll(catalogs);
        return all;
    }

    static void configure(Glaux.Builder builder, Map<String, String> connections) {
        builder.connectorFactory(new JdbcConnectorFactory(jdbc(connections)));
    }

    private static Map<String, String> jdbc(Map<String, String> connections) {
        Map<String, String> jdbc = new LinkedHashMap<>(connections);
        jdbc.values().removeIf(DynamoDbConnectorFactory::isConnectionString);
        return jdbc;
    }

    private static Map<String, String> dynamoDb(Map<String, String> connections) {
        Map<String, String> dynamo = new LinkedHashMap<>(connections);
        dynamo.values().removeIf(connection -> !DynamoDbConnectorFactory.isConnectionString(connection));
        return dynamo;
    }

    /** Registers each catalog as a FEDERATED data catalog unless one by that name exists (of a fitting type). */
    static void register(Glaux glaux, Map<String, String> connections) {
        Map<String, String> dynamo = dynamoDb(connections);
        if (!dynamo.isEmpty()) {
            // Given the Glue-like catalog, whose flagged databases may describe DynamoDB tables.
            glaux.federatedCatalogs().addFactory(new DynamoDbConnectorFactory(dynamo, glaux.catalog()));
        }
        for (String name : connections.keySet()) {
            DataCatalog existing = glaux.dataCatalogs().registered(name).orElse(null);
            boolean isDynamo = dynamo.containsKey(name);
            if (existing == null) {
                glaux.dataCatalogs().create(name, DataCatalogType.FEDERATED, isDynamo ? "DynamoDB given to glaux"
                                : "PostgreSQL database given to glaux",
                        Map.of(DataCatalogParameters.CONNECTION_TYPE, isDynamo ? DynamoDbConnectorFactory.CONNECTION_TYPE
                                : JdbcConnectorFactory.CONNECTION_TYPE),
                        Map.of());
            } else if (existing.type() != DataCatalogType.FEDERATED && existing.type() != DataCatalogType.LAMBDA) {
                throw new IllegalArgumentException("--catalog " + name + ": a " + existing.type()
                        + " data catalog has that name already");
            }
        }
    }
}
