package io.glaux.aws.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST-JSON request URI as the model's {@code http.requestUri} writes it, e.g.
 * {@code /accounts/{AwsAccountId}/data-sets/{DataSetId}}: literal segments and labels, each label one whole
 * percent-decoded segment.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;

    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("A request URI starts with '/': " + template);
        }
        this.template = template;
        this.segments = split(template);
    }

    /** The labels' values when {@code rawPath} (not yet decoded) has this shape. */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String pattern = segments.get(i);
            String part = parts.get(i);
            if (pattern.startsWith("{") && pattern.endsWith("}")) {
                String value;
                try {
                    value = URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                labels.put(pattern.substring(1, pattern.length() - 1), value);
            } else if (!pattern.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    /** Literal segments before labels: more specific templates are tried first. */
    int literalSegments() {
        return (int) segments.stream().filter(s -> !s.startsWith("{")).count();
    }

    @Override
    public String toString() {
        return template;
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
        parts.remove(0); // before the leading '/'
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1); // a trailing '/'
        }
        return parts;
    }
}
