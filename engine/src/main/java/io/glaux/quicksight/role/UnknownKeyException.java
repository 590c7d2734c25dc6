package io.glaux.quicksight.role;

/**
 * A KMS key named in QuickSight's settings that the key service of the role's account and region does not have: the
 * settings are not written, and the caller is told which key (QuickSight's API answers it as a 400
 * InvalidParameterValueException).
 */
public final class UnknownKeyException extends IllegalArgumentException {

    private final String key;

    public UnknownKeyException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key reference as it was given. */
    public String key() {
        return key;
    }
}
