package io.glaux.storage;

import java.nio.file.NoSuchFileException;

/** The bucket exists but holds no object with this key. */
public final class NoSuchObjectException extends NoSuchFileException {

    public NoSuchObjectException(String bucket, String key) {
        super(new S3Location(bucket, key).toString(), null, "no such object");
    }
}
