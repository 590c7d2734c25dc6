package io.glaux.quicksight.refresh;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dataset's refresh properties (PutDataSetRefreshProperties): the incremental refresh's lookback window, and the
 * failure configuration as given (email alerts are kept, not sent).
 */
public record RefreshProperties(String dataSetId, LookbackWindow lookbackWindow, JsonNode failureConfiguration) {
}
