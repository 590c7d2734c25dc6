package io.glaux.cli;

import io.glaux.Glaux;
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
 * ({@code <catalog>_connection_string}): each becomes a FEDERATED data catalog of connection type POSTGRESQL, served
 * by the JDBC connector. Connection strings (with their credentials) are kept in memory only, never stored.
 */
final class CatalogOptions {

    @Option(names = "--catalog", paramLabel = "NAME=CONNECTION",
            description = "A PostgreSQL database as catalog NAME, e.g. crm=postgres://jdbc:postgresql://host:5432/db"
                    + "?user=u&password=p (repeatable)")
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
        builder.connectorFactory(new JdbcConnectorFactory(connections));
    }

    /** Registers each catalog as a FEDERATED data catalog unless one by that name exists (of a fitting type). */
    static void register(Glaux glaux, Map<String, String> connections) {
        for (String name : connections.keySet()) {
            DataCatalog existing = glaux.dataCatalogs().registered(name).orElse(null);
            if (existing == null) {
                glaux.dataCatalogs().create(name, DataCatalogType.FEDERATED, "PostgreSQL database given to glaux",
                        Map.of(DataCatalogParameters.CONNECTION_TYPE, JdbcConnectorFactory.CONNECTION_TYPE),
                        Map.of());
            } else if (existing.type() != DataCatalogType.FEDERATED && existing.type() != DataCatalogType.LAMBDA) {
                throw new IllegalArgumentException("--catalog " + name + ": a " + existing.type()
                        + " data catalog has that name already");
            }
        }
    }
}
