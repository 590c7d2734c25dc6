package io.glaux.connectors.jdbc;

import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Gives a test class a database of its own on the PostgreSQL server the whole test run shares ({@link
 * PostgresServer}, started by the first class that needs it and stopped when the run ends):
 * {@code @RegisterExtension static final PostgresExtension PG = new PostgresExtension("glaux_x");}.
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PostgresExtension.class);

    /** The shared server, closed by JUnit when the run's root context closes. */
    private record Shared(PostgresServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    private final String database;
    private PostgresServer server;

    public PostgresExtension(String database) {
        this.database = database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresServer.binaries();
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, key -> {
            try {
                return new Shared(PostgresServer.start());
            } catch (IOException e) {
                throw new IllegalStateException("The test PostgreSQL server did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, Shared.class).server();
        server.recreateDatabase(database);
    }

    public PostgresServer server() {
        return server;
    }

    public String database() {
        return database;
    }

    /** Runs statements in this class's database. */
    public void execute(String... statements) {
        server.execute(database, statements);
    }

    /** The statements the server logged that contain {@code marker}. */
    List<PostgresServer.Logged> logged(String marker) {
        return server.logged(marker);
    }

    /** This database's settings as a FEDERATED catalog's Glue connection properties. */
    public String connectionProperties() {
        return "{\"HOST\":\"127.0.0.1\",\"PORT\":\"" + server.port() + "\",\"DATABASE\":\"" + database
                + "\",\"USERNAME\":\"" + PostgresServer.USER + "\",\"PASSWORD\":\"" + PostgresServer.PASSWORD
                + "\",\"spill_bucket\":\"unused\"}";
    }

    /**
     * A Glaux over {@code folder} with the JDBC connector factory and this database registered as the FEDERATED
     * data catalog {@code catalog} (connection-type POSTGRESQL, connection-properties as Glue's).
     */
    GlauxFixture glaux(Path folder, String catalog) throws IOException {
        GlauxFixture fixture = GlauxFixture.local(folder);
        fixture.glaux().federatedCatalogs().addFactory(new JdbcConnectorFactory());
        if (fixture.glaux().dataCatalogs().registered(catalog).isEmpty()) {
            fixture.glaux().dataCatalogs().create(catalog, DataCatalogType.FEDERATED, null,
                    Map.of(DataCatalogParameters.CONNECTION_TYPE, "POSTGRESQL",
                            JdbcConnectorFactory.CONNECTION_PROPERTIES, connectionProperties()), Map.of());
        }
        return fixture;
    }
}
