package io.glaux.connector;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a query reads from a table.
 *
 * @param table      the table, as {@link ConnectorMetadata#getTable} described it
 * @param columns    the projected columns, by name, in the order batches carry them; may be empty (a count)
 * @param constraint the values each column may take for a row to matter
 * @param limit      rows enough for the query; only set when the constraint is everything the query filters on
 * @param orderBy    with a limit, the order whose first rows the query wants (a top-N); else empty
 * @param queryId    the Athena query execution this scan serves
 */
public record ScanRequest(ConnectorTable table, List<String> columns, Constraint constraint, OptionalLong limit,
                          List<SortItem> orderBy, String queryId) {

    public ScanRequest {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        constraint = constraint == null ? Constraint.all() : constraint;
        limit = limit == null ? OptionalLong.empty() : limit;
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (!orderBy.isEmpty() && limit.isEmpty()) {
            throw new IllegalArgumentException("An order is only pushed down with a limit");
        }
    }
}
