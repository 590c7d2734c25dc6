package io.glaux.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request's condition keys and their values. Key names are case-insensitive ({@code aws:SourceIp} and
 * {@code AWS:sourceip} are one key), as AWS matches them; values keep their case.
 */
final class RequestKeys {

    private final Map<String, List<String>> values;

    private RequestKeys(Map<String, List<String>> values) {
        this.values = values;
    }

    static RequestKeys of(Map<String, List<String>> context) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        context.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), List.copyOf(value)));
        return new RequestKeys(Collections.unmodifiableMap(lower));
    }

    /** The values of {@code key}, or null when the request does not carry it. */
    List<String> get(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /**
     * The one value of {@code key}, as a policy variable takes it; empty when the key is absent or has several
     * values (a multivalued key cannot stand in for a variable).
     */
    Optional<String> single(String key) {
        List<String> found = get(key);
        return found != null && found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
