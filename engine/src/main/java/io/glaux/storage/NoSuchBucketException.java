package io.glaux.storage;

import java.nio.file.NoSuchFileException;

/** The bucket does not exist. */
public final class NoSuchBucketException extends NoSuchFileException {

    public NoSuchBucketException(String bucket) {
        super(new S3Location(bucket, "").toString(), null, "no such bucket");
    }
}
