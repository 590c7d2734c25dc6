package io.glaux.s3.api;

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

    private static String suffix(String why) {
        return why == null ? "" : " " + why;
    }
}
