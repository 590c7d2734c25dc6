package io.glaux.sql.connector;

import io.glaux.catalog.Column;
import io.glaux.connector.ArrayColumnBatch;
import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorScanner;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.connector.SortItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source held in memory for the engine's tests: rows cut into two splits and returned two per batch, the scan
 * requests it received recorded. With {@link ConnectorCapabilities#enforcesConstraint()} it filters by the
 * constraint and applies limits and top-Ns it is offered; without, it returns every row.
 */
final class MemoryConnector implements Connector, ConnectorMetadata, ConnectorScanner {

    private record Split(int from, int to) implements ConnectorSplit {
    }

    private final Map<SchemaTableName, ConnectorTable> tables = new LinkedHashMap<>();
    private final Map<SchemaTableName, List<Object[]>> rows = new HashMap<>();
    private final ConnectorCapabilities capabilities;
    final List<ScanRequest> requests = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    MemoryConnector(ConnectorCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** Adds a table; each row holds data then partition column values. */
    MemoryConnector table(String schema, String name, List<Column> columns, List<Column> partitions,
                          List<Object[]> data) {
        SchemaTableName table = new SchemaTableName(schema, name);
        tables.put(table, new ConnectorTable(table, columns, partitions, Map.of("source", "memory")));
        rows.put(table, List.copyOf(data));
        return this;
    }

    @Override
    public ConnectorMetadata metadata() {
        return this;
    }

    @Override
    public ConnectorScanner scanner() {
        return this;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<String> listSchemas() {
        return tables.keySet().stream().map(SchemaTableName::schema).distinct().toList();
    }

    @Override
    public List<SchemaTableName> listTables(String schema) {
        return tables.keySet().stream().filter(t -> t.schema().equals(schema)).toList();
    }

    @Override
    public Optional<ConnectorTable> getTable(SchemaTableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public ConnectorCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<ConnectorSplit> splits(ScanRequest request) {
        requests.add(request);
        int size = rows.get(request.table().name()).size();
        return List.of(new Split(0, size / 2), new Split(size / 2, size));
    }

    @Override
    public BatchReader read(ScanRequest request, ConnectorSplit split) {
        Split range = (Split) split;
        List<Column> columns = request.table().allColumns();
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Object[] row : rows.get(request.table().name()).subList(range.from(), range.to())) {
            Map<String, Object> named = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                named.put(columns.get(i).name(), row[i]);
            }
            if (!capabilities.enforcesConstraint() || request.constraint().test(named)) {
                selected.add(named);
            }
        }
        if (!request.orderBy().isEmpty()) {
            selected.sort(order(request.orderBy()));
        }
        if (request.limit().isPresent() && selected.size() > request.limit().getAsLong()) {
            selected = selected.subList(0, (int) request.limit().getAsLong());
        }
        List<Map<String, Object>> result = selected;
        return new BatchReader() {
            private int next;

            @Override
            public ColumnBatch next() {
                if (next >= result.size()) {
                    return null;
                }
                int count = Math.min(2, result.size() - next);
                List<Object[]> values = new ArrayList<>();
                for (String column : request.columns()) {
                    Object[] array = new Object[count];
                    for (int i = 0; i < count; i++) {
                        array[i] = result.get(next + i).get(column);
                    }
                    values.add(array);
                }
                next += count;
                return new ArrayColumnBatch(count, values);
            }

            @Override
            public void close() {
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Map<String, Object>> order(List<SortItem> items) {
        Comparator<Map<String, Object>> comparator = (a, b) -> 0;
        for (SortItem item : items) {
            Comparator<Comparable> values = item.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            Comparator<Comparable> nulls = item.nullsFirst() ? Comparator.nullsFirst(values)
                    : Comparator.nullsLast(values);
            comparator = comparator.thenComparing(row -> (Comparable) row.get(item.column()), nulls);
        }
        return comparator;
    }
}
