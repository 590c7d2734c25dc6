package io.glaux.sql.connector;

import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorFactory;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogService;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.catalog.CatalogResolver;
import io.glaux.sql.catalog.QueryCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The catalogs registered with CreateDataCatalog (LAMBDA and FEDERATED) and the {@code "lambda:<function>"} names
 * Athena resolves without registration, each backed by the connector a {@link ConnectorFactory} makes for it. A
 * connector is made once and kept while its catalog's definition stays the same; a changed or deleted catalog's
 * connector is closed.
 */
public final class FederatedCatalogs implements CatalogResolver, AutoCloseable {

    /** The prefix that names a Lambda function directly in SQL: {@code "lambda:<function>".schema.table}. */
    public static final String LAMBDA_PREFIX = "lambda:";

    private final DataCatalogService dataCatalogs;
    private final List<ConnectorFactory> factories = new CopyOnWriteArrayList<>();
    private final Map<String, Entry> open = new java.util.HashMap<>();
    private long closedGeneration;

    private record Entry(DataCatalog definition, ConnectorCatalog catalog) {
    }

    public FederatedCatalogs(DataCatalogService dataCatalogs) {
        this.dataCatalogs = dataCatalogs;
    }

    /** Adds a maker of connectors, consulted in the order added. */
    public void addFactory(ConnectorFactory factory) {
        factories.add(factory);
    }

    /**
     * Removes a maker of connectors (a server that stops takes back the one over its Lambda functions). The open
     * connectors are closed, whoever made them, and made again at their next use.
     */
    public synchronized void removeFactory(ConnectorFactory factory) {
        if (factories.remove(factory)) {
            close();
            closedGeneration++;
        }
    }

    @Override
    public synchronized Optional<QueryCatalog> resolve(String name) {
        Optional<DataCatalog> definition = definition(name);
        Entry entry = open.get(name);
        if (entry != null && (definition.isEmpty() || !sameSource(entry.definition(), definition.get()))) {
            open.remove(name);
            entry.catalog().close();
            closedGeneration++;
            entry = null;
        }
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        if (entry == null) {
            entry = new Entry(definition.get(), new ConnectorCatalog(name, connector(definition.get())));
            open.put(name, entry);
        }
        return Optional.of(entry.catalog());
    }

    /** Whether two definitions name the same source (a description or tags don't change the connector). */
    private static boolean sameSource(DataCatalog a, DataCatalog b) {
        return a.type() == b.type() && a.parameters().equals(b.parameters());
    }

    /**
     * The Lambda functions a LAMBDA catalog (or {@code "lambda:<function>"}) invokes, as its parameters name them (a
     * name or an ARN): the composite {@code function}, or the {@code metadata-function} and {@code record-function};
     * none for other catalogs.
     */
    public List<String> functionsOf(String catalogName) {
        Optional<DataCatalog> catalog = definition(catalogName).filter(c -> c.type() == DataCatalogType.LAMBDA);
        if (catalog.isEmpty()) {
            return List.of();
        }
        Map<String, String> parameters = catalog.get().parameters();
        String composite = parameters.get(DataCatalogParameters.FUNCTION);
        if (composite != null) {
            return List.of(composite);
        }
        return Stream.of(parameters.get(DataCatalogParameters.METADATA_FUNCTION),
                parameters.get(DataCatalogParameters.RECORD_FUNCTION)).filter(Objects::nonNull).distinct()
                .toList();
    }

    private Optional<DataCatalog> definition(String name) {
        if (name.startsWith(LAMBDA_PREFIX) && name.length() > LAMBDA_PREFIX.length()) {
            return Optional.of(new DataCatalog(name, DataCatalogType.LAMBDA, null,
                    Map.of(DataCatalogParameters.FUNCTION, name.substring(LAMBDA_PREFIX.length())), Map.of(), null));
        }
        return dataCatalogs.registered(name)
                .filter(c -> c.type() == DataCatalogType.LAMBDA || c.type() == DataCatalogType.FEDERATED);
    }

    private Connector connector(DataCatalog catalog) {
        for (ConnectorFactory factory : factories) {
            Optional<Connector> connector = factory.create(catalog);
            if (connector.isPresent()) {
                return connector.get();
            }
        }
        throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.GENERIC_USER_ERROR, "Catalog '"
                + catalog.name() + "' ("
                + catalog.type() + (catalog.connectionType() == null ? "" : " " + catalog.connectionType())
                + ") cannot be queried here: no connector serves it");
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (DataCatalog catalog : dataCatalogs.list()) {
            if (catalog.type() == DataCatalogType.LAMBDA || catalog.type() == DataCatalogType.FEDERATED) {
                names.add(catalog.name());
            }
        }
        return names;
    }

    @Override
    public synchronized long version() {
        return dataCatalogs.version() + closedGeneration;
    }

    @Override
    public synchronized void close() {
        for (Entry entry : open.values()) {
            entry.catalog().close();
        }
        open.clear();
    }
}
