package io.glaux.iam.policy;

import io.glaux.iam.Principal;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a {@link PolicyDocument}: its Effect, whom it names (resource and trust policies), the actions and
 * resources it covers (or excludes, with NotAction / NotResource) and the conditions that must all hold.
 */
public final class Statement {

    private final int index;
    private final String sid;
    private final Effect effect;
    private final PrincipalElement principal;
    private final PrincipalElement notPrincipal;
    private final List<String> actions;
    private final List<Glob> actionPatterns;
    private final boolean notAction;
    private final List<PolicyTemplate> resources;
    private final boolean notResource;
    private final List<Condition> conditions;

    Statement(int index, String sid, Effect effect, PrincipalElement principal, PrincipalElement notPrincipal,
            List<String> actions, boolean notAction, List<PolicyTemplate> resources, boolean notResource,
            List<Condition> conditions) {
        this.index = index;
        this.sid = sid;
        this.effect = effect;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.actions = List.copyOf(actions);
        this.actionPatterns = actions.stream().map(action -> Glob.of(action, false)).toList();
        this.notAction = notAction;
        this.resources = resources == null ? null : List.copyOf(resources);
        this.notResource = notResource;
        this.conditions = List.copyOf(conditions);
    }

    /** The statement's place in its policy, from 0. */
    public int index() {
        return index;
    }

    /** The Sid, or empty when the statement has none. */
    public Optional<String> sid() {
        return Optional.ofNullable(sid).filter(s -> !s.isEmpty());
    }

    public Effect effect() {
        return effect;
    }

    /** The Action (or NotAction) entries as written. */
    public List<String> actions() {
        return actions;
    }

    public boolean isNotAction() {
        return notAction;
    }

    /** The Resource (or NotResource) entries as written; empty for a trust policy statement, which has none. */
    public List<String> resources() {
        return resources == null ? List.of() : resources.stream().map(PolicyTemplate::source).toList();
    }

    public boolean isNotResource() {
        return notResource;
    }

    /** How this statement's Principal or NotPrincipal names {@code caller}; NONE for a statement that names no one. */
    public PrincipalMatch principalMatch(Principal caller, boolean callerHasBoundary) {
        if (principal != null) {
            return principal.match(caller);
        }
        if (notPrincipal != null) {
            boolean excluded = effect == Effect.DENY ? notPrincipal.spares(caller, callerHasBoundary)
                    : notPrincipal.match(caller) != PrincipalMatch.NONE;
            return excluded ? PrincipalMatch.NONE : PrincipalMatch.ANYONE;
        }
        return PrincipalMatch.NONE;
    }

    /** Whether the Action / NotAction element covers {@code action} (case-insensitive, with wildcards). */
    boolean coversAction(String action) {
        boolean listed = actionPatterns.stream().anyMatch(pattern -> pattern.matches(action));
        return listed != notAction;
    }

    /**
     * Whether the Resource / NotResource element covers {@code resource} (case-sensitive, with wildcards and policy
     * variables); a statement without one (trust policies) covers every resource.
     */
    boolean coversResource(String resource, RequestKeys keys) {
        if (resources == null) {
            return true;
        }
        boolean listed = resources.stream().map(template -> template.resolve(keys)).flatMap(Optional::stream)
                .anyMatch(resolved -> resolved.glob(true).matches(resource));
        return listed != notResource;
    }

    /** Whether every condition holds for the request. */
    boolean conditionsHold(RequestKeys keys) {
        return conditions.stream().allMatch(condition -> condition.test(keys));
    }

    /** Action, resource and conditions all apply: the principal is checked separately. */
    boolean applies(String action, String resource, RequestKeys keys) {
        return coversAction(action) && coversResource(resource, keys) && conditionsHold(keys);
    }

    /** How a denial names this statement: {@code statement 'DenyDelete'} or {@code statement #2}. */
    String describe() {
        return sid().map(s -> "statement '" + s + "'").orElse("statement #" + (index + 1));
    }
}
