package io.glaux.sql.catalog;

import io.glaux.catalog.CatalogReader;
import org.apache.calcite.schema.Schema;

/**
 * A catalog SQL can name ({@code catalog.database.table}): what it holds, for SHOW and the metadata API, and the
 * schema queries are planned against.
 */
public interface QueryCatalog {

    /** The name SQL uses, lower case. */
    String name();

    CatalogReader metadata();

    /** Databases as sub-schemas, their tables and views as tables. */
    Schema schema();

    /**
     * Grows after every change to what {@link #schema()} shows, so cached plans can be dropped; a catalog whose
     * source changes without telling (a federated database) answers {@link #VOLATILE} and its plans are not cached.
     */
    long version();

    long VOLATILE = -1;
}
