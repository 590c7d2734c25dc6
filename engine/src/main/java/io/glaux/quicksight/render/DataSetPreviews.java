package io.glaux.quicksight.render;

import io.glaux.Glaux;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.dataset.CompiledDataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.dataset.OutputColumn;
import io.glaux.quicksight.visual.VisualColumn;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first rows of a dataset that is being edited, before it is saved (the dataset editor's preview): the definition
 * is compiled exactly as CreateDataSet compiles it (so a bad expression is refused the same way) and its SQL runs as a
 * direct query in its data source's workgroup, limited to the rows asked for.
 */
public final class DataSetPreviews {

    /** The most rows a preview returns. */
    public static final int MAX_ROWS = 1000;

    private final DataSetService dataSets;
    private final DirectQuery directQuery;

    public DataSetPreviews(Glaux glaux, DataSetService dataSets, Duration timeout, QuickSightRole role) {
        this.dataSets = dataSets;
        this.directQuery = new DirectQuery(glaux, timeout, role);
    }

    /** Up to {@code maxRows} (1 to {@link #MAX_ROWS}) rows of the dataset {@code definition} describes. */
    public VisualData preview(DataSetService.Definition definition, int maxRows) {
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("maxRows must be 1 to " + MAX_ROWS + ": " + maxRows);
        }
        CompiledDataSet compiled = dataSets.compile(definition);
        List<VisualColumn> columns = compiled.outputColumns().stream()
                .map(column -> new VisualColumn(column.name(), column.type())).toList();
        String select = compiled.outputColumns().stream().map(OutputColumn::name)
                .map(name -> "\"" + name.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
        String sql = "SELECT " + select + " FROM (" + compiled.sql() + ") LIMIT " + maxRows;
        return directQuery.run(sql, columns, compiled.workGroup());
    }
}
