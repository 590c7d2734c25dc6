package io.glaux.results;

import io.glaux.storage.S3Location;

/** Where Athena puts a query's result objects under the output location. */
public final class ResultLocations {

    private ResultLocations() {
    }

    public static S3Location csv(S3Location outputPrefix, String queryId) {
        return outputPrefix.resolve(queryId + ".csv");
    }

    public static S3Location metadata(S3Location outputPrefix, String queryId) {
        return outputPrefix.resolve(queryId + ".csv.metadata");
    }

    public static S3Location text(S3Location outputPrefix, String queryId) {
        return outputPrefix.resolve(queryId + ".txt");
    }

    /** The list of data objects a CTAS or INSERT INTO wrote. */
    public static S3Location manifest(S3Location outputPrefix, String queryId) {
        return outputPrefix.resolve(queryId + "-manifest.csv");
    }
}
