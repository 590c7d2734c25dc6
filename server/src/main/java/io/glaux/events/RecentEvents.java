package io.glaux.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last events published, newest first, each with the deliveries its matching rules made: what
 * {@code GET /_glaux/events} and the web UI show. Bounded: the oldest event goes when a new one comes past capacity.
 */
public final class RecentEvents {

    /** One published event and its deliveries. */
    public record Logged(EventEnvelope event, List<Delivery> deliveries) {

        public Logged {
            deliveries = List.copyOf(deliveries);
        }

        public ObjectNode toJson() {
            ObjectNode json = AwsJson.object();
            json.set("event", event.toJson());
            ArrayNode list = json.putArray("deliveries");
            deliveries.forEach(d -> list.add(d.toJson()));
            return json;
        }
    }

    private final int capacity;
    private final Deque<Logged> events = new ArrayDeque<>();

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The log keeps at least one event");
        }
        this.capacity = capacity;
    }

    synchronized void add(Logged logged) {
        if (events.size() == capacity) {
            events.removeLast();
        }
        events.addFirst(logged);
    }

    /** Up to {@code limit} events, newest first. */
    public synchronized List<Logged> newest(int limit) {
        List<Logged> newest = new ArrayList<>(Math.min(limit, events.size()));
        for (Iterator<Logged> it = events.iterator(); it.hasNext() && newest.size() < limit; ) {
            newest.add(it.next());
        }
        return newest;
    }

    public int capacity() {
        return capacity;
    }
}
