package io.glaux.connectors.federation;

import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.Constraint;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.connector.SortItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Scans of a connector as the engine makes them, and their rows. */
final class Scans {

    static final String QUERY_ID = "11111111-2222-3333-4444-555555555555";

    private Scans() {
    }

    static ScanRequest request(Connector connector, String table, List<String> columns, Map<String, Domain> domains) {
        return request(connector, table, columns, domains, OptionalLong.empty(), List.of());
    }

    static ScanRequest request(Connector connector, String table, List<String> columns, Map<String, Domain> domains,
                               OptionalLong limit, List<SortItem> orderBy) {
        ConnectorTable described = connector.metadata().getTable(new SchemaTableName("sales", table)).orElseThrow();
        return new ScanRequest(described, columns, new Constraint(domains), limit, orderBy, QUERY_ID);
    }

    /** Every split's rows, split after split. */
    static List<List<Object>> rows(Connector connector, ScanRequest request) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConnectorSplit split : connector.scanner().splits(request)) {
            rows.addAll(rows(connector, request, split));
        }
        return rows;
    }

    static List<List<Object>> rows(Connector connector, ScanRequest request, ConnectorSplit split) {
        List<List<Object>> rows = new ArrayList<>();
        try (BatchReader reader = connector.scanner().read(request, split)) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    Object[] values = new Object[batch.columnCount()];
                    for (int column = 0; column < values.length; column++) {
                        values[column] = batch.value(column, row);
                    }
                    rows.add(Arrays.asList(values));
                }
            }
        }
        return rows;
    }
}
