package io.glaux.exec;

import io.glaux.error.AthenaMessages;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

/** Athena's AthenaError: category (1 system, 2 user, 3 other), error type number, retryability and message. */
public record AthenaError(int errorCategory, int errorType, boolean retryable, String errorMessage) {

    /** The AthenaError of an engine error, its message made by {@link AthenaMessages} (also the StateChangeReason). */
    public static AthenaError of(GlauxException error) {
        return of(error.type(), AthenaMessages.message(error));
    }

    public static AthenaError of(ErrorType type, String message) {
        return new AthenaError(type.category().code(), type.code(), type.retryable(), message);
    }
}
