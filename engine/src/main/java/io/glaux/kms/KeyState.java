package io.glaux.kms;

/** The states a Glaux key can be in (KMS's {@code KeyState} values, spelled as AWS spells them). */
public enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion
}
