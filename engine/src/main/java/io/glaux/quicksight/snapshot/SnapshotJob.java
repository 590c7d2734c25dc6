package io.glaux.quicksight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dashboard snapshot job as kept across restarts: what was asked, its status and, once it has run, the result of
 * each file group (one {@link S3Result} per CSV written) or the error that failed it.
 */
public record SnapshotJob(String dashboardId, String snapshotJobId, String arn, SnapshotJobStatus status,
        Instant createdTime, Instant lastUpdatedTime, List<SnapshotFile> files, S3Destination destination,
        Map<String, List<String>> parameters, List<String> rowLevelPermissionTagKeys, JsonNode configuration,
        List<List<S3Result>> results, SnapshotError errorInfo) {

    public SnapshotJob {
        files = List.copyOf(files);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        rowLevelPermissionTagKeys = rowLevelPermissionTagKeys == null ? List.of()
                : List.copyOf(rowLevelPermissionTagKeys);
        results = results == null ? List.of() : results.stream().map(List::copyOf).toList();
    }

    /** The key a job is kept under: job ids are unique per dashboard. */
    public static String key(String dashboardId, String snapshotJobId) {
        return dashboardId + "/" + snapshotJobId;
    }

    public String key() {
        return key(dashboardId, snapshotJobId);
    }

    SnapshotJob with(SnapshotJobStatus newStatus, Instant now, List<List<S3Result>> newResults,
            SnapshotError error) {
        return new SnapshotJob(dashboardId, snapshotJobId, arn, newStatus, createdTime, now, files, destination,
                parameters, rowLevelPermissionTagKeys, configuration, newResults, error);
    }

    /**
     * One generated file: the destination it was asked for (null for Glaux's own bucket), its S3 URI, and the
     * errors that kept it from being written (then no URI).
     */
    public record S3Result(S3Destination destination, String s3Uri, List<SnapshotError> errors) {
        public S3Result {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }
}
