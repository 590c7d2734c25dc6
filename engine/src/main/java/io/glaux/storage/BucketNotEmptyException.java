package io.glaux.storage;

import java.io.IOException;

/** A bucket that still holds objects cannot be deleted. */
public final class BucketNotEmptyException extends IOException {

    public BucketNotEmptyException(String bucket) {
        super("The bucket " + bucket + " is not empty");
    }
}
