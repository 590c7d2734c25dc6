package io.glaux.spice;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What CreateIngestion asks for: the dataset, the ingestion's id (null: a random UUID), the refresh type, who asked
 * and why (defaults MANUAL, and the request type matching the refresh type), and what must still hold when the
 * ingestion starts running ({@code precondition}: the ErrorInfo to fail it with, or null to run; QuickSight's
 * DATA_SOURCE_NOT_FOUND for a data source deleted meanwhile).
 */
public record IngestionRequest(String dataSetName, String ingestionId, IngestionType ingestionType,
                               IngestionRequestSource requestSource, IngestionRequestType requestType,
                               Supplier<ErrorInfo> precondition) {

    /** QuickSight's IngestionId pattern and length. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    public IngestionRequest {
        Objects.requireNonNull(dataSetName, "dataSetName");
        ingestionType = ingestionType == null ? IngestionType.FULL_REFRESH : ingestionType;
        requestSource = requestSource == null ? IngestionRequestSource.MANUAL : requestSource;
        precondition = precondition == null ? () -> null : precondition;
        requestType = requestType == null ? (ingestionType == IngestionType.INCREMENTAL_REFRESH
                ? IngestionRequestType.INCREMENTAL_REFRESH : IngestionRequestType.FULL_REFRESH) : requestType;
        if (ingestionId != null && !ID.matcher(ingestionId).matches()) {
            throw new io.glaux.error.GlauxException(io.glaux.error.ErrorType.INVALID_ARGUMENT, "IngestionId "
                    + ingestionId + " must be 1-128 letters, digits, hyphens or underscores");
        }
    }

    /** A manual full refresh of {@code dataSetName} with a random id. */
    public static IngestionRequest of(String dataSetName) {
        return new IngestionRequest(dataSetName, null, null, null, null, null);
    }

    public IngestionRequest withIngestionId(String id) {
        return new IngestionRequest(dataSetName, id, ingestionType, requestSource, requestType, precondition);
    }

    public IngestionRequest withIngestionType(IngestionType type) {
        return new IngestionRequest(dataSetName, ingestionId, type, requestSource, null, precondition);
    }

    public IngestionRequest withRequestSource(IngestionRequestSource source) {
        return new IngestionRequest(dataSetName, ingestionId, ingestionType, source, requestType, precondition);
    }

    public IngestionRequest withRequestType(IngestionRequestType type) {
        return new IngestionRequest(dataSetName, ingestionId, ingestionType, requestSource, type, precondition);
    }

    /** The same request, checking {@code check} when the ingestion starts running (see the record's comment). */
    public IngestionRequest withPrecondition(Supplier<ErrorInfo> check) {
        return new IngestionRequest(dataSetName, ingestionId, ingestionType, requestSource, requestType, check);
    }
}
