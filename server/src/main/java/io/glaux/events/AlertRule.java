package io.glaux.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert rule, named as EventBridge names a rule and its targets: an event pattern (EventBridge's pattern language),
 * a state, and up to five HTTP targets, each with its headers and EventBridge's RetryPolicy.
 *
 * @param name the rule's name ({@code [.\-_A-Za-z0-9]+}, 1–64 characters), unique among the rules
 * @param description free text, may be empty
 * @param eventPattern the EventBridge event pattern, as JSON text
 * @param enabled false for a rule in state DISABLED, which matches nothing
 * @param targets where matching events go
 */
public record AlertRule(String name, String description, String eventPattern, boolean enabled, List<Target> targets) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventPattern, "eventPattern");
        description = description == null ? "" : description;
        targets = List.copyOf(targets);
    }

    /**
     * An HTTP endpoint events are POSTed to as JSON.
     *
     * @param id the target's id, unique within its rule
     * @param endpoint an absolute http or https URL
     * @param headers extra request headers (EventBridge's {@code HttpParameters.HeaderParameters})
     * @param maximumRetryAttempts retries after the first attempt, 0–185 (EventBridge's default 185)
     * @param maximumEventAge how long an event is retried at most, 60 s–24 h (default 24 h)
     */
    public record Target(String id, URI endpoint, Map<String, String> headers, int maximumRetryAttempts,
            Duration maximumEventAge) {

        public static final int DEFAULT_RETRY_ATTEMPTS = 185;
        public static final Duration DEFAULT_EVENT_AGE = Duration.ofHours(24);

        public Target {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(endpoint, "endpoint");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(maximumEventAge, "maximumEventAge");
        }
    }
}
