package io.glaux.format;

import java.io.IOException;

/**
 * The store failed to deliver an object's bytes (it went away mid-read, or never answered): a fault of the store,
 * not of the data. Readers pass it through unchanged instead of reporting the object's content as bad, so the query
 * fails naming the store and the object.
 */
public final class SourceReadException extends IOException {

    public SourceReadException(String objectName, IOException cause) {
        super("Error reading " + objectName + ": " + cause.getMessage(), cause);
    }
}
