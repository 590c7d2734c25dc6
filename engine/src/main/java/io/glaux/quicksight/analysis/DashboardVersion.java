package io.glaux.quicksight.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One version of a dashboard: what CreateDashboard (version 1) or an UpdateDashboard made, its Definition kept
 * exactly as sent.
 *
 * @param status CREATION_SUCCESSFUL / CREATION_FAILED for version 1, UPDATE_SUCCESSFUL / UPDATE_FAILED after
 * @param errors why it failed (empty when it succeeded)
 */
public record DashboardVersion(long number, String arn, String name, String status, List<DefinitionError> errors,
        JsonNode definition, String description, String themeArn, List<String> dataSetArns,
        JsonNode publishOptions, Instant createdTime) {

    public DashboardVersion {
        errors = errors == null ? List.of() : List.copyOf(errors);
        dataSetArns = dataSetArns == null ? List.of() : List.copyOf(dataSetArns);
        definition = definition == null || definition.isNull() ? null : definition;
        publishOptions = publishOptions == null || publishOptions.isNull() ? null : publishOptions;
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
