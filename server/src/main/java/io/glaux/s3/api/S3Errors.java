package io.glaux.s3.api;

import io.glaux.aws.auth.AuthenticationFailure;
import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Principal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The S3 errors Glaux answers, with S3's codes, statuses and messages (the error code list of the S3 API reference;
 * codes missing there, such as {@code NoSuchTagSet}, as S3 itself answers them).
 */
final class S3Errors {

    private S3Errors() {
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist.").with("BucketName", bucket);
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    static S3Exception noSuchUpload(String uploadId) {
        return new S3Exception(404, "NoSuchUpload", "The specified multipart upload does not exist. The upload ID"
                + " might be invalid, or the multipart upload might have been aborted or completed.").with("UploadId", uploadId);
    }

    static S3Exception bucketNotEmpty(String bucket) {
        return new S3Exception(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.")
                .with("BucketName", bucket);
    }

    static S3Exception bucketAlreadyOwnedByYou(String bucket) {
        return new S3Exception(409, "BucketAlreadyOwnedByYou", "The bucket you tried to create already exists, and you own"
                + " it.").with("BucketName", bucket);
    }

    static S3Exception invalidBucketName(String bucket, String why) {
        return new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid." + suffix(why))
                .with("BucketName", bucket);
    }

    static S3Exception keyTooLong(int bytes) {
        return new S3Exception(400, "KeyTooLongError", "Your key is too long.")
                .with("MaxSizeAllowed", 1024).with("Size", bytes);
    }

    static S3Exception invalidArgument(String message, String name, String value) {
        return new S3Exception(400, "InvalidArgument", message).with("ArgumentName", name)
                .with("ArgumentValue", value);
    }

    static S3Exception invalidRequest(String message) {
        return new S3Exception(400, "InvalidRequest", message);
    }

    static S3Exception invalidUri(String uri) {
        return new S3Exception(400, "InvalidURI", "Couldn't parse the specified URI.").with("URI", uri);
    }

    static S3Exception malformedXml() {
        return new S3Exception(400, "MalformedXML", "The XML you provided was not well-formed or did not validate"
                + " against our published schema.");
    }

    static S3Exception methodNotAllowed(String method, String resourceType) {
        return new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", resourceType);
    }

    static S3Exception notImplemented(String message) {
        return new S3Exception(501, "NotImplemented", message);
    }

    static S3Exception missingContentLength() {
        return new S3Exception(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    }

    static S3Exception incompleteBody(String message) {
        return new S3Exception(400, "IncompleteBody", message);
    }

    static S3Exception entityTooLarge(long size, long max) {
        return new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.")
                .with("ProposedSize", size).with("MaxSizeAllowed", max);
    }

    static S3Exception entityTooSmall(long size, long min) {
        return new S3Exception(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.")
                .with("ProposedSize", size).with("MinSizeAllowed", min);
    }

    static S3Exception badDigest(String message) {
        return new S3Exception(400, "BadDigest", message);
    }

    static S3Exception invalidDigest(String contentMd5) {
        return new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified is not valid.")
                .with("Content-MD5", contentMd5);
    }

    static S3Exception contentSha256Mismatch(String client, String computed) {
        return new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does"
                + " not match what was computed.").with("ClientComputedContentSHA256", client)
                .with("S3ComputedContentSHA256", computed);
    }

    static S3Exception preconditionFailed(String condition) {
        return new S3Exception(412, "PreconditionFailed", "At least one of the preconditions you specified did not"
                + " hold.").with("Condition", condition);
    }

    static S3Exception invalidRange(long size, String range) {
        return new S3Exception(416, "InvalidRange", "The requested range cannot be satisfied.")
                .with("RangeRequested", range).with("ActualObjectSize", size);
    }

    static S3Exception invalidPart(int partNumber, String etag) {
        return new S3Exception(400, "InvalidPart", "One or more of the specified parts could not be found. The part"
                + " might not have been uploaded, or the specified entity tag might not have matched the part's"
                + " entity tag.")
                .with("PartNumber", partNumber).with("ETag", etag);
    }

    static S3Exception invalidPartOrder() {
        return new S3Exception(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts list must"
                + " be specified in order by part number.");
    }

    static S3Exception invalidTag(String message) {
        return new S3Exception(400, "InvalidTag", message);
    }

    static S3Exception noSuchVersion(String versionId) {
        return new S3Exception(404, "NoSuchVersion", "The version ID specified in the request does not match an existing version.")
                .with("VersionId", versionId);
    }

    static S3Exception invalidVersionId(String versionId) {
        return invalidArgument("Invalid version id specified", "versionId", versionId);
    }

    static S3Exception aclNotSupported() {
        return new S3Exception(400, "AccessControlListNotSupported", "The bucket does not allow ACLs");
    }

    static S3Exception metadataTooLarge(int size) {
        return new S3Exception(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata"
                + " size.").with("Size", size).with("MaxSizeAllowed", 2048);
    }

    static S3Exception maxMessageLengthExceeded(long limit) {
        return new S3Exception(400, "MaxMessageLengthExceeded", "Your request was too big.")
                .with("MaxMessageLengthBytes", limit);
    }

    /** A request that could not be authenticated, as S3 answers each kind of failure. */
    static S3Exception authentication(AuthenticationFailure failure) {
        return switch (failure.kind()) {
            case MISSING -> new S3Exception(403, "AccessDenied", "Access Denied");
            case MALFORMED -> failure.getMessage().startsWith("Missing required header")
                    ? invalidRequest(failure.getMessage())
                    : failure.presigned() ? new S3Exception(400, "AuthorizationQueryParametersError",
                            failure.getMessage())
                    : new S3Exception(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; "
                            + failure.getMessage());
            case UNSUPPORTED -> invalidRequest(failure.getMessage());
            case UNKNOWN_KEY -> new S3Exception(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does"
                    + " not exist in our records.").with("AWSAccessKeyId", failure.accessKeyId());
            case INVALID_TOKEN -> new S3Exception(400, "InvalidToken", "The provided token is malformed or otherwise"
                    + " invalid.");
            case EXPIRED_TOKEN -> new S3Exception(400, "ExpiredToken", "The provided token has expired.");
            case SIGNATURE_MISMATCH -> signatureDoesNotMatch().with("AWSAccessKeyId", failure.accessKeyId())
                    .with("StringToSign", failure.stringToSign())
                    .with("SignatureProvided", failure.signatureProvided())
                    .with("CanonicalRequest", failure.canonicalRequest());
            case SKEWED -> new S3Exception(403, "RequestTimeTooSkewed", "The difference between the request time"
                    + " and the current time is too large.").with("RequestTime", failure.requestTime())
                    .with("ServerTime", isoSeconds(failure.serverTime()))
                    .with("MaxAllowedSkewMilliseconds", 900000);
            case PRESIGNED_EXPIRED -> new S3Exception(403, "AccessDenied", "Request has expired")
                    .with("X-Amz-Expires", failure.expiresSeconds()).with("Expires", isoSeconds(failure.expires()))
                    .with("ServerTime", isoSeconds(failure.serverTime()));
        };
    }

    /**
     * S3's AccessDenied for a refused permission: for a caller of the account, S3's sentence naming the principal,
     * action, quoted resource and reason ({@code User: arn:aws:iam::000000000000:user/bob is not authorized to
     * perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject
     * action}) followed by what would allow it; for an anonymous caller S3's plain {@code Access Denied}.
     */
    static S3Exception accessDenied(AccessDeniedException denied) {
        AccessRequest request = denied.request();
        if (request.principal().type() == Principal.Type.ANONYMOUS) {
            return new S3Exception(403, "AccessDenied", "Access Denied");
        }
        StringBuilder message = new StringBuilder("User: ").append(request.principal().arn())
                .append(" is not authorized to perform: ").append(request.action());
        if (!request.resource().equals("*")) {
            message.append(" on resource: \"").append(request.resource()).append('"');
        }
        if (!denied.decision().reason().isEmpty()) {
            message.append(' ').append(denied.decision().reason());
        }
        if (!denied.fix().isEmpty()) {
            message.append(". To allow it: ").append(denied.fix());
        }
        return new S3Exception(403, "AccessDenied", message.toString());
    }

    /**
     * S3's AccessDenied when KMS refuses the key S3 uses for the caller, with KMS's sentence inside: for a read,
     * {@code User: <arn> is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext
     * because <reason>}; for a write, the same for {@code kms:GenerateDataKey} on the key's ARN.
     */
    static S3Exception kmsAccessDenied(AccessDeniedException denied) {
        AccessRequest request = denied.request();
        StringBuilder message = new StringBuilder("User: ").append(request.principal().arn())
                .append(" is not authorized to perform: ").append(request.action());
        if (request.action().equals("kms:Decrypt")) {
            message.append(" on the resource associated with this ciphertext");
        } else if (!request.resource().equals("*")) {
            message.append(" on resource: ").append(request.resource());
        }
        if (!denied.decision().reason().isEmpty()) {
            message.append(' ').append(denied.decision().reason());
        }
        if (!denied.fix().isEmpty()) {
            message.append(". To allow it: ").append(denied.fix());
        }
        return new S3Exception(403, "AccessDenied", message.toString());
    }

    /** KMS's refusal of the key an object uses, as S3 passes it on: {@code KMS.DisabledException}, ... */
    static S3Exception kms(io.glaux.kms.KmsException refused) {
        return new S3Exception(400, "KMS." + refused.code().shape(), refused.getMessage());
    }

    /** A request, or one chunk of its aws-chunked body, whose signature is not the one its key's secret gives. */
    static S3Exception signatureDoesNotMatch() {
        return new S3Exception(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                + " signature you provided. Check your key and signing method.");
    }

    private static String isoSeconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String suffix(String why) {
        return why == null ? "" : " " + why;
    }
}
