package io.glaux.connectors.lambda;

import java.nio.charset.StandardCharsets;

/**
 * One invocation's answer, as Lambda's Invoke gives it.
 *
 * @param requestId the invocation's request id (the handler's {@code Context.getAwsRequestId()})
 * @param payload what the handler wrote to its OutputStream; for a function error, Lambda's error JSON
 *                ({@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}})
 * @param functionError null on success, else {@code "Unhandled"} (Lambda's {@code X-Amz-Function-Error})
 * @param errorType the error JSON's {@code errorType} when there is one: the exception's class name,
 *                  {@code Runtime.ExitError}, {@code Sandbox.Timedout} for a timeout; else null
 * @param logTail the last 4 KB of the invocation's log, START to REPORT ({@code LogType: Tail})
 * @param executedVersion the version that ran: {@code $LATEST}
 */
public record Invocation(String requestId, byte[] payload, String functionError, String errorType, String logTail,
                         String executedVersion) {

    /** Whether the function failed. */
    public boolean failed() {
        return functionError != null;
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
