package io.glaux.quicksight.render;

import io.glaux.quicksight.visual.VisualColumn;

import java.util.List;

/**
 * A visual's data as the engine computed it: its columns (named by FieldId, with QuickSight types), its rows as
 * Athena writes values (text, null for NULL), where it ran (SPICE or DIRECT_QUERY), the Athena query execution of a
 * direct query (null on SPICE), how long it took and the bytes it read from the store.
 */
public record VisualData(List<VisualColumn> columns, List<List<String>> rows, String source,
        String queryExecutionId, long elapsedMillis, long dataScannedInBytes) {

    public static final String SPICE = "SPICE";
    public static final String DIRECT_QUERY = "DIRECT_QUERY";

    public VisualData {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
