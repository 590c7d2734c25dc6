package io.glaux.quicksight.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.SharedResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A QuickSight analysis, its Definition kept exactly as sent.
 *
 * @param status the ResourceStatus of its last creation or update (CREATION_SUCCESSFUL, CREATION_FAILED,
 *     UPDATE_SUCCESSFUL, UPDATE_FAILED); {@link #currentStatus()} is DELETED while it waits in its recovery window
 * @param errors why the last creation or update failed (empty when it succeeded)
 * @param dataSetArns the datasets its Definition declares
 * @param deletionTime when a deleted analysis goes for good, or null when it is not deleted
 */
public record Analysis(String id, String arn, String name, String status, List<DefinitionError> errors,
        JsonNode definition, String themeArn, List<String> dataSetArns, Instant createdTime, Instant lastUpdatedTime,
        Instant deletionTime, List<ResourcePermission> permissions, Map<String, String> tags)
        implements SharedResource<Analysis> {

    public static final String DELETED = "DELETED";

    public Analysis {
        errors = errors == null ? List.of() : List.copyOf(errors);
        dataSetArns = dataSetArns == null ? List.of() : List.copyOf(dataSetArns);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        definition = definition == null || definition.isNull() ? null : definition;
    }

    public boolean deleted() {
        return deletionTime != null;
    }

    /** The status QuickSight reports: DELETED in the recovery window, else that of the last creation or update. */
    public String currentStatus() {
        return deleted() ? DELETED : status;
    }

    Analysis withDeletionTime(Instant time) {
        return new Analysis(id, arn, name, status, errors, definition, themeArn, dataSetArns, createdTime,
                lastUpdatedTime, time, permissions, tags);
    }

    @Override
    public Analysis withPermissions(List<ResourcePermission> newPermissions) {
        return new Analysis(id, arn, name, status, errors, definition, themeArn, dataSetArns, createdTime,
                lastUpdatedTime, deletionTime, newPermissions, tags);
    }

    @Override
    public Analysis withTags(Map<String, String> newTags) {
        return new Analysis(id, arn, name, status, errors, definition, themeArn, dataSetArns, createdTime,
                lastUpdatedTime, deletionTime, permissions, newTags);
    }
}
