package io.glaux.lambda.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.connectors.lambda.FunctionHost;
import io.glaux.connectors.lambda.Invocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Invoke ({@code POST /2015-03-31/functions/{FunctionName}/invocations}): the body is the payload, which must be JSON
 * as Lambda requires. {@code RequestResponse} answers 200 with the function's output (a function error too, with
 * {@code X-Amz-Function-Error}); {@code Event} answers 202 and runs in the background; {@code DryRun} answers 204.
 * {@code X-Amz-Log-Type: Tail} adds the last 4 KB of the invocation's log, base64, as {@code X-Amz-Log-Result}.
 */
final class InvokeOperation {

    static final String PATH = FunctionOperations.FUNCTION + "/invocations";
    /** Lambda's payload quota for a synchronous invocation, request and response. */
    static final int SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    /** Lambda's payload quota for an asynchronous (Event) invocation. */
    static final int EVENT_PAYLOAD_LIMIT = 1024 * 1024;
    /** What Lambda's message names as the largest synchronous response. */
    private static final int RESPONSE_LIMIT = 6_291_556;

    private final FunctionHost host;

    InvokeOperation(FunctionHost host) {
        this.host = host;
    }

    RestRoute route() {
        return RestRoute.withPayload("Invoke", "POST", PATH, this::invoke);
    }

    private RestResponse invoke(RestRequest request, RequestContext context) {
        String name = FunctionOperations.namespacedName(request);
        String type = headerEnum(request, "X-Amz-Invocation-Type", "invocationType",
                List.of("Event", "RequestResponse", "DryRun"), "RequestResponse");
        String logType = headerEnum(request, "X-Amz-Log-Type", "logType", List.of("None", "Tail"), "None");
        byte[] payload = request.payload().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.payload();
        checkJson(payload);
        switch (type) {
            case "DryRun" -> {
                host.checkInvocable(name);
                return RestResponse.noContent();
            }
            case "Event" -> {
                if (payload.length > EVENT_PAYLOAD_LIMIT) {
                    throw tooLarge(EVENT_PAYLOAD_LIMIT);
                }
                host.invokeAsync(name, payload, context.requestId());
                return RestResponse.payload(202, new byte[0], "application/json");
            }
            default -> {
                Invocation invocation = host.invoke(name, payload, context.requestId());
                byte[] output = invocation.payload();
                String functionError = invocation.functionError();
                if (output.length > RESPONSE_LIMIT) {
                    output = ("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size ("
                            + RESPONSE_LIMIT + " bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    functionError = "Unhandled";
                }
                RestResponse response = RestResponse.payload(200, output, "application/json")
                        .withHeader("X-Amz-Executed-Version", invocation.executedVersion())
                        .withHeader("X-Amz-Function-Error", functionError);
                if (logType.equals("Tail")) {
                    response = response.withHeader("X-Amz-Log-Result", Base64.getEncoder()
                            .encodeToString(invocation.logTail().getBytes(StandardCharsets.UTF_8)));
                }
                return response;
            }
        }
    }

    /** Lambda's refusal of a payload over its quota. */
    static ServiceError tooLarge(int limit) {
        return new ServiceError(413, "RequestTooLargeException", "Request must be smaller than " + limit
                + " bytes for the InvokeFunction operation");
    }

    private static void checkJson(byte[] payload) {
        try {
            AwsJson.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new ServiceError(400, "InvalidRequestContentException", "Could not parse request body into json:"
                    + " Could not parse payload into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ServiceError(400, "InvalidRequestContentException", "Could not parse request body into json");
        }
    }

    private static String headerEnum(RestRequest request, String header, String member, List<String> allowed,
                                     String otherwise) {
        String value = request.header(header);
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw request.body().violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }
}
