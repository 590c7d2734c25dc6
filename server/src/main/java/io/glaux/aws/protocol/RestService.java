package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A service spoken in the REST-JSON protocol (QuickSight, Lambda) as a package of handlers routed by method and URI.
 * {@link RestJsonProtocol} does the framing; the defaults here are QuickSight's, and a service whose framing differs
 * (Lambda: no RequestId in bodies, {@code Type} and {@code message} in errors, 70 MB requests) overrides them.
 */
public interface RestService {

    /** The SigV4 signing name, e.g. {@code quicksight}. */
    String signingName();

    List<RestRoute> routes();

    ErrorStyle errors();

    /** The error to answer for an exception an operation let out that is not a {@link ServiceError}. */
    ServiceError translate(Exception error);

    /**
     * Called once the call's input is read and before it runs, with the caller in {@code context}: throws
     * {@link io.glaux.iam.AccessDeniedException} when the caller may not make this call (each service names the IAM
     * actions and resources its operations need and asks its {@link io.glaux.iam.Authorizer}). Default: allowed.
     */
    default void authorize(String operation, RestRequest request, RequestContext context) {
    }

    /** Called before a known operation runs; it may delay the call or answer it with the error it throws. */
    default void beforeDispatch(String operation) {
    }

    /** Whether success bodies carry {@code RequestId} and {@code Status} (QuickSight's do; Lambda's do not). */
    default boolean echoesRequestId() {
        return true;
    }

    /** The largest request body {@code operation} takes (null: a request no route matched). */
    default long maxRequestBytes(String operation) {
        return RequestBodies.MAX_BODY_BYTES;
    }

    /** The error for a body over {@link #maxRequestBytes}. */
    default ServiceError tooLarge(String operation, long limit) {
        return new ServiceError(413, "RequestEntityTooLargeException", "Request body exceeds " + limit + " bytes");
    }

    /** An error's body: {@code Message}, {@code RequestId} and the error shape's other members. */
    default ObjectNode errorBody(ServiceError error, RequestContext context) {
        ObjectNode body = AwsJson.object();
        body.put("Message", error.message());
        body.put("RequestId", context.requestId());
        error.members().forEach(body::put);
        return body;
    }
}
