package io.glaux.storage.crypto;

import io.glaux.storage.S3Location;
import java.io.IOException;

/**
 * An encrypted object whose stored bytes fail authentication: they were changed, cut off or swapped outside Glaux,
 * so none of the changed part is handed out.
 */
public final class ObjectIntegrityException extends IOException {

    public ObjectIntegrityException(S3Location location, String detail) {
        super("The encrypted object " + location + " failed its integrity check (" + detail
                + "): its stored bytes were changed outside Glaux and cannot be decrypted");
    }
}
