package io.glaux.storage;

/** A bucket name that breaks S3's naming rules. */
public final class InvalidBucketNameException extends InvalidKeyException {

    public InvalidBucketNameException(String bucket, String rule) {
        super("The specified bucket is not valid: '" + bucket + "' (" + rule + ")");
    }
}
