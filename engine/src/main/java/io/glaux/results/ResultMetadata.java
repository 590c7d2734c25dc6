package io.glaux.results;

import java.util.List;

/**
 * The content of {@code <id>.csv.metadata}: Glaux writes JSON (Athena's own is an undocumented binary) holding the
 * statement type, the result columns as Athena's ColumnInfo, and the row count. See docs/result-objects.md.
 */
public record ResultMetadata(int version, String statementType, List<ColumnInfo> columns, long rowCount,
                             Long updateCount) {

    public static final int CURRENT_VERSION = 1;

    public ResultMetadata {
        columns = List.copyOf(columns);
    }
}
