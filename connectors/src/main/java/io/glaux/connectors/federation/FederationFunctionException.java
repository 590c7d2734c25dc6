package io.glaux.connectors.federation;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

/**
 * A Lambda function's own failure, as Lambda reports it: the {@code errorType} (the exception's class) and the
 * {@code errorMessage}. Thrown by a {@link FederationFunction} transport; the connector turns it into Athena's
 * {@code GENERIC_USER_ERROR: Encountered an exception[...] from your LambdaFunction[...]} with the step it was in.
 */
public class FederationFunctionException extends GlauxException {

    private final String errorType;
    private final String errorMessage;

    public FederationFunctionException(String errorType, String errorMessage) {
        this(errorType, errorMessage, null);
    }

    public FederationFunctionException(String errorType, String errorMessage, Throwable cause) {
        super(ErrorType.USER_ERROR, errorType + ": " + errorMessage, cause);
        this.errorType = errorType;
        this.errorMessage = errorMessage;
    }

    /** The exception's class as Lambda names it, e.g. {@code java.lang.RuntimeException}. */
    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
