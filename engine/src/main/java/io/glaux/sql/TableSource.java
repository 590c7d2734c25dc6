package io.glaux.sql;

import java.util.Objects;

/**
 * A table a planned query reads (views expanded to the tables under them): what Athena checks the caller's
 * permissions on before it reads (glue:GetTable and the table's S3 location, or the federated catalog's function).
 *
 * @param catalog the catalog as the query resolved it ({@code awsdatacatalog}, {@code spice}, a federated catalog)
 * @param database the database (schema)
 * @param table the table's name
 * @param location the table's S3 location ({@code s3://bucket/prefix/}), or null for a table without one
 * @param federated whether the table is read through a connector
 */
public record TableSource(String catalog, String database, String table, String location, boolean federated) {

    public TableSource {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }
}
