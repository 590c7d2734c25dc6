package io.glaux.quicksight.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.SharedResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A QuickSight data source. Glaux plays Athena data sources: {@code workGroup} is the Athena workgroup its queries
 * run in ({@code AthenaParameters.WorkGroup}, {@code primary} when not given).
 *
 * @param parameters the DataSourceParameters as given (kept whole for Describe)
 * @param status QuickSight's ResourceStatus: CREATION_SUCCESSFUL, CREATION_FAILED, UPDATE_SUCCESSFUL, UPDATE_FAILED
 * @param errorInfo why the last creation or update failed, or null
 */
public record DataSource(String id, String arn, String name, String type, JsonNode parameters, String workGroup,
        JsonNode sslProperties, String status, DataSourceErrorInfo errorInfo, Instant createdTime,
        Instant lastUpdatedTime, List<ResourcePermission> permissions, Map<String, String> tags)
        implements SharedResource<DataSource> {

    public DataSource {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** Whether queries can run through it (its last creation or update succeeded). */
    public boolean usable() {
        return errorInfo == null;
    }

    @Override
    public DataSource withPermissions(List<ResourcePermission> newPermissions) {
        return new DataSource(id, arn, name, type, parameters, workGroup, sslProperties, status, errorInfo,
                createdTime, lastUpdatedTime, newPermissions, tags);
    }

    @Override
    public DataSource withTags(Map<String, String> newTags) {
        return new DataSource(id, arn, name, type, parameters, workGroup, sslProperties, status, errorInfo,
                createdTime, lastUpdatedTime, permissions, newTags);
    }
}
