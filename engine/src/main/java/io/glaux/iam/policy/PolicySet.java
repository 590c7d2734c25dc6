package io.glaux.iam.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every policy that bears on one request: the caller's identity policies, and optionally the resource's policy, the
 * session policy passed to AssumeRole and the caller's permissions boundary. Immutable; the {@code with...} methods
 * return a copy.
 */
public final class PolicySet {

    private final List<SourcedPolicy> identityPolicies;
    private final ResourcePolicy resourcePolicy;
    private final SourcedPolicy sessionPolicy;
    private final SourcedPolicy permissionsBoundary;

    private PolicySet(List<SourcedPolicy> identityPolicies, ResourcePolicy resourcePolicy,
            SourcedPolicy sessionPolicy, SourcedPolicy permissionsBoundary) {
        this.identityPolicies = List.copyOf(identityPolicies);
        this.resourcePolicy = resourcePolicy;
        this.sessionPolicy = sessionPolicy;
        this.permissionsBoundary = permissionsBoundary;
    }

    /** The caller's identity policies (attached managed, inline, and those of its groups), nothing else. */
    public static PolicySet of(List<SourcedPolicy> identityPolicies) {
        return new PolicySet(Objects.requireNonNull(identityPolicies, "identityPolicies"), null, null, null);
    }

    /** No policies at all. */
    public static PolicySet empty() {
        return of(List.of());
    }

    public PolicySet withResourcePolicy(ResourcePolicy policy) {
        return new PolicySet(identityPolicies, policy, sessionPolicy, permissionsBoundary);
    }

    public PolicySet withSessionPolicy(SourcedPolicy policy) {
        return new PolicySet(identityPolicies, resourcePolicy, policy, permissionsBoundary);
    }

    public PolicySet withPermissionsBoundary(SourcedPolicy policy) {
        return new PolicySet(identityPolicies, resourcePolicy, sessionPolicy, policy);
    }

    public List<SourcedPolicy> identityPolicies() {
        return identityPolicies;
    }

    public Optional<ResourcePolicy> resourcePolicy() {
        return Optional.ofNullable(resourcePolicy);
    }

    public Optional<SourcedPolicy> sessionPolicy() {
        return Optional.ofNullable(sessionPolicy);
    }

    public Optional<SourcedPolicy> permissionsBoundary() {
        return Optional.ofNullable(permissionsBoundary);
    }
}
