package io.glaux.aws.protocol;

import io.glaux.aws.auth.AuthenticationFailure;

/**
 * How a protocol's services answer a request that could not be authenticated: the same failures carry other codes
 * and statuses in each protocol (AWS JSON: {@code UnrecognizedClientException} 400; REST-JSON: the same codes with
 * 403; the query protocol of IAM and STS: {@code InvalidClientTokenId} 403). The protocol then writes the
 * {@link ServiceError} in its own body shape. S3 maps failures in its own XML errors ({@code io.glaux.s3.api}).
 */
@FunctionalInterface
public interface AuthenticationErrors {

    /** AWS JSON 1.0/1.1 (Athena, KMS). */
    AuthenticationErrors AWS_JSON = failure -> JsonProtocolAuthErrors.of(failure, 400);
    /** REST-JSON (QuickSight, Lambda): AWS JSON's codes, answered with 403. */
    AuthenticationErrors REST_JSON = failure -> JsonProtocolAuthErrors.of(failure, 403);
    /** The query protocol (IAM, STS). */
    AuthenticationErrors QUERY = QueryProtocolAuthErrors::of;

    /** The error the client is answered for {@code failure}. */
    ServiceError toError(AuthenticationFailure failure);

    /** AWS's wording of a signature that is not the one computed, in the JSON and query protocols. */
    String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    /** AWS's wording of an unknown access key or a bad session token, in the JSON and query protocols. */
    String INVALID_TOKEN = "The security token included in the request is invalid.";
    /** AWS's wording of an expired temporary key, in the JSON and query protocols. */
    String EXPIRED_TOKEN = "The security token included in the request is expired";
    /** AWS's wording of an unsigned request, in the JSON and query protocols. */
    String MISSING_TOKEN = "Missing Authentication Token";
}
