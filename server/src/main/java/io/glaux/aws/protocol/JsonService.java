package io.glaux.aws.protocol;

import java.util.Map;

/**
 * A service spoken in the AWS JSON 1.0/1.1 protocol ({@code POST /} with {@code X-Amz-Target: <prefix><Operation>}),
 * as a package of handlers: Athena today; KMS and Glue are the same shape. {@link AwsJsonProtocol} does the framing.
 */
public interface JsonService {

    /** The SigV4 signing name, e.g. {@code athena}. */
    String signingName();

    /** The {@code X-Amz-Target} prefix, e.g. {@code AmazonAthena.}. */
    String targetPrefix();

    /** The operations by name. */
    Map<String, JsonOperation> operations();

    ErrorStyle errors();

    /** The error to answer for an exception an operation let out that is not a {@link ServiceError}. */
    ServiceError translate(Exception error);

    /**
     * Called once the call's input is read and before it runs, with the caller in {@code context}: throws
     * {@link io.glaux.iam.AccessDeniedException} when the caller may not make this call (each service names the IAM
     * actions and resources its operations need and asks its {@link io.glaux.iam.Authorizer}). Default: allowed.
     */
    default void authorize(String operation, JsonInput input, RequestContext context) {
    }

    /** Called before a known operation runs; it may delay the call or answer it with the error it throws. */
    default void beforeDispatch(String operation) {
    }
}
