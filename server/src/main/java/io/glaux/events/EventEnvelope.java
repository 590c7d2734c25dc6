package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event in EventBridge's envelope: {@code version} "0", {@code id}, {@code detail-type}, {@code source},
 * {@code account}, {@code time} (ISO 8601, whole seconds), {@code region}, {@code resources} and the {@code detail}.
 */
public record EventEnvelope(String id, String detailType, String source, String account, Instant time,
        String region, List<String> resources, ObjectNode detail) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        resources = List.copyOf(resources);
        detail = detail.deepCopy();
    }

    /** A new event with a random id, stamped now. */
    public static EventEnvelope now(String detailType, String source, String account, String region,
            List<String> resources, ObjectNode detail) {
        return new EventEnvelope(UUID.randomUUID().toString(), detailType, source, account,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), region, resources, detail);
    }

    /** The event as EventBridge delivers it to a target. */
    public ObjectNode toJson() {
        ObjectNode json = AwsJson.object();
        json.put("version", "0");
        json.put("id", id);
        json.put("detail-type", detailType);
        json.put("source", source);
        json.put("account", account);
        json.put("time", time.toString());
        json.put("region", region);
        resources.forEach(json.putArray("resources")::add);
        json.set("detail", detail.deepCopy());
        return json;
    }
}
