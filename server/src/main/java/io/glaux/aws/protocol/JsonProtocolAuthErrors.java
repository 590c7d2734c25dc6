package io.glaux.aws.protocol;

import io.glaux.aws.auth.AuthenticationFailure;

/**
 * Authentication failures as the JSON protocols' services answer them (AWS JSON with 400, REST-JSON with 403;
 * an unsigned request is always 403).
 */
final class JsonProtocolAuthErrors {

    private JsonProtocolAuthErrors() {
    }

    static ServiceError of(AuthenticationFailure failure, int status) {
        return switch (failure.kind()) {
            case MISSING -> new ServiceError(403, "MissingAuthenticationTokenException",
                    AuthenticationErrors.MISSING_TOKEN);
            case MALFORMED, UNSUPPORTED -> new ServiceError(status, "IncompleteSignatureException",
                    failure.getMessage());
            case UNKNOWN_KEY, INVALID_TOKEN -> new ServiceError(status, "UnrecognizedClientException",
                    AuthenticationErrors.INVALID_TOKEN);
            case EXPIRED_TOKEN -> new ServiceError(status, "ExpiredTokenException",
                    AuthenticationErrors.EXPIRED_TOKEN);
            case SIGNATURE_MISMATCH -> new ServiceError(status, "InvalidSignatureException",
                    AuthenticationErrors.SIGNATURE_MISMATCH);
            case SKEWED -> new ServiceError(status, "InvalidSignatureException", failure.getMessage());
            case PRESIGNED_EXPIRED -> new ServiceError(status, "InvalidSignatureException", "Signature expired: "
                    + failure.requestTime() + " is now earlier than the URL's expiry");
        };
    }
}
