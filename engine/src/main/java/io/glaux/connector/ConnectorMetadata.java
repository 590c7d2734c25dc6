package io.glaux.connector;

import java.util.List;
import java.util.Optional;

/**
 * Names and shapes of a source's schemas and tables. Names are the source's own; the engine matches them to SQL's
 * lower-case names without regard to case.
 */
public interface ConnectorMetadata {

    List<String> listSchemas();

    /** The tables of a schema, empty when the schema does not exist. */
    List<SchemaTableName> listTables(String schema);

    /** A table's columns and partition columns, or empty when there is no such table. */
    Optional<ConnectorTable> getTable(SchemaTableName name);

    /** What the source can take of a scan request besides the projection and the constraint. */
    ConnectorCapabilities capabilities();
}
