package io.glaux.iam.policy;

import java.util.Objects;

/**
 * The policy of the resource a request is for, and how it combines with the caller's identity policies.
 *
 * @param source how a denial names it (the bucket's, key's or function's ARN, or "bucket policy of results")
 * @param document the policy, of kind RESOURCE or TRUST
 * @param mode how it combines with identity policies
 */
public record ResourcePolicy(String source, PolicyDocument document, Mode mode) {

    /** How a resource policy combines with identity policies within one account. */
    public enum Mode {
        /**
         * S3 bucket policies, Lambda function policies, role trust policies: an allow in either the identity policies
         * or the resource policy suffices.
         */
        UNION,
        /**
         * KMS key policies: the key policy must allow the caller itself, or allow the account (the "Enable IAM User
         * Permissions" statement naming {@code arn:aws:iam::<account>:root}), and then an identity policy must allow it
         * too. Without either, not even the root user is let in.
         */
        KEY_POLICY
    }

    public ResourcePolicy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(mode, "mode");
    }
}
