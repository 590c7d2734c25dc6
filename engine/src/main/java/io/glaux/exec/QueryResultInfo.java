package io.glaux.exec;

import io.glaux.results.ColumnInfo;

import java.util.List;

/**
 * What a finished statement produced: its result columns, row count, UpdateCount (CTAS/INSERT), and the full path of
 * its result object ({@code s3://bucket/prefix/<id>.csv} or {@code .txt}).
 */
public record QueryResultInfo(List<ColumnInfo> columns, long rowCount, Long updateCount, String resultObject) {

    public QueryResultInfo {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
