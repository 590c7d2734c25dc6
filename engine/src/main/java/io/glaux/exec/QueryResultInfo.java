package io.glaux.exec;

import io.glaux.results.ColumnInfo;

import java.util.List;

/**
 * What a finished statement produced: its result columns, row count, UpdateCount (CTAS/INSERT), and the full path of
 * its result object ({@code s3://bucket/prefix/<id>.csv} or {@code .txt}), and the manifest of the data files a CTAS,
 * INSERT INTO or UNLOAD wrote (Athena's Statistics.DataManifestLocation; null for other statements).
 */
public record QueryResultInfo(List<ColumnInfo> columns, long rowCount, Long updateCount, String resultObject,
                              String dataManifestLocation) {

    public QueryResultInfo {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
