package io.glaux.exec;

import io.glaux.error.ErrorType;

/** Athena's AthenaError: category (1 system, 2 user, 3 other), error type number, retryability and message. */
public record AthenaError(int errorCategory, int errorType, boolean retryable, String errorMessage) {

    public static AthenaError of(ErrorType type, String message) {
        return new AthenaError(type.category().code(), type.code(), type.retryable(), message);
    }
}
