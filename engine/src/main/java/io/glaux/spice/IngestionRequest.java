package io.glaux.spice;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What CreateIngestion asks for: the dataset, the ingestion's id (null: a random UUID), the refresh type, and who
 * asked and why (defaults MANUAL, and the request type matching the refresh type).
 */
public record IngestionRequest(String dataSetName, String ingestionId, IngestionType ingestionType,
                               IngestionRequestSource requestSource, IngestionRequestType requestType) {

    /** QuickSight's IngestionId pattern and length. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    public IngestionRequest {
        Objects.requireNonNull(dataSetName, "dataSetName");
        ingestionType = ingestionType == null ? IngestionType.FULL_REFRESH : ingestionType;
        requestSource = requestSource == null ? IngestionRequestSource.MANUAL : requestSource;
        requestType = requestType == null ? (ingestionType == IngestionType.INCREMENTAL_REFRESH
                ? IngestionRequestType.INCREMENTAL_REFRESH : IngestionRequestType.FULL_REFRESH) : requestType;
        if (ingestionId != null && !ID.matcher(ingestionId).matches()) {
            throw new io.glaux.error.GlauxException(io.glaux.error.ErrorType.INVALID_ARGUMENT, "IngestionId "
                    + ingestionId + " must be 1-128 letters, digits, hyphens or underscores");
        }
    }

    /** A manual full refresh of {@code dataSetName} with a random id. */
    public static IngestionRequest of(String dataSetName) {
        return new IngestionRequest(dataSetName, null, null, null, null);
    }

    public IngestionRequest withIngestionId(String id) {
        return new IngestionRequest(dataSetName, id, ingestionType, requestSource, requestType);
    }

    public IngestionRequest withIngestionType(IngestionType type) {
        return new IngestionRequest(dataSetName, ingestionId, type, requestSource, null);
    }

    public IngestionRequest withRequestSource(IngestionRequestSource source) {
        return new IngestionRequest(dataSetName, ingestionId, ingestionType, source, requestType);
    }

    public IngestionRequest withRequestType(IngestionRequestType type) {
        return new IngestionRequest(dataSetName, ingestionId, ingestionType, requestSource, type);
    }
}
