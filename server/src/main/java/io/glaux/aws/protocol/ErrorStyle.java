package io.glaux.aws.protocol;

/**
 * How one service names the errors the protocol layer raises for it: a member that breaks the model's constraints
 * (Athena: InvalidRequestException; QuickSight: InvalidParameterValueException), a body that is not the JSON the
 * model describes, a call to an operation it does not have, and a failure of the server itself.
 */
public interface ErrorStyle {

    /** A value outside the model's constraints, or a bad paging token. */
    ServiceError invalid(String message);

    /** A member of the wrong JSON type, or a body that is not JSON. */
    ServiceError serialization(String message);

    /** A failure of the server, never of the caller's input (the model's 500 error). */
    ServiceError internal(String message);

    /**
     * A call the caller's policies do not allow: AWS's sentence naming the principal, action and resource, then the
     * grant that would allow it. Default: the AWS JSON services' {@code AccessDeniedException}, status 400 (Athena,
     * KMS).
     */
    default ServiceError accessDenied(io.glaux.iam.AccessDeniedException denied) {
        return new ServiceError(400, "AccessDeniedException", denied.messageWithFix());
    }

    /** A call the service does not answer. */
    default ServiceError unknownOperation(String operation) {
        return new ServiceError(400, "UnknownOperationException", "Unknown operation " + operation);
    }
}
