package io.glaux.sql.catalog;

import java.util.List;
import java.util.Optional;

/** Catalogs that come and go at run time, such as those registered with CreateDataCatalog. */
public interface CatalogResolver {

    /** The catalog SQL names {@code name} (lower case), or empty when this resolver has none by that name. */
    Optional<QueryCatalog> resolve(String name);

    /** The names of the catalogs it holds now, for listings (names it resolves on demand may be left out). */
    List<String> names();

    /** Grows whenever a catalog is added, changed or removed. */
    long version();
}
