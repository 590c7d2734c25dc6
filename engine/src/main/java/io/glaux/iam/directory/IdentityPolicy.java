package io.glaux.iam.directory;

import io.glaux.iam.policy.PolicyDocument;

import java.util.Objects;

/**
 * One identity-based policy that applies to a principal, with where it comes from: a managed policy's ARN, or
 * {@code inline policy 'name' of <user, group or role ARN>}. The source is what a denial names.
 */
public record IdentityPolicy(String source, PolicyDocument document) {

    public IdentityPolicy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }
}
