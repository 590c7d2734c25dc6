package io.glaux.aws.protocol;

import java.util.Map;

/**
 * A service spoken in the AWS query protocol ({@code Action=<Operation>&Version=...} as a form body or query
 * string, answered in XML): IAM and STS. {@link QueryProtocol} does the framing.
 */
public interface QueryService {

    /** The SigV4 signing name, e.g. {@code iam}. */
    String signingName();

    /** The XML namespace of the answers, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}. */
    String xmlNamespace();

    /** The operations by action name. */
    Map<String, QueryOperation> operations();

    /** The error to answer for an exception an operation let out that is not a {@link ServiceError}, or null. */
    ServiceError translate(Exception error);

    /**
     * Called once the call's input is read and before it runs, with the caller in {@code context}: throws
     * {@link io.glaux.iam.AccessDeniedException} when the caller may not make this call (each service names the IAM
     * actions and resources its operations need and asks its {@link io.glaux.iam.Authorizer}). Default: allowed.
     */
    default void authorize(String action, QueryInput input, RequestContext context) {
    }
}
