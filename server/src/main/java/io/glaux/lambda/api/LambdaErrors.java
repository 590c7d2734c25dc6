package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.connectors.lambda.LambdaException;
import io.glaux.iam.AccessDeniedException;

import java.util.Set;

/**
 * Lambda's error shapes ({@code botocore/data/lambda/2015-03-31/service-2.json}) with the model's HTTP status, as
 * Lambda writes them: {@code x-amzn-ErrorType} and a body of {@code Type} ({@code User}, or {@code Service} for its
 * own failures) and the message, named {@code message} or {@code Message} as each shape names it. A value outside the
 * model's constraints is ValidationException (Lambda's, not in the model), a body that is not JSON
 * InvalidRequestContentException; a call the caller's policies do not allow is AccessDeniedException, 403.
 */
final class LambdaErrors {

    /** Shapes whose message member is {@code Message} (the others say {@code message}). */
    private static final Set<String> CAPITALIZED = Set.of("ResourceNotFoundException", "ServiceException",
            "CodeSigningConfigNotFoundException", "CodeVerificationFailedException", "InvalidCodeSignatureException",
            "EC2AccessDeniedException", "EC2ThrottledException", "EC2UnexpectedException", "ENILimitReachedException",
            "InvalidRuntimeException", "InvalidZipFileException", "KMSAccessDeniedException",
            "ServiceQuotaExceededException", "AccessDeniedException");

    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return new ServiceError(400, "ValidationException", message);
        }

        @Override
        public ServiceError serialization(String message) {
            return new ServiceError(400, "InvalidRequestContentException", "Could not parse request body into json: "
                    + message);
        }

        @Override
        public ServiceError internal(String message) {
            return new ServiceError(500, "ServiceException", message);
        }

        @Override
        public ServiceError unknownOperation(String operation) {
            return new ServiceError(404, "UnknownOperationException", "Unknown operation " + operation);
        }

        /** Lambda refuses a call its caller's policies do not allow with 403 AccessDeniedException. */
        @Override
        public ServiceError accessDenied(AccessDeniedException denied) {
            return new ServiceError(403, "AccessDeniedException", denied.messageWithFix());
        }
    };

    private LambdaErrors() {
    }

    static ServiceError invalidParameter(String message) {
        return new ServiceError(400, "InvalidParameterValueException", message);
    }

    static ServiceError notFound(String message) {
        return new ServiceError(404, "ResourceNotFoundException", message);
    }

    /** The error shape of a refusal of the function host. */
    static ServiceError of(LambdaException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> notFound(e.getMessage());
            case CONFLICT -> new ServiceError(409, "ResourceConflictException", e.getMessage());
            case INVALID -> invalidParameter(e.getMessage());
            case PRECONDITION_FAILED -> new ServiceError(412, "PreconditionFailedException", e.getMessage());
            case CODE_STORAGE_EXCEEDED -> new ServiceError(400, "CodeStorageExceededException", e.getMessage());
            case TOO_LARGE -> new ServiceError(413, "RequestEntityTooLargeException", e.getMessage());
            case THROTTLED -> new ServiceError(429, "TooManyRequestsException", e.getMessage())
                    .with("Reason", "ConcurrentInvocationLimitExceeded");
            case SERVICE -> new ServiceError(500, "ServiceException", e.getMessage());
        };
    }

    /** Lambda's error body. */
    static ObjectNode body(ServiceError error) {
        ObjectNode body = AwsJson.object();
        body.put("Type", error.status() >= 500 ? "Service" : "User");
        body.put(CAPITALIZED.contains(error.code()) ? "Message" : "message", error.message());
        error.members().forEach(body::put);
        return body;
    }
}
