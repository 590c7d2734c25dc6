package io.glaux.s3.api;

import io.glaux.iam.AccessDeniedException;
import io.glaux.kms.KmsException;
import io.glaux.storage.BucketNotEmptyException;
import io.glaux.storage.crypto.ObjectIntegrityException;
import io.glaux.storage.InvalidBucketNameException;
import io.glaux.storage.InvalidKeyException;
import io.glaux.storage.KeyTooLongException;
import io.glaux.storage.NoSuchBucketException;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectKeys;
import io.glaux.storage.StoreUnavailableException;

import java.io.UncheckedIOException;

/**
 * Turns whatever a request's handling threw into the S3 error to answer: S3 errors as they are, the store's typed
 * exceptions as S3's codes, anything else as 500 InternalError naming the store (never a path of the machine).
 */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static S3Exception toS3(Throwable error, S3Request request, String storeName) {
        Throwable cause = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        String bucket = request == null ? null : request.bucket();
        String key = request == null ? null : request.key();
        if (cause instanceof S3Exception s3) {
            return s3;
        }
        if (cause instanceof NoSuchBucketException) {
            return S3Errors.noSuchBucket(bucket);
        }
        if (cause instanceof NoSuchObjectException) {
            return S3Errors.noSuchKey(key);
        }
        if (cause instanceof BucketNotEmptyException) {
            return S3Errors.bucketNotEmpty(bucket);
        }
        if (cause instanceof InvalidBucketNameException) {
            return S3Errors.invalidBucketName(bucket, null);
        }
        if (cause instanceof KeyTooLongException) {
            return S3Errors.keyTooLong(key == null ? ObjectKeys.MAX_KEY_BYTES + 1
                    : key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        if (cause instanceof InvalidKeyException invalid) {
            return S3Errors.invalidArgument(invalid.getMessage(), "key", null);
        }
        if (cause instanceof AccessDeniedException denied && denied.request().action().startsWith("kms:")) {
            return S3Errors.kmsAccessDenied(denied);
        }
        if (cause instanceof KmsException refused) {
            return S3Errors.kms(refused);
        }
        if (cause instanceof ObjectIntegrityException broken) {
            return new S3Exception(500, "InternalError", broken.getMessage());
        }
        if (cause instanceof StoreUnavailableException) {
            return new S3Exception(503, "ServiceUnavailable", cause.getMessage());
        }
        return new S3Exception(500, "InternalError", "We encountered an internal error in " + storeName
                + ". Please try again.");
    }
}
