package io.glaux.s3.api;

import io.glaux.aws.protocol.CallerIdentity;
import io.glaux.kms.KmsAccess;
import io.glaux.storage.ObjectKeys;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.bucket.BucketSettingsStore;
import io.glaux.storage.crypto.KeyUser;
import io.glaux.storage.multipart.MultipartStaging;

import java.io.IOException;

/**
 * What the S3 operations work on: the engine's object store (whichever it is), the bucket settings, the staged
 * multipart uploads Glaux keeps beside it, and KMS as S3 uses it for its callers (null: KMS calls are Glaux's own).
 */
record S3Backend(ObjectStore store, BucketSettingsStore settings, MultipartStaging multipart, KmsAccess kms) {

    S3Backend(ObjectStore store, BucketSettingsStore settings, MultipartStaging multipart) {
        this(store, settings, multipart, null);
    }

    /**
     * The store as the request's caller reads and writes objects: SSE-KMS data keys are generated and decrypted as
     * the caller, through S3 ({@code kms:ViaService} {@code s3.<region>.amazonaws.com}).
     */
    ObjectStore storeFor(S3Request request) {
        if (kms == null || request.authentication() == null) {
            return store;
        }
        return store.usingKeysAs(new KeyUser(request.authentication().principal(), kms,
                CallerIdentity.DEFAULT_REGION, "s3"));
    }

    /** The single owner Glaux reports for every bucket and object (S3's canonical user ID is 64 hex digits). */
    static final String OWNER_ID = "8b0f4a1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a";
    static final String OWNER_NAME = "glaux";

    /**
     * Checks the name and that the bucket exists.
     *
     * @throws S3Exception InvalidBucketName or NoSuchBucket
     */
    void requireBucket(String bucket) throws IOException {
        ObjectKeys.validateBucket(bucket);
        if (!store.bucketExists(bucket)) {
            throw S3Errors.noSuchBucket(bucket);
        }
    }

    /** Checks a bucket name and key against S3's rules (InvalidBucketName, KeyTooLongError). */
    static void checkNames(String bucket, String key) {
        ObjectKeys.validateBucket(bucket);
        ObjectKeys.validate(key);
    }

    /** {@code <element><ID/><DisplayName/></element>}. */
    static XmlWriter owner(XmlWriter xml, String element) {
        return xml.start(element).element("ID", OWNER_ID).element("DisplayName", OWNER_NAME).end();
    }
}
