package io.glaux.iam.policy;

/**
 * How a statement's Principal names the caller, weakest first. The evaluation treats them differently: naming the
 * account only delegates to the account's identity policies; naming a role lets its sessions in but leaves their
 * permissions boundary and session policy in force; naming the user, the session or the service itself is a full
 * grant.
 */
public enum PrincipalMatch {
    /** The statement does not apply to the caller. */
    NONE,
    /** The caller's account ({@code 123456789012} or {@code arn:aws:iam::123456789012:root}). */
    ACCOUNT,
    /** Everyone ({@code "*"} or {@code {"AWS": "*"}}), anonymous callers included. */
    ANYONE,
    /** The role whose session the caller is. */
    ROLE,
    /** The caller itself: its user ARN, its session ARN, or its service name. */
    EXACT;

    /** The stronger of the two. */
    PrincipalMatch or(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
