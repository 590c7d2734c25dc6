package io.glaux.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The Glue-like data catalog ({@code AwsDataCatalog}): databases, tables, views and partitions. Names are matched
 * case-insensitively (stored lower case). Every change is durable when the call returns, and atomic: a crash leaves
 * either the old or the new state.
 *
 * <p>Errors: {@link io.glaux.error.GlauxException} of type NOT_FOUND / ALREADY_EXISTS with Athena's messages.
 */
public interface Catalog extends CatalogReader {

    /**
     * A number that grows after every change (databases, tables, views, partitions). A result derived from the
     * catalog after reading version {@code v} (a cached query plan) stays valid while the version is still {@code v}:
     * the new state is published before the version moves.
     */
    long version();

    void createDatabase(Database database, boolean ifNotExists);

    /** Fails if the database holds tables unless {@code cascade}. */
    void dropDatabase(String name, boolean ifExists, boolean cascade);

    void createTable(TableDefinition table, boolean ifNotExists);

    /** Replaces an existing table or view definition (ALTER TABLE, CREATE OR REPLACE VIEW). */
    void replaceTable(TableDefinition table);

    void dropTable(String database, String table, boolean ifExists);

    List<Partition> listPartitions(String database, String table);

    /** Adds partitions; an existing one is an error unless {@code ifNotExists} (then it is kept as it is). */
    void addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists);

    void dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists);
}
