package io.glaux;

import io.glaux.results.ColumnInfo;

import java.util.List;

/** A finished query's result as a client reads it back: the columns and the rows (values as text, null for NULL). */
public record QueryResults(List<ColumnInfo> columns, List<List<String>> rows) {

    public QueryResults {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The values of one column by name. */
    public List<String> column(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                int index = i;
                return rows.stream().map(row -> row.get(index)).toList();
            }
        }
        throw new IllegalArgumentException("No column '" + name + "' in " + columns);
    }
}
