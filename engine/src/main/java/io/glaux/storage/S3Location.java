package io.glaux.storage;

import java.util.Objects;

/**
 * A bucket and a key (or key prefix), as in {@code s3://bucket/key}. Parsing is strict: the scheme must be
 * {@code s3}, {@code s3a} or {@code s3n} and the bucket name valid.
 */
public record S3Location(String bucket, String key) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    public static S3Location parse(String uri) {
        if (uri == null) {
            throw new IllegalArgumentException("S3 location is missing");
        }
        String rest;
        if (uri.startsWith("s3://")) {
            rest = uri.substring(5);
        } else if (uri.startsWith("s3a://") || uri.startsWith("s3n://")) {
            rest = uri.substring(6);
        } else {
            throw new IllegalArgumentException("'" + uri + "' is not an S3 location (s3://bucket/prefix/)");
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        ObjectKeys.validateBucket(bucket);
        if (!key.isEmpty()) {
            ObjectKeys.validate(key);
        }
        return new S3Location(bucket, key);
    }

    /** This location as a folder: the key ends with '/' unless it is empty (the bucket root). */
    public S3Location asPrefix() {
        return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
    }

    /** A child of this location taken as a folder. */
    public S3Location resolve(String relative) {
        return new S3Location(bucket, asPrefix().key + relative);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
