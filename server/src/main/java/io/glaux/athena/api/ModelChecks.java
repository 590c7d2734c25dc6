package io.glaux.athena.api;

import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.ServiceError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Constraints of the service model that {@link JsonInput} has no reader for: enum members, ParametersMap entries and
 * TagList entries, answered in AWS's validation wording.
 */
final class ModelChecks {

    /** The model's pattern for names, keys and types: any text without control characters other than tab. */
    static final Pattern PRINTABLE = Pattern.compile("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");

    private ModelChecks() {
    }

    /** A required member whose value must be one of {@code allowed}. */
    static String requiredEnum(JsonInput request, String member, List<String> allowed) {
        String value = request.requiredString(member, 0, Integer.MAX_VALUE);
        if (!allowed.contains(value)) {
            throw violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** An optional ParametersMap: keys of 1 to 255 printable characters, values of at most 51200. */
    static Map<String, String> parameters(JsonInput request, String member) {
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
    static Map<String, String> tags(JsonInput request, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonInput tag : request.objects(member, Integer.MAX_VALUE)) {
            String key = tag.requiredString("Key", 1, 128);
            String value = tag.string("Value", 0, 256);
            tags.put(key, value == null ? "" : value);
        }
        return tags;
    }

    /** Fails as AWS does when a required member (of any shape) is missing. */
    static void required(JsonInput request, String member) {
        if (!request.has(member)) {
            throw violation(null, member, "Member must not be null");
        }
    }

    static ServiceError violation(Object value, String member, String constraint) {
        return AthenaErrors.invalidRequest(JsonInput.validationMessage(value, member, constraint));
    }
}
