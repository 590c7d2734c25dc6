package io.glaux.aws.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A REST-JSON call as an operation sees it: the URI's labels, the query string, the body's members, the headers
 * (names in lower case) and the body's bytes (for a route whose input is a blob payload, its only content).
 */
public record RestRequest(Map<String, String> labels, Map<String, List<String>> query, JsonInput body,
                          Map<String, String> headers, byte[] payload) {

    public RestRequest(Map<String, String> labels, Map<String, List<String>> query, JsonInput body) {
        this(labels, query, body, Map.of(), new byte[0]);
    }

    /** A header's value (the first when repeated), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A required URI label checked against the model's constraints (a label that breaks them is the service's
     * validation error, naming it as AWS's validation does).
     */
    public String label(String name, int minLength, int maxLength, Pattern pattern) {
        String value = labels.get(name);
        if (value == null) {
            throw body.violation(null, name, "Member must not be null");
        }
        if (value.length() < minLength) {
            throw body.violation(value, name, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            throw body.violation(value, name, "Member must have length less than or equal to " + maxLength);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw body.violation(value, name, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** An optional query parameter (the first value when repeated); null when absent. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** An optional integer query parameter within [min, max]; null when absent. */
    public Integer queryInteger(String name, int min, int max) {
        String value = queryParameter(name);
        if (value == null) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw body.errors().serialization("Expected an integer for " + name + ", got '" + value + "'");
        }
        if (number < min) {
            throw body.violation(number, name, "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw body.violation(number, name, "Member must have value less than or equal to " + max);
        }
        return number;
    }
}
