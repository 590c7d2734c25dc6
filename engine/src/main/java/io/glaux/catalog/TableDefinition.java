package io.glaux.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table or view in a Glue-like database. Views carry their SQL text ({@code viewSql}) and the columns it had when
 * created; tables carry a {@link StorageDescriptor}. Table parameters are Athena's TBLPROPERTIES
 * (skip.header.line.count, serialization.null.format, ...).
 */
public record TableDefinition(String database, String name, TableKind kind, List<Column> columns,
                              List<Column> partitionKeys, StorageDescriptor storage, Map<String, String> parameters,
                              String viewSql, Instant createTime) {

    public TableDefinition {
        database = database.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
        columns = List.copyOf(columns);
        partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean isView() {
        return kind == TableKind.VIRTUAL_VIEW;
    }

    /** Data columns followed by partition keys: the row type a query sees. */
    public List<Column> allColumns() {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(partitionKeys);
        return all;
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    public TableDefinition withColumns(List<Column> newColumns) {
        return new TableDefinition(database, name, kind, newColumns, partitionKeys, storage, parameters, viewSql,
                createTime);
    }
}
