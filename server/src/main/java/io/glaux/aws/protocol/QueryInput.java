package io.glaux.aws.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A query-protocol request's members, flattened as the protocol flattens them ({@code UserName=bob},
 * {@code Tags.member.1.Key=team}, {@code PolicyArns.member.1.arn=...}), read against the model's constraints. A value
 * outside them is the protocol's {@code ValidationError} (400) in AWS's words: {@code 1 validation error detected:
 * Value 'x y' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: ...}.
 */
public final class QueryInput {

    private final Map<String, String> params;
    private final String prefix;
    private final String path;

    public QueryInput(Map<String, String> params) {
        this(params, "", "");
    }

    private QueryInput(Map<String, String> params, String prefix, String path) {
        this.params = Map.copyOf(params);
        this.prefix = prefix;
        this.path = path;
    }

    /** Whether the member was sent. */
    public boolean has(String member) {
        return params.containsKey(prefix + member);
    }

    /** An optional string member within [minLength, maxLength] matching {@code pattern} (null: any); null when absent. */
    public String string(String member, int minLength, int maxLength, Pattern pattern) {
        String value = params.get(prefix + member);
        if (value == null) {
            return null;
        }
        if (value.length() < minLength) {
            throw violation(value, member, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            throw violation(value, member, "Member must have length less than or equal to " + maxLength);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw violation(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    public String requiredString(String member, int minLength, int maxLength, Pattern pattern) {
        String value = string(member, minLength, maxLength, pattern);
        if (value == null) {
            throw violation(null, member, "Member must not be null");
        }
        return value;
    }

    /** An optional member out of {@code values}; null when absent. */
    public String enumValue(String member, Collection<String> values) {
        String value = params.get(prefix + member);
        if (value != null && !values.contains(value)) {
            throw violation(value, member, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    /** An optional integer member within [min, max]; null when absent. */
    public Integer integer(String member, int min, int max) {
        String value = params.get(prefix + member);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw violation(value, member, "Member must be an integer");
        }
        if (number < min) {
            throw violation(number, member, "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw violation(number, member, "Member must have value less than or equal to " + max);
        }
        return number;
    }

    /** An optional boolean member ({@code true} or {@code false}); null when absent. */
    public Boolean bool(String member) {
        String value = params.get(prefix + member);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw violation(value, member, "Member must be a boolean");
        }
        return Boolean.parseBoolean(value);
    }

    /** A list of strings ({@code <member>.member.1}, ...), each checked as {@link #string}; empty when absent. */
    public List<String> strings(String member, int maxItems, int minLength, int maxLength, Pattern pattern) {
        List<String> values = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + member + ".member." + i); i++) {
            values.add(new QueryInput(params, prefix + member + ".member.", path + lowerCamel(member) + "."
                    + "member.").string(Integer.toString(i), minLength, maxLength, pattern));
        }
        checkSize(member, values.size(), maxItems);
        return values;
    }

    /** A list of structures ({@code <member>.member.1.Key}, ...); empty when absent. */
    public List<QueryInput> structures(String member, int maxItems) {
        List<QueryInput> values = new ArrayList<>();
        for (int i = 1; hasPrefix(prefix + member + ".member." + i + "."); i++) {
            values.add(new QueryInput(params, prefix + member + ".member." + i + ".",
                    path + lowerCamel(member) + "." + i + ".member."));
        }
        checkSize(member, values.size(), maxItems);
        return values;
    }

    private void checkSize(String member, int size, int maxItems) {
        if (size > maxItems) {
            throw violation(null, member, "Member must have length less than or equal to " + maxItems);
        }
    }

    private boolean hasPrefix(String start) {
        return params.keySet().stream().anyMatch(key -> key.startsWith(start));
    }

    private ServiceError violation(Object value, String member, String constraint) {
        String shown = value == null ? "null" : value instanceof String ? "'" + value + "'" : value.toString();
        return validationError("1 validation error detected: Value " + shown + " at '" + path + lowerCamel(member)
                + "' failed to satisfy constraint: " + constraint);
    }

    /** The query protocol's error for a member outside the model's constraints. */
    public static ServiceError validationError(String message) {
        return new ServiceError(400, "ValidationError", message);
    }

    private static String lowerCamel(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
