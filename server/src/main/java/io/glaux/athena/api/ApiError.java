package io.glaux.athena.api;

/**
 * An error answered the way AWS JSON services answer: HTTP status, {@code __type} (also sent as
 * {@code x-amzn-ErrorType}), {@code Message}, and Athena's {@code AthenaErrorCode} where the model has one.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String athenaErrorCode;

    public ApiError(int status, String type, String message, String athenaErrorCode) {
        super(message);
        this.status = status;
        this.type = type;
        this.athenaErrorCode = athenaErrorCode;
    }

    public static ApiError invalidRequest(String message) {
        return new ApiError(400, "InvalidRequestException", message, null);
    }

    public static ApiError invalidRequest(String message, String athenaErrorCode) {
        return new ApiError(400, "InvalidRequestException", message, athenaErrorCode);
    }

    public static ApiError resourceNotFound(String message) {
        return new ApiError(400, "ResourceNotFoundException", message, null);
    }

    public static ApiError serialization(String message) {
        return new ApiError(400, "SerializationException", message, null);
    }

    public static ApiError unknownOperation(String target) {
        return new ApiError(400, "UnknownOperationException", "Unknown operation " + target, null);
    }

    public static ApiError tooManyRequests(String message) {
        return new ApiError(400, "TooManyRequestsException", message, null);
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "InternalServerException", message, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String athenaErrorCode() {
        return athenaErrorCode;
    }
}
