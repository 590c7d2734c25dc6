package io.glaux.iam;

import java.util.Objects;

/**
 * The answer to an {@link AccessRequest}, with what decided it: the policy and statement that allowed or explicitly
 * denied it, or, for an implicit deny, which kind of policy failed to allow it.
 *
 * @param outcome allowed, explicitly denied, or not allowed by any policy
 * @param reason AWS's wording of why, to follow "is not authorized to perform: ... on resource: ..." in a denial,
 *     e.g. {@code because no identity-based policy allows the s3:GetObject action} or
 *     {@code with an explicit deny in an identity-based policy: arn:aws:iam::000000000000:policy/deny-results};
 *     empty for an allow
 * @param fix what would allow the request, in words a user acts on ({@code Add s3:GetObject on
 *     arn:aws:s3:::results/* to a policy of arn:aws:iam::000000000000:role/service-role/...}); empty for an allow
 * @param source the ARN or name of the policy whose statement decided it, or empty when none did
 */
public record Decision(Outcome outcome, String reason, String fix, String source) {

    /** What the evaluation concluded. */
    public enum Outcome {
        ALLOWED,
        /** A statement with {@code "Effect": "Deny"} matched: nothing else can allow it. */
        EXPLICIT_DENY,
        /** No statement allowed it. */
        IMPLICIT_DENY
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        fix = fix == null ? "" : fix;
        source = source == null ? "" : source;
    }

    /** An allow decided by {@code source}. */
    public static Decision allowed(String source) {
        return new Decision(Outcome.ALLOWED, "", "", source);
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }
}
