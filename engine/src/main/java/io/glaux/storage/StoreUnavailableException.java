package io.glaux.storage;

import java.io.IOException;

/**
 * The store did not answer (connection refused or reset, timeout, 5xx): the object is not known to be missing or
 * bad, only unreachable. The message names the store and the object.
 */
public final class StoreUnavailableException extends IOException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
