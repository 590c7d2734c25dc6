package io.glaux.s3.api;

import java.util.List;
import java.util.Map;

/**
 * One permission an S3 request needs: an IAM action ({@code s3:GetObject}), the ARN it is checked on
 * ({@code arn:aws:s3:::bucket/key}, {@code arn:aws:s3:::bucket}, or {@code *}) and the condition keys only this
 * permission carries ({@code s3:prefix} for s3:ListBucket, ...), on top of the request's own.
 */
record S3Permission(String action, String resource, Map<String, List<String>> keys) {

    S3Permission {
        keys = Map.copyOf(keys);
    }

    S3Permission(String action, String resource) {
        this(action, resource, Map.of());
    }

    /** The ARN of a bucket. */
    static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    /** The ARN of an object. */
    static String objectArn(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }
}
