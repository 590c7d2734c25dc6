package io.glaux.connectors.federation;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

/**
 * How a failing federation function fails the query, in Athena's words. A function error reads {@code
 * GENERIC_USER_ERROR: Encountered an exception[<class>] from your LambdaFunction[<function>] executed in
 * context[<step>] with message[<message>]}, where the step is {@code retrieving meta-data} for the metadata
 * requests and the split's spill location (as the SDK prints an S3SpillLocation) for ReadRecords, as Athena reports
 * them. A response Glaux can't read, and a spilled block it can't fetch or decrypt, keep the same prefix and name
 * the function and step too.
 */
final class FederationErrors {

    /** Athena's step name for the metadata requests (Ping, ListSchemas ... GetSplits, GetDataSourceCapabilities). */
    static final String METADATA = "retrieving meta-data";

    private FederationErrors() {
    }

    static GlauxException function(String errorType, String arn, String context, String message) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Encountered an exception["
                + errorType + "] from your LambdaFunction[" + arn + "] executed in context[" + context
                + "] with message[" + message + "]");
    }

    static GlauxException malformed(String arn, String context, String expected, String detail) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: The response of your LambdaFunction["
                + arn + "] executed in context[" + context + "] is not a valid " + expected + ": " + detail);
    }

    static GlauxException spill(String arn, String context, String location, String detail, Throwable cause) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: The block your LambdaFunction[" + arn
                + "] spilled to " + location + " executed in context[" + context + "] could not be read: " + detail,
                cause);
    }

    static GlauxException unsupported(String arn, String detail) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Your LambdaFunction[" + arn + "] "
                + detail);
    }
}
