package io.glaux.quicksight.visual;

import java.util.List;

/** The SQL computing a visual's data, and its columns in output order. */
public record VisualQuery(String sql, List<VisualColumn> columns) {
    public VisualQuery {
        columns = List.copyOf(columns);
    }
}
