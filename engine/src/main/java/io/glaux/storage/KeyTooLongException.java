package io.glaux.storage;

/** A key longer than S3's 1024 bytes of UTF-8. */
public final class KeyTooLongException extends InvalidKeyException {

    public KeyTooLongException(int bytes) {
        super("Your key is too long: " + bytes + " bytes of UTF-8, at most " + ObjectKeys.MAX_KEY_BYTES + " allowed");
    }
}
