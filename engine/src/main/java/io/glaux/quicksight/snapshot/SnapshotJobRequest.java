package io.glaux.quicksight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A StartDashboardSnapshotJob request as read from the wire.
 *
 * @param files one SnapshotFile per FileGroup, in order
 * @param destination the S3 destination, or null for Glaux's own bucket ({@link SnapshotJobService#GLAUX_BUCKET})
 * @param parameters the Parameters, each name to its values as text (date-times as ISO-8601 instants)
 * @param anonymousUsers how many AnonymousUsers the UserConfiguration has (null when it is missing)
 * @param rowLevelPermissionTagKeys the keys of the anonymous user's RowLevelPermissionTags
 * @param configuration the SnapshotConfiguration as given, echoed by DescribeDashboardSnapshotJob
 */
public record SnapshotJobRequest(String dashboardId, String snapshotJobId, List<SnapshotFile> files,
        S3Destination destination, Map<String, List<String>> parameters, Integer anonymousUsers,
        List<String> rowLevelPermissionTagKeys, JsonNode configuration) {

    public SnapshotJobRequest {
        files = List.copyOf(files);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        rowLevelPermissionTagKeys = rowLevelPermissionTagKeys == null ? List.of()
                : List.copyOf(rowLevelPermissionTagKeys);
    }
}
