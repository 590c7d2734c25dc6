package io.glaux.connector;

import java.util.Objects;

/** A table's name in its source, as the source spells it. */
public record SchemaTableName(String schema, String table) {

    public SchemaTableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
