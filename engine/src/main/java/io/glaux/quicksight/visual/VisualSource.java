package io.glaux.quicksight.visual;

import io.glaux.quicksight.dataset.OutputColumn;

import java.util.List;
import java.util.Objects;

/**
 * The rows a visual reads: an SQL relation ({@code spice.default."sales"} for a SPICE dataset, or the dataset's own
 * Athena SQL in parentheses for DIRECT_QUERY) and the dataset's columns, by the names analysts use.
 */
public record VisualSource(String relationSql, List<OutputColumn> columns) {
    public VisualSource {
        Objects.requireNonNull(relationSql, "relationSql");
        columns = List.copyOf(columns);
    }
}
