package io.glaux.aws.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as an AWS service answers it, whatever its protocol: the HTTP status, the error code (the model's error
 * shape name, sent as {@code x-amzn-ErrorType}), the message and the shape's other members (Athena's
 * {@code AthenaErrorCode}, TooManyRequestsException's {@code Reason}, QuickSight's {@code ResourceType}). Each
 * protocol writes it in its own body shape.
 */
public class ServiceError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> members = new LinkedHashMap<>();

    public ServiceError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Adds a member of the error's shape to the body (null values are left out). */
    public ServiceError with(String member, String value) {
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

    /** The error shape's name, e.g. {@code InvalidRequestException}. */
    public String code() {
        return code;
    }

    /** The message, or the code when there is none. */
    public String message() {
        return getMessage() == null ? code : getMessage();
    }
}
