package io.glaux.aws.protocol;

import io.glaux.aws.auth.AuthenticationFailure;

/** Authentication failures as the query protocol's services (IAM, STS) answer them. */
final class QueryProtocolAuthErrors {

    private QueryProtocolAuthErrors() {
    }

    static ServiceError of(AuthenticationFailure failure) {
        return switch (failure.kind()) {
            case MISSING -> new ServiceError(403, "MissingAuthenticationToken", AuthenticationErrors.MISSING_TOKEN);
            case MALFORMED, UNSUPPORTED -> new ServiceError(400, "IncompleteSignature", failure.getMessage());
            case UNKNOWN_KEY, INVALID_TOKEN -> new ServiceError(403, "InvalidClientTokenId",
                    AuthenticationErrors.INVALID_TOKEN);
            case EXPIRED_TOKEN -> new ServiceError(403, "ExpiredToken", AuthenticationErrors.EXPIRED_TOKEN);
            case SIGNATURE_MISMATCH -> new ServiceError(403, "SignatureDoesNotMatch",
                    AuthenticationErrors.SIGNATURE_MISMATCH);
            case SKEWED -> new ServiceError(403, "SignatureDoesNotMatch", failure.getMessage());
            case PRESIGNED_EXPIRED -> new ServiceError(403, "SignatureDoesNotMatch", "Signature expired: "
                    + failure.requestTime() + " is now earlier than the URL's expiry");
        };
    }
}
