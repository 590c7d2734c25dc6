package io.glaux.iam.policy;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS's policy evaluation logic for requests within one account.
 *
 * <ol>
 *   <li>An explicit Deny that applies, in any identity policy, the resource policy, the permissions boundary or a
 *       session policy, decides: {@code EXPLICIT_DENY}.</li>
 *   <li>The root user is not limited by identity policies: it is allowed unless a key policy does not name it or its
 *       account.</li>
 *   <li>Services and anonymous callers have no identity policies: only the resource policy can allow them.</li>
 *   <li>For IAM users and role sessions, a resource policy that names the user or the session is a full grant; one
 *       that names the session's role (or everyone) grants it within the session policies and permissions
 *       boundary; one that names only the account delegates to the identity policies. Otherwise an identity policy
 *       must allow it, and so must the permissions boundary and one of the session policies when there are such. A KMS key policy
 *       ({@link ResourcePolicy.Mode#KEY_POLICY}) must name the caller or its account in any case.</li>
 * </ol>
 *
 * <p>Each decision says, in AWS's words, why, and what grant would change it.
 */
public final class PolicyEvaluator {

    private final Clock clock;

    /** @param clock the source of {@code aws:CurrentTime} and {@code aws:EpochTime} */
    public PolicyEvaluator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A statement that matched the request, and the policy it is in. */
    private record Hit(String source, Statement statement, PrincipalMatch match) {
    }

    /** Decides {@code request} against {@code policies}. */
    public Decision evaluate(AccessRequest request, PolicySet policies) {
        Principal principal = request.principal();
        RequestKeys keys = PrincipalKeys.of(principal, request.context(), clock);
        boolean hasIdentity = principal.type() == Principal.Type.USER
                || principal.type() == Principal.Type.ASSUMED_ROLE;
        boolean hasBoundary = hasIdentity && policies.permissionsBoundary().isPresent();
        Optional<SourcedPolicy> boundary = hasIdentity ? policies.permissionsBoundary() : Optional.empty();
        Optional<List<SourcedPolicy>> session = hasIdentity ? policies.sessionPolicies() : Optional.empty();
        List<SourcedPolicy> identity = hasIdentity ? policies.identityPolicies() : List.of();
        Optional<ResourcePolicy> resource = policies.resourcePolicy();
        Wording wording = new Wording(request);

        // 1. Explicit denies.
        for (SourcedPolicy policy : identity) {
            Optional<Hit> deny = find(policy.source(), policy.document(), Effect.DENY, request, keys, null, false);
            if (deny.isPresent()) {
                return wording.explicitDeny("an identity-based policy: " + policy.source(), deny.get());
            }
        }
        if (resource.isPresent()) {
            Optional<Hit> deny = find(resource.get().source(), resource.get().document(), Effect.DENY, request, keys,
                    principal, hasBoundary);
            if (deny.isPresent()) {
                return wording.explicitDeny("a resource-based policy", deny.get());
            }
        }
        Optional<Hit> boundaryDeny = boundary.flatMap(p -> find(p, Effect.DENY, request, keys));
        if (boundaryDeny.isPresent()) {
            return wording.explicitDeny("a permissions boundary", boundaryDeny.get());
        }
        Optional<Hit> sessionDeny = session.flatMap(list -> findAny(list, Effect.DENY, request, keys));
        if (sessionDeny.isPresent()) {
            return wording.explicitDeny("a session policy", sessionDeny.get());
        }

        // 2. Allows.
        Optional<Hit> resourceAllow = resource.flatMap(p -> find(p.source(), p.document(), Effect.ALLOW, request,
                keys, principal, hasBoundary));
        PrincipalMatch resourceMatch = resourceAllow.map(Hit::match).orElse(PrincipalMatch.NONE);
        boolean keyPolicy = resource.map(p -> p.mode() == ResourcePolicy.Mode.KEY_POLICY).orElse(false);
        String resourceSource = resource.map(ResourcePolicy::source).orElse("");

        switch (principal.type()) {
            case ROOT -> {
                if (keyPolicy && resourceMatch == PrincipalMatch.NONE) {
                    return wording.noResourcePolicy(resourceSource);
                }
                return Decision.allowed(resourceAllow.map(Hit::source).orElse(""));
            }
            case SERVICE, ANONYMOUS -> {
                return resourceMatch == PrincipalMatch.NONE ? wording.noResourcePolicy(resourceSource)
                        : Decision.allowed(resourceSource);
            }
            default -> {
                // IAM users and role sessions below.
            }
        }
        if (resourceMatch == PrincipalMatch.EXACT) {
            return Decision.allowed(resourceSource);
        }
        if (resourceMatch == PrincipalMatch.ROLE || resourceMatch == PrincipalMatch.ANYONE) {
            return limits(boundary, session, request, keys, wording).orElse(Decision.allowed(resourceSource));
        }
        if (keyPolicy && resourceMatch == PrincipalMatch.NONE) {
            return wording.noResourcePolicy(resourceSource);
        }
        Optional<Hit> identityAllow = Optional.empty();
        for (SourcedPolicy policy : identity) {
            identityAllow = find(policy, Effect.ALLOW, request, keys);
            if (identityAllow.isPresent()) {
                break;
            }
        }
        if (identityAllow.isEmpty()) {
            return wording.noIdentityPolicy();
        }
        return limits(boundary, session, request, keys, wording)
                .orElse(Decision.allowed(identityAllow.get().source()));
    }

    /**
     * The implicit deny of a permissions boundary, or of session policies none of which allows the request, if
     * any.
     */
    private Optional<Decision> limits(Optional<SourcedPolicy> boundary, Optional<List<SourcedPolicy>> session,
            AccessRequest request, RequestKeys keys, Wording wording) {
        if (boundary.isPresent() && find(boundary.get(), Effect.ALLOW, request, keys).isEmpty()) {
            return Optional.of(wording.noLimitAllows("permissions boundary", boundary.get().source()));
        }
        if (session.isPresent() && findAny(session.get(), Effect.ALLOW, request, keys).isEmpty()) {
            String sources = session.get().stream().map(SourcedPolicy::source)
                    .reduce((a, b) -> a + " or " + b).orElse("(none left: the session's policies were deleted)");
            return Optional.of(wording.noLimitAllows("session policy", sources));
        }
        return Optional.empty();
    }

    /** The first statement of {@code effect} that applies in any of {@code policies}. */
    private Optional<Hit> findAny(List<SourcedPolicy> policies, Effect effect, AccessRequest request,
            RequestKeys keys) {
        for (SourcedPolicy policy : policies) {
            Optional<Hit> hit = find(policy, effect, request, keys);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<Hit> find(SourcedPolicy policy, Effect effect, AccessRequest request, RequestKeys keys) {
        return find(policy.source(), policy.document(), effect, request, keys, null, false);
    }

    /**
     * The first statement of {@code effect} that applies; for a resource policy ({@code caller} given) the one that
     * names the caller most strongly.
     */
    private static Optional<Hit> find(String source, PolicyDocument document, Effect effect, AccessRequest request,
            RequestKeys keys, Principal caller, boolean callerHasBoundary) {
        Hit best = null;
        for (Statement statement : document.statements()) {
            if (statement.effect() != effect || !statement.applies(request.action(), request.resource(), keys)) {
                continue;
            }
            if (caller == null) {
                return Optional.of(new Hit(source, statement, PrincipalMatch.EXACT));
            }
            PrincipalMatch match = statement.principalMatch(caller, callerHasBoundary);
            if (match != PrincipalMatch.NONE && (best == null || match.ordinal() > best.match().ordinal())) {
                best = new Hit(source, statement, match);
            }
        }
        return Optional.ofNullable(best);
    }

    /** AWS's reasons for a denial, and the fix that names the grant that would allow it. */
    private static final class Wording {
        private final AccessRequest request;

        Wording(AccessRequest request) {
            this.request = request;
        }

        Decision explicitDeny(String where, Hit hit) {
            String fix = "Remove or narrow " + hit.statement().describe() + " (Deny " + request.action() + ") in "
                    + hit.source();
            return new Decision(Decision.Outcome.EXPLICIT_DENY, "with an explicit deny in " + where, fix,
                    hit.source());
        }

        Decision noIdentityPolicy() {
            return implicit("identity-based policy", "Allow " + grant() + " in a policy attached to "
                    + request.principal().identityArn(), "");
        }

        Decision noResourcePolicy(String source) {
            Principal principal = request.principal();
            String where = source.isEmpty() ? "a resource-based policy of " + request.resource()
                    : "the resource-based policy " + source;
            List<String> names = new ArrayList<>();
            names.add(principal.type() == Principal.Type.ANONYMOUS ? "\"*\"" : principal.identityArn());
            if (principal.accountId() != null && principal.type() != Principal.Type.ROOT) {
                names.add("its account arn:aws:iam::" + principal.accountId() + ":root (then also in a policy"
                        + " attached to " + principal.identityArn() + ")");
            }
            return implicit("resource-based policy", "Allow " + grant() + " for " + String.join(" or ", names)
                    + " in " + where, source);
        }

        Decision noLimitAllows(String kind, String source) {
            return implicit(kind, "Allow " + grant() + " in the " + kind + " " + source, source);
        }

        private Decision implicit(String kind, String fix, String source) {
            return new Decision(Decision.Outcome.IMPLICIT_DENY,
                    "because no " + kind + " allows the " + request.action() + " action", fix, source);
        }

        private String grant() {
            return request.action() + " on " + request.resource();
        }
    }
}
