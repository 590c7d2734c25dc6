package io.glaux.exec;

import io.glaux.results.ColumnInfo;
import io.glaux.storage.S3Location;

import java.util.List;

/**
 * What running one statement produced, and how long its planning took. {@code dataManifestLocation} is the manifest
 * of the data files a CTAS, INSERT INTO or UNLOAD wrote ({@code s3://.../<id>-manifest.csv}), else null.
 */
public record StatementOutcome(List<ColumnInfo> columns, long rowCount, Long updateCount, String resultObject,
                               long planningMillis, String dataManifestLocation) {

    /** The outcome of a statement that wrote no data files. */
    public StatementOutcome(List<ColumnInfo> columns, long rowCount, Long updateCount, String resultObject,
                            long planningMillis) {
        this(columns, rowCount, updateCount, resultObject, planningMillis, null);
    }

    StatementOutcome withDataManifest(S3Location manifest) {
        return new StatementOutcome(columns, rowCount, updateCount, resultObject, planningMillis,
                manifest.toString());
    }
}
