package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;

import java.time.Instant;

/**
 * One event on its way to one target, as the log of recent events shows it: PENDING while queued or waiting to be
 * retried, then DELIVERED, FAILED (retries used up, event too old, or a 4xx answer that retrying cannot fix) or
 * DROPPED (the delivery queue was full). Changed only by {@link WebhookDelivery}; read by anyone.
 */
public final class Delivery {

    /** Where a delivery stands. */
    public enum State { PENDING, DELIVERED, FAILED, DROPPED }

    private final EventEnvelope event;
    private final AlertRule rule;
    private final AlertRule.Target target;
    private State state = State.PENDING;
    private int attempts;
    private Integer lastStatusCode;
    private String lastError;
    private Instant nextAttemptAt;
    private Instant finishedAt;

    Delivery(EventEnvelope event, AlertRule rule, AlertRule.Target target) {
        this.event = event;
        this.rule = rule;
        this.target = target;
    }

    public EventEnvelope event() {
        return event;
    }

    public AlertRule rule() {
        return rule;
    }

    public AlertRule.Target target() {
        return target;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int attempts() {
        return attempts;
    }

    synchronized void attempted(Integer statusCode, String error) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error;
        nextAttemptAt = null;
    }

    synchronized void retryAt(Instant when) {
        nextAttemptAt = when;
    }

    synchronized void finish(State end) {
        state = end;
        finishedAt = Instant.now();
        nextAttemptAt = null;
    }

    synchronized ObjectNode toJson() {
        ObjectNode json = AwsJson.object();
        json.put("rule", rule.name());
        json.put("target", target.id());
        json.put("endpoint", target.endpoint().toString());
        json.put("state", state.name());
        json.put("attempts", attempts);
        if (lastStatusCode != null) {
            json.put("lastStatusCode", lastStatusCode);
        }
        AwsJson.putString(json, "lastError", lastError);
        AwsJson.putString(json, "nextAttemptAt", nextAttemptAt == null ? null : nextAttemptAt.toString());
        AwsJson.putString(json, "finishedAt", finishedAt == null ? null : finishedAt.toString());
        return json;
    }
}
