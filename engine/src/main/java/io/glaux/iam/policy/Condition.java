package io.glaux.iam.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One key of a Condition block under one operator: {@code "StringLike": {"s3:prefix": ["home/", "home/*"]}} holds one
 * such condition per key. Its values are ORed; the conditions of a statement are ANDed by {@link Statement}.
 *
 * <p>As AWS documents it: a key missing from the request fails the condition, except for a negated operator
 * (StringNotEquals, NotIpAddress, ...), an {@code ...IfExists} operator and {@code ForAllValues:}, which it satisfies;
 * {@code ForAnyValue:} needs at least one request value to match, {@code ForAllValues:} every one. Without a set
 * prefix, a multivalued key matches when any of its values does (for a negated operator: when none does).
 */
final class Condition {

    private final ConditionOperator operator;
    private final String key;
    private final List<PolicyTemplate> values;

    Condition(ConditionOperator operator, String key, List<PolicyTemplate> values) {
        this.operator = operator;
        this.key = key;
        this.values = List.copyOf(values);
    }

    ConditionOperator operator() {
        return operator;
    }

    String key() {
        return key;
    }

    /** Whether the request satisfies this condition. */
    boolean test(RequestKeys keys) {
        List<String> present = keys.get(key);
        boolean absent = present == null || present.isEmpty();
        if (operator.type() == ConditionType.NULL) {
            return values.stream().map(PolicyTemplate::source)
                    .anyMatch(value -> value.equalsIgnoreCase("true") ? absent : !absent);
        }
        if (absent) {
            return switch (operator.set()) {
                case SINGLE -> operator.ifExists() || operator.negated();
                case FOR_ANY_VALUE -> operator.ifExists();
                case FOR_ALL_VALUES -> true;
            };
        }
        List<PolicyTemplate.Resolved> resolved = values.stream()
                .map(value -> value.resolve(keys)).flatMap(Optional::stream).toList();
        Predicate<String> matchesOne = requestValue -> resolved.stream()
                .anyMatch(policyValue -> operator.type().matches(requestValue, policyValue));
        Predicate<String> satisfies = operator.negated() ? matchesOne.negate() : matchesOne;
        return switch (operator.set()) {
            case SINGLE -> operator.negated() ? present.stream().allMatch(satisfies)
                    : present.stream().anyMatch(satisfies);
            case FOR_ANY_VALUE -> present.stream().anyMatch(satisfies);
            case FOR_ALL_VALUES -> present.stream().allMatch(satisfies);
        };
    }
}
