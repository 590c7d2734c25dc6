package io.glaux.datacatalog;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.persist.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The data catalogs registered with Athena, one JSON file each. {@code AwsDataCatalog} (type GLUE, the account's own
 * Glue catalog) always exists and is never stored: it can't be created, changed, tagged or deleted. Names are
 * matched without regard to case, as SQL sees them, and kept as they were given.
 */
public final class DataCatalogService {

    public static final String DEFAULT_CATALOG = "AwsDataCatalog";

    /** As CreateDataCatalog documents: at most 127 letters, digits, '_', '@' or '-'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@-]{1,127}");

    private static final DataCatalog DEFAULT = new DataCatalog(DEFAULT_CATALOG, DataCatalogType.GLUE, null, Map.of(),
            Map.of(), null);

    private final Path folder;
    private final JsonFiles files = new JsonFiles();
    private final ConcurrentMap<String, DataCatalog> catalogs = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public DataCatalogService(Path folder) {
        this.folder = folder;
        load();
    }

    private void load() {
        for (DataCatalog catalog : files.readAll(folder, DataCatalog.class)) {
            catalogs.put(key(catalog.name()), catalog);
        }
    }

    /** Grows with every create, update and delete (tags aside), so what SQL resolves can be planned again. */
    public long version() {
        return version.get();
    }

    /** Whether {@code name} is the built-in catalog (any case, as SQL's {@code awsdatacatalog}). */
    public static boolean isDefault(String name) {
        return DEFAULT_CATALOG.equalsIgnoreCase(name);
    }

    /** {@code AwsDataCatalog} first, then the registered catalogs by name. */
    public List<DataCatalog> list() {
        List<DataCatalog> all = new ArrayList<>();
        all.add(DEFAULT);
        catalogs.values().stream()
                .sorted(Comparator.comparing((DataCatalog c) -> key(c.name())).thenComparing(DataCatalog::name))
                .forEach(all::add);
        return all;
    }

    /** A registered catalog or {@code AwsDataCatalog}. */
    public Optional<DataCatalog> find(String name) {
        return isDefault(name) ? Optional.of(DEFAULT) : registered(name);
    }

    /** A catalog registered with CreateDataCatalog (never {@code AwsDataCatalog}). */
    public Optional<DataCatalog> registered(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(catalogs.get(key(name)));
    }

    public synchronized DataCatalog create(String name, DataCatalogType type, String description,
                                           Map<String, String> parameters, Map<String, String> tags) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid data catalog name '" + name
                    + "': at most 127 letters, digits, '_', '@' or '-'");
        }
        if (isDefault(name) || catalogs.containsKey(key(name))) {
            throw GlauxException.alreadyExists("DataCatalog " + find(name).map(DataCatalog::name).orElse(name)
                    + " already exists.");
        }
        DataCatalogParameters.check(type, parameters);
        DataCatalog catalog = new DataCatalog(name, type, description, parameters, tags, Instant.now());
        save(catalog);
        version.incrementAndGet();
        return catalog;
    }

    /**
     * Replaces a registered catalog's type, description (when not null) and parameters (when not null); the result
     * must still fit its type.
     */
    public synchronized DataCatalog update(String name, DataCatalogType type, String description,
                                           Map<String, String> parameters) {
        if (isDefault(name)) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The default data catalog " + DEFAULT_CATALOG
                    + " cannot be modified.");
        }
        DataCatalog current = existing(name);
        DataCatalog updated = current.withDefinition(type, description != null ? description : current.description(),
                parameters != null ? parameters : current.parameters());
        DataCatalogParameters.check(updated.type(), updated.parameters());
        save(updated);
        version.incrementAndGet();
        return updated;
    }

    /** Removes a registered catalog and returns it as it was. */
    public synchronized DataCatalog delete(String name) {
        if (isDefault(name)) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The default data catalog " + DEFAULT_CATALOG
                    + " cannot be deleted.");
        }
        DataCatalog current = existing(name);
        try {
            Files.deleteIfExists(file(current.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete data catalog " + current.name(), e);
        }
        catalogs.remove(key(current.name()));
        version.incrementAndGet();
        return current;
    }

    /** Changes a registered catalog's tags in one step (read, change, write) and returns the catalog. */
    public synchronized DataCatalog changeTags(String name, UnaryOperator<Map<String, String>> change) {
        DataCatalog current = existing(name);
        DataCatalog updated = current.withTags(change.apply(current.tags()));
        save(updated);
        return updated;
    }

    private DataCatalog existing(String name) {
        return registered(name).orElseThrow(() -> GlauxException.notFound("DataCatalog " + name + " was not found."));
    }

    private void save(DataCatalog catalog) {
        files.write(file(catalog.name()), catalog);
        catalogs.put(key(catalog.name()), catalog);
    }

    private Path file(String name) {
        return folder.resolve(key(name) + ".json");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
