package io.glaux.tags;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

/** A well-formed ARN that names no existing resource (Athena's ResourceNotFoundException). */
public final class UnknownResourceException extends GlauxException {

    private final String resourceName;

    public UnknownResourceException(String resourceName, String message) {
        super(ErrorType.NOT_FOUND, message);
        this.resourceName = resourceName;
    }

    /** The ARN that was asked for. */
    public String resourceName() {
        return resourceName;
    }
}
