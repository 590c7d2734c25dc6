package io.glaux.athena.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the way AWS JSON services answer: HTTP status, {@code __type} (also sent as
 * {@code x-amzn-ErrorType}), {@code Message}, Athena's {@code AthenaErrorCode} where the model has one, and any other
 * member of the error's shape (TooManyRequestsException's {@code Reason}).
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String athenaErrorCode;
    private final Map<String, String> members = new LinkedHashMap<>();

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

    /** Adds a member of the error's shape to the body (null values are left out). */
    public ApiError with(String member, String value) {
        if (value != null) {
            members.put(member, value);
        }
        return this;
    }

    /** The error shape's other members, in order. */
    public Map<String, String> members() {
        return Collections.unmodifiableMap(members);
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
