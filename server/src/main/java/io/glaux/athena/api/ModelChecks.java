package io.glaux.athena.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Constraints of the service model that {@link Input} has no reader for: enum members, ParametersMap entries and
 * TagList entries, answered in AWS's validation wording.
 */
final class ModelChecks {

    /** The model's pattern for names, keys and types: any text without control characters other than tab. */
    static final Pattern PRINTABLE = Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");

    private ModelChecks() {
    }

    /** A required member whose value must be one of {@code allowed}. */
    static String requiredEnum(Input request, String member, List<String> allowed) {
        String value = request.requiredString(member, 0, Integer.MAX_VALUE);
        if (!allowed.contains(value)) {
            throw violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** An optional ParametersMap: keys of 1 to 255 printable characters, values of at most 51200. */
    static Map<String, String> parameters(Input request, String member) {
        Map<String, String> map = request.stringMap(member);
        if (map == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : map.entrySet()) {
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > 255 || !PRINTABLE.matcher(key).matches()) {
                throw violation(map, member, "Map keys must satisfy constraint: [Member must have length less than"
                        + " or equal to 255, Member must have length greater than or equal to 1, Member must"
                        + " satisfy regular expression pattern: " + PRINTABLE.pattern() + "]");
            }
            if (entry.getValue().length() > 51200) {
                throw violation(map, member, "Map value must satisfy constraint: [Member must have length less"
                        + " than or equal to 51200]");
            }
        }
        return map;
    }

    /** An optional TagList, in order; a key given twice keeps its last value. */
    static Map<String, String> tags(Input request, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Input tag : request.objects(member, Integer.MAX_VALUE)) {
            String key = tag.requiredString("Key", 1, 128);
            String value = tag.string("Value", 0, 256);
            tags.put(key, value == null ? "" : value);
        }
        return tags;
    }

    /** Fails as AWS does when a required member (of any shape) is missing. */
    static void required(Input request, String member) {
        if (!request.has(member)) {
            throw violation(null, member, "Member must not be null");
        }
    }

    static ApiError violation(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + abbreviate(String.valueOf(value)) + "'";
        return ApiError.invalidRequest("1 validation error detected: Value " + shown + " at '"
                + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint: "
                + constraint);
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }
}
