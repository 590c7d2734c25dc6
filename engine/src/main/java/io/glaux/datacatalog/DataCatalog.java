package io.glaux.datacatalog;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data catalog registered with CreateDataCatalog, or the built-in {@code AwsDataCatalog}. Parameters and tags keep
 * their keys sorted so listings and files are stable.
 */
public record DataCatalog(String name, DataCatalogType type, String description, Map<String, String> parameters,
                          Map<String, String> tags, Instant creationTime) {

    public DataCatalog {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** The Athena connection type of a FEDERATED catalog ({@code connection-type} parameter), else null. */
    public String connectionType() {
        return type == DataCatalogType.FEDERATED ? parameters.get(DataCatalogParameters.CONNECTION_TYPE) : null;
    }

    public DataCatalog withDefinition(DataCatalogType newType, String newDescription,
                                      Map<String, String> newParameters) {
        return new DataCatalog(name, newType, newDescription, newParameters, tags, creationTime);
    }

    public DataCatalog withTags(Map<String, String> newTags) {
        return new DataCatalog(name, type, description, parameters, newTags, creationTime);
    }
}
