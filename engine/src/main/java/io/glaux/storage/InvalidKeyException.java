package io.glaux.storage;

/** A bucket name or object key that no store accepts. */
public class InvalidKeyException extends IllegalArgumentException {
    public InvalidKeyException(String message) {
        super(message);
    }
}
