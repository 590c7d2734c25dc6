package io.glaux.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where events are published: each is logged in {@link #events()}, matched against the {@link #rules()} and handed to
 * {@link WebhookDelivery} once per target of each matching rule. {@link #publish} only matches and queues, so it may
 * be called on a query's own thread.
 */
public final class Alerts implements AutoCloseable {

    /** How many events the log keeps, how many deliveries may be pending, and the retry backoff. */
    public record Settings(int logCapacity, int queueCapacity, Duration initialBackoff, Duration maxBackoff) {

        public static final Settings DEFAULTS = new Settings(1000, 10_000, Duration.ofSeconds(1),
                Duration.ofMinutes(5));
    }

    private final RecentEvents events;
    private final WebhookDelivery delivery;
    private volatile AlertRules rules;

    public Alerts(AlertRules rules, Settings settings) {
        this.rules = Objects.requireNonNull(rules);
        this.events = new RecentEvents(settings.logCapacity());
        this.delivery = new WebhookDelivery(settings.queueCapacity(), settings.initialBackoff(),
                settings.maxBackoff());
    }

    public void publish(EventEnvelope event) {
        List<Delivery> deliveries = new ArrayList<>();
        for (AlertRule rule : rules.matching(event.toJson())) {
            for (AlertRule.Target target : rule.targets()) {
                deliveries.add(new Delivery(event, rule, target));
            }
        }
        events.add(new RecentEvents.Logged(event, deliveries));
        deliveries.forEach(delivery::submit);
    }

    public AlertRules rules() {
        return rules;
    }

    /** Replaces the rules; events published from now on are matched against these. */
    public void rules(AlertRules replacement) {
        this.rules = Objects.requireNonNull(replacement);
    }

    public RecentEvents events() {
        return events;
    }

    /** Deliveries queued or waiting for a retry. */
    public int pendingDeliveries() {
        return delivery.pending();
    }

    @Override
    public void close() {
        delivery.close();
    }
}
