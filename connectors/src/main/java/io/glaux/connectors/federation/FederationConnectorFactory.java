package io.glaux.connectors.federation;

import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorFactory;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;

import java.util.Objects;
import java.util.Optional;

/**
 * Serves LAMBDA data catalogs ({@code function=<arn>}, or {@code metadata-function} and {@code record-function}, and
 * {@code "lambda:<function>"} in SQL) with a {@link FederationConnector}, when their functions are known here.
 */
public final class FederationConnectorFactory implements ConnectorFactory {

    private final FederationFunctions functions;
    private final SpilledObjects spill;
    private final FederationSettings settings;

    public FederationConnectorFactory(FederationFunctions functions, SpilledObjects spill,
                                      FederationSettings settings) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.spill = Objects.requireNonNull(spill, "spill");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<Connector> create(DataCatalog catalog) {
        if (catalog.type() != DataCatalogType.LAMBDA) {
            return Optional.empty();
        }
        String composite = catalog.parameters().get(DataCatalogParameters.FUNCTION);
        String metadataName = composite != null ? composite
                : catalog.parameters().get(DataCatalogParameters.METADATA_FUNCTION);
        String recordName = composite != null ? composite
                : catalog.parameters().get(DataCatalogParameters.RECORD_FUNCTION);
        if (metadataName == null || recordName == null) {
            return Optional.empty();
        }
        Optional<FederationFunction> metadata = functions.function(metadataName);
        Optional<FederationFunction> records = recordName.equals(metadataName) ? metadata
                : functions.function(recordName);
        if (metadata.isEmpty() || records.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FederationConnector(catalog.name(), metadata.get(), records.get(), spill, settings));
    }
}
