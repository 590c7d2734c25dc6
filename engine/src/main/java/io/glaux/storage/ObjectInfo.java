package io.glaux.storage;

import java.time.Instant;

/** What a listing or a HEAD tells about one object. */
public record ObjectInfo(String bucket, String key, long size, Instant lastModified) {

    public S3Location location() {
        return new S3Location(bucket, key);
    }
}
