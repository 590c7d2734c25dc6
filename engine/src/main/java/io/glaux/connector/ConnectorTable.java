package io.glaux.connector;

import io.glaux.catalog.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source table: its data columns, its partition columns (which the source can prune whole splits by, as the
 * Federation SDK's GetTableLayout does) and free-form properties the source describes it with.
 */
public record ConnectorTable(SchemaTableName name, List<Column> columns, List<Column> partitionColumns,
                             Map<String, String> properties) {

    public ConnectorTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        partitionColumns = partitionColumns == null ? List.of() : List.copyOf(partitionColumns);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public ConnectorTable(SchemaTableName name, List<Column> columns) {
        this(name, columns, List.of(), Map.of());
    }

    /** Data columns followed by partition columns: the row a query sees. */
    public List<Column> allColumns() {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(partitionColumns);
        return all;
    }
}
