package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's JSON members, read with the service model's constraints. A member of the wrong JSON type is the
 * service's serialization error; a value outside its constraints is its validation error naming the member, in the
 * wording AWS's validation uses ("1 validation error detected: Value ... at 'queryString' failed to satisfy
 * constraint: ..."). Which error shapes those are is the service's {@link ErrorStyle}.
 */
public final class JsonInput {

    private final JsonNode node;
    private final ErrorStyle errors;

    public JsonInput(JsonNode node, ErrorStyle errors) {
        this.errors = errors;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = AwsJson.object();
        } else if (!node.isObject()) {
            throw errors.serialization("Start of structure or map found where not expected");
        } else {
            this.node = node;
        }
    }

    /** The members as sent (for operations that keep a structure whole, such as a QuickSight Definition). */
    public JsonNode json() {
        return node;
    }

    /** The error shapes this request's service answers with. */
    public ErrorStyle errors() {
        return errors;
    }

    /** An optional string member; null when absent. */
    public String string(String member, int minLength, int maxLength, Pattern pattern) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw errors.serialization("Expected a string for " + member);
        }
        String text = value.textValue();
        if (text.length() < minLength) {
            throw violation(text, member, "Member must have length greater than or equal to " + minLength);
        }
        if (text.length() > maxLength) {
            throw violation(text, member, "Member must have length less than or equal to " + maxLength);
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw violation(text, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return text;
    }

    public String string(String member, int minLength, int maxLength) {
        return string(member, minLength, maxLength, null);
    }

    public String requiredString(String member, int minLength, int maxLength, Pattern pattern) {
        String value = string(member, minLength, maxLength, pattern);
        if (value == null) {
            throw violation(null, member, "Member must not be null");
        }
        return value;
    }

    public String requiredString(String member, int minLength, int maxLength) {
        return requiredString(member, minLength, maxLength, null);
    }

    /** An optional integer member within [min, max]; null when absent. */
    public Integer integer(String member, int min, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw errors.serialization("Expected an integer for " + member);
        }
        int number = value.intValue();
        if (number < min) {
            throw violation(number, member, "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw violation(number, member, "Member must have value less than or equal to " + max);
        }
        return number;
    }

    public Long longValue(String member, long min, long max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw errors.serialization("Expected an integer for " + member);
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw violation(number, member, number < min ? "Member must have value greater than or equal to " + min
                    : "Member must have value less than or equal to " + max);
        }
        return number;
    }

    public Boolean bool(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw errors.serialization("Expected a boolean for " + member);
        }
        return value.booleanValue();
    }

    /** An optional nested structure; an empty one when absent. */
    public JsonInput object(String member) {
        JsonNode value = node.get(member);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw errors.serialization("Expected a structure for " + member);
        }
        return new JsonInput(value, errors);
    }

    public boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    /** An optional list of strings, each within [minLength, maxLength], of at most maxItems. */
    public List<String> strings(String member, int minItems, int maxItems, int minLength, int maxLength) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw errors.serialization("Expected a list for " + member);
        }
        if (value.size() < minItems) {
            throw violation(value, member, "Member must have length greater than or equal to " + minItems);
        }
        if (value.size() > maxItems) {
            throw violation(value, member, "Member must have length less than or equal to " + maxItems);
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw errors.serialization("Expected a list of strings for " + member);
            }
            String text = item.textValue();
            if (text.length() < minLength || text.length() > maxLength) {
                throw violation(text, member, "Member must satisfy constraint: [Member must have length between "
                        + minLength + " and " + maxLength + "]");
            }
            items.add(text);
        }
        return items;
    }

    /** An optional list of structures. */
    public List<JsonInput> objects(String member, int maxItems) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw errors.serialization("Expected a list for " + member);
        }
        if (value.size() > maxItems) {
            throw violation(value, member, "Member must have length less than or equal to " + maxItems);
        }
        List<JsonInput> items = new ArrayList<>();
        for (JsonNode item : value) {
            items.add(new JsonInput(item, errors));
        }
        return items;
    }

    /** An optional map of string to string. */
    public Map<String, String> stringMap(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw errors.serialization("Expected a map for " + member);
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw errors.serialization("Expected string values in " + member);
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }

    /** The model's validation error for {@code value} of {@code member} breaking {@code constraint}. */
    public ServiceError violation(Object value, String member, String constraint) {
        return errors.invalid(validationMessage(value, member, constraint));
    }

    /** AWS's wording for a value that breaks a constraint of the model. */
    public static String validationMessage(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + abbreviate(String.valueOf(value)) + "'";
        return "1 validation error detected: Value " + shown + " at '" + Character.toLowerCase(member.charAt(0))
                + member.substring(1) + "' failed to satisfy constraint: " + constraint;
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }
}
