package io.glaux.storage;

import java.time.Instant;

/**
 * What a listing or a HEAD tells about one object. {@code etag} is S3's entity tag without quotes (the MD5 of the
 * content in hex for a single upload, {@code <md5 of part md5s>-<parts>} after a multipart upload), or null where
 * the store cannot tell.
 */
public record ObjectInfo(String bucket, String key, long size, Instant lastModified, String etag) {

    public ObjectInfo(String bucket, String key, long size, Instant lastModified) {
        this(bucket, key, size, lastModified, null);
    }

    public S3Location location() {
        return new S3Location(bucket, key);
    }
}
