package io.glaux.iam.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every policy that bears on one request: the caller's identity policies, and optionally the resource's policy, the
 * session policies passed to AssumeRole (its inline {@code Policy} and its managed {@code PolicyArns}, which together
 * limit the session: one of them must allow a request) and the caller's permissions boundary. Immutable; the
 * {@code with...} methods return a copy.
 */
public final class PolicySet {

    private final List<SourcedPolicy> identityPolicies;
    private final ResourcePolicy resourcePolicy;
    private final List<SourcedPolicy> sessionPolicies;
    private final SourcedPolicy permissionsBoundary;

    private PolicySet(List<SourcedPolicy> identityPolicies, ResourcePolicy resourcePolicy,
            List<SourcedPolicy> sessionPolicies, SourcedPolicy permissionsBoundary) {
        this.identityPolicies = List.copyOf(identityPolicies);
        this.resourcePolicy = resourcePolicy;
        this.sessionPolicies = sessionPolicies == null ? null : List.copyOf(sessionPolicies);
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
        return new PolicySet(identityPolicies, policy, sessionPolicies, permissionsBoundary);
    }

    /** One session policy ({@code null}: the session has none). */
    public PolicySet withSessionPolicy(SourcedPolicy policy) {
        return withSessionPolicies(policy == null ? null : List.of(policy));
    }

    /**
     * The session's policies: {@code null} when the caller is not a session limited by session policies; an empty
     * list for a session that was given some which no longer exist, so that nothing is allowed to it.
     */
    public PolicySet withSessionPolicies(List<SourcedPolicy> policies) {
        return new PolicySet(identityPolicies, resourcePolicy, policies, permissionsBoundary);
    }

    public PolicySet withPermissionsBoundary(SourcedPolicy policy) {
        return new PolicySet(identityPolicies, resourcePolicy, sessionPolicies, policy);
    }

    public List<SourcedPolicy> identityPolicies() {
        return identityPolicies;
    }

    public Optional<ResourcePolicy> resourcePolicy() {
        return Optional.ofNullable(resourcePolicy);
    }

    /** The session policies, when the caller's session has any (see {@link #withSessionPolicies}). */
    public Optional<List<SourcedPolicy>> sessionPolicies() {
        return Optional.ofNullable(sessionPolicies);
    }

    public Optional<SourcedPolicy> permissionsBoundary() {
        return Optional.ofNullable(permissionsBoundary);
    }
}
