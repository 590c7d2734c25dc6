package io.glaux.quicksight.analysis;

import java.util.List;

/**
 * Why an analysis or a dashboard version is CREATION_FAILED or UPDATE_FAILED: QuickSight's AnalysisError /
 * DashboardError (Type, Message, and the paths of the entities that break it).
 */
public record DefinitionError(String type, String message, List<String> violatedEntities) {

    public static final String DATA_SET_NOT_FOUND = "DATA_SET_NOT_FOUND";
    public static final String COLUMN_REPLACEMENT_MISSING = "COLUMN_REPLACEMENT_MISSING";

    public DefinitionError {
        violatedEntities = violatedEntities == null ? List.of() : List.copyOf(violatedEntities);
    }
}
