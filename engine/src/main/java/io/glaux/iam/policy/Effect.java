package io.glaux.iam.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW,
    DENY
}
