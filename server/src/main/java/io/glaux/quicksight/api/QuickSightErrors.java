package io.glaux.quicksight.api;

import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.quicksight.QuickSightException;

/**
 * QuickSight's error shapes ({@code botocore/data/quicksight/2018-04-01/service-2.json}), each with the model's HTTP
 * status: InvalidParameterValueException 400, ResourceNotFoundException 404, ResourceExistsException 409,
 * ConflictException 409, LimitExceededException 409, PreconditionNotMetException 400, AccessDeniedException 401,
 * InternalFailureException 500; {@code ResourceType} where the shape has it.
 */
final class QuickSightErrors {

    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return invalidParameter(message);
        }

        @Override
        public ServiceError serialization(String message) {
            return invalidParameter(message);
        }

        @Override
        public ServiceError internal(String message) {
            return new ServiceError(500, "InternalFailureException", message);
        }

        @Override
        public ServiceError unknownOperation(String operation) {
            return new ServiceError(404, "UnknownOperationException", "Unknown operation " + operation);
        }

        /** QuickSight's model answers a refused call with AccessDeniedException, 401. */
        @Override
        public ServiceError accessDenied(io.glaux.iam.AccessDeniedException denied) {
            return QuickSightErrors.accessDenied(denied.messageWithFix());
        }
    };

    private QuickSightErrors() {
    }

    static ServiceError invalidParameter(String message) {
        return new ServiceError(400, "InvalidParameterValueException", message);
    }

    static ServiceError sessionLifetimeInvalid(String message) {
        return new ServiceError(400, "SessionLifetimeInMinutesInvalidException", message);
    }

    static ServiceError accessDenied(String message) {
        return new ServiceError(401, "AccessDeniedException", message);
    }

    /** The error shape for a refusal of the resources. */
    static ServiceError of(QuickSightException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new ServiceError(404, "ResourceNotFoundException", e.getMessage())
                    .with("ResourceType", e.resourceType());
            case EXISTS -> new ServiceError(409, "ResourceExistsException", e.getMessage())
                    .with("ResourceType", e.resourceType());
            case CONFLICT -> new ServiceError(409, "ConflictException", e.getMessage());
            case LIMIT_EXCEEDED -> new ServiceError(409, "LimitExceededException", e.getMessage())
                    .with("ResourceType", e.resourceType());
            case PRECONDITION_NOT_MET -> new ServiceError(400, "PreconditionNotMetException", e.getMessage());
            case INVALID -> invalidParameter(e.getMessage());
            case QUERY_FAILED -> new ServiceError(400, "QueryFailedException", e.getMessage());
            case QUERY_TIMEOUT -> new ServiceError(400, "QueryTimeoutException", e.getMessage());
            case ACCESS_DENIED -> accessDenied(e.getMessage());
        };
    }
}
