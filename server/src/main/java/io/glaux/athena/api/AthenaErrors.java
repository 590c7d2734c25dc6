package io.glaux.athena.api;

import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.ServiceError;

/**
 * Athena's error shapes ({@code botocore/data/athena/2017-05-18/service-2.json}): InvalidRequestException (400, with
 * {@code AthenaErrorCode} where Athena sends one), ResourceNotFoundException, TooManyRequestsException (400, no
 * {@code httpStatusCode} trait), InternalServerException (500), and the protocol's SerializationException.
 */
final class AthenaErrors {

    /** How the protocol layer names Athena's errors. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return invalidRequest(message);
        }

        @Override
        public ServiceError serialization(String message) {
            return AthenaErrors.serialization(message);
        }

        @Override
        public ServiceError internal(String message) {
            return AthenaErrors.internal(message);
        }
    };

    private AthenaErrors() {
    }

    static ServiceError invalidRequest(String message) {
        return new ServiceError(400, "InvalidRequestException", message);
    }

    static ServiceError invalidRequest(String message, String athenaErrorCode) {
        return invalidRequest(message).with("AthenaErrorCode", athenaErrorCode);
    }

    static ServiceError resourceNotFound(String message) {
        return new ServiceError(400, "ResourceNotFoundException", message);
    }

    static ServiceError serialization(String message) {
        return new ServiceError(400, "SerializationException", message);
    }

    static ServiceError tooManyRequests(String message) {
        return new ServiceError(400, "TooManyRequestsException", message);
    }

    static ServiceError internal(String message) {
        return new ServiceError(500, "InternalServerException", message);
    }
}
