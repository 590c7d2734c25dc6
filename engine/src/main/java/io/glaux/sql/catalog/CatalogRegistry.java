package io.glaux.sql.catalog;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.schema.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every catalog a query can name, found by name without regard to case: catalogs registered once ({@code
 * awsdatacatalog}, {@code spice}) and those resolvers find on demand (data catalogs, {@code "lambda:<function>"}).
 * The planner's root schema, DDL, SHOW and the metadata API all look catalogs up here.
 */
public final class CatalogRegistry {

    private final Map<String, QueryCatalog> catalogs = new ConcurrentHashMap<>();
    private final List<CatalogResolver> resolvers = new CopyOnWriteArrayList<>();
    private final Schema rootSchema = new RegistryRootSchema(this);

    /** Adds a catalog that lives as long as the registry. */
    public void register(QueryCatalog catalog) {
        if (catalogs.putIfAbsent(key(catalog.name()), catalog) != null) {
            throw new IllegalStateException("Catalog " + catalog.name() + " is already registered");
        }
    }

    /** Adds a source of catalogs consulted, in the order added, for names not registered. */
    public void addResolver(CatalogResolver resolver) {
        resolvers.add(resolver);
    }

    public Optional<QueryCatalog> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = key(name);
        QueryCatalog fixed = catalogs.get(key);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        for (CatalogResolver resolver : resolvers) {
            Optional<QueryCatalog> found = resolver.resolve(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The catalog, or Trino's CATALOG_NOT_FOUND. */
    public QueryCatalog require(String name) {
        return find(name).orElseThrow(() -> new GlauxException(ErrorType.NOT_FOUND,
                "CATALOG_NOT_FOUND: Catalog '" + key(name) + "' does not exist"));
    }

    /** Registered catalogs, then resolvers' catalogs, by name. */
    public List<String> names() {
        List<String> names = new ArrayList<>(catalogs.keySet().stream().sorted().toList());
        for (CatalogResolver resolver : resolvers) {
            resolver.names().stream().map(CatalogRegistry::key).filter(n -> !names.contains(n)).sorted()
                    .forEach(names::add);
        }
        return names;
    }

    /**
     * A number that changes whenever any catalog's contents or the set of catalogs change; {@link
     * QueryCatalog#VOLATILE} catalogs do not count (plans over them are never cached).
     */
    public long version() {
        long version = 0;
        for (QueryCatalog catalog : catalogs.values()) {
            version += Math.max(0, catalog.version());
        }
        for (CatalogResolver resolver : resolvers) {
            version += resolver.version();
        }
        return version;
    }

    /**
     * A number that changes whenever one of the named catalogs changes, or {@link QueryCatalog#VOLATILE} when one is
     * volatile or not registered (a resolver's catalogs come and go, so what they hold is not followed here).
     */
    public long version(Collection<String> names) {
        long version = 0;
        for (String name : names) {
            QueryCatalog catalog = catalogs.get(key(name));
            long catalogVersion = catalog == null ? QueryCatalog.VOLATILE : catalog.version();
            if (catalogVersion == QueryCatalog.VOLATILE) {
                return QueryCatalog.VOLATILE;
            }
            version += catalogVersion;
        }
        return version;
    }

    /** The planner's root: one sub-schema per catalog, resolved at each lookup. */
    public Schema rootSchema() {
        return rootSchema;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
