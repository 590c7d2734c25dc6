package io.glaux.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a data catalog holds, read only, in Glue's terms: the face every catalog shows to SHOW statements and to
 * Athena's metadata API, whether it is the Glue-like {@link Catalog}, SPICE or a federated source.
 */
public interface CatalogReader {

    List<Database> listDatabases();

    Optional<Database> getDatabase(String name);

    /** The tables and views of a database; empty when there is no such database. */
    List<TableDefinition> listTables(String database);

    Optional<TableDefinition> getTable(String database, String table);
}
