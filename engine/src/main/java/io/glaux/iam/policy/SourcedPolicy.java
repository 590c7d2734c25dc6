package io.glaux.iam.policy;

import java.util.Objects;

/**
 * A policy with the name a denial gives it: the managed policy's ARN, or e.g.
 * {@code inline policy 'x' of arn:aws:iam::000000000000:role/r}.
 */
public record SourcedPolicy(String source, PolicyDocument document) {

    public SourcedPolicy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }
}
