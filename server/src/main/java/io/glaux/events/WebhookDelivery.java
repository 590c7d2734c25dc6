package io.glaux.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs events to their targets from a bounded queue, on threads of its own, as EventBridge delivers to an API
 * destination: the body is the event's JSON ({@code Content-Type: application/json}) plus the target's headers; a
 * 2xx answer delivers it; a 429, a 5xx, a timeout or a refused connection is retried with exponential backoff
 * (doubling from the initial delay up to the maximum) while the target's RetryPolicy allows; any other 4xx fails it
 * at once. {@link #submit} never blocks: when {@code capacity} deliveries are already pending, the new one is DROPPED.
 * Pending deliveries live in memory and end with the server.
 */
public final class WebhookDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final int capacity;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledThreadPoolExecutor workers;
    /** Made at the first delivery: an HTTP client sets up TLS, which would cost every start without alert rules. */
    private volatile HttpClient client;

    /**
     * @param capacity deliveries that may be pending (queued or waiting for a retry) at once
     * @param initialBackoff the wait before the first retry; each further retry waits twice as long
     * @param maxBackoff the longest wait between two attempts
     */
    public WebhookDelivery(int capacity, Duration initialBackoff, Duration maxBackoff) {
        if (capacity < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("capacity >= 1 and 0 <= initial backoff <= maximum backoff");
        }
        this.capacity = capacity;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "glaux-alerts-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = made;
                }
            }
        }
        return made;
    }

    /** Queues {@code delivery}; it is DROPPED at once when the queue is full or delivery has stopped. */
    void submit(Delivery delivery) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            delivery.finish(Delivery.State.DROPPED);
            LOG.warn("Alert delivery queue full ({} pending): dropped event {} for {}/{}", capacity,
                    delivery.event().id(), delivery.rule().name(), delivery.target().id());
            return;
        }
        schedule(delivery, Duration.ZERO);
    }

    /** Deliveries queued or waiting for a retry now. */
    public int pending() {
        return pending.get();
    }

    private void schedule(Delivery delivery, Duration delay) {
        try {
            workers.schedule(() -> attempt(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            end(delivery, Delivery.State.DROPPED);
        }
    }

    private void attempt(Delivery delivery) {
        AlertRule.Target target = delivery.target();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.endpoint()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.event().toJson().toString(),
                        StandardCharsets.UTF_8));
        Integer status = null;
        String error = null;
        try {
            target.headers().forEach(request::header);
            status = client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(delivery, Delivery.State.DROPPED);
            return;
        }
        delivery.attempted(status, error);
        if (status != null && status >= 200 && status < 300) {
            end(delivery, Delivery.State.DELIVERED);
            return;
        }
        boolean retryable = status == null || status == 429 || status == 408 || status >= 500;
        Duration wait = backoff(delivery.attempts());
        Instant next = Instant.now().plus(wait);
        boolean young = next.isBefore(delivery.event().time().plus(target.maximumEventAge()));
        if (retryable && delivery.attempts() <= target.maximumRetryAttempts() && young) {
            delivery.retryAt(next);
            schedule(delivery, wait);
        } else {
            end(delivery, Delivery.State.FAILED);
            LOG.warn("Alert delivery of event {} to {}/{} failed after {} attempt(s): {}", delivery.event().id(),
                    delivery.rule().name(), target.id(), delivery.attempts(),
                    status != null ? "HTTP " + status : error);
        }
    }

    private void end(Delivery delivery, Delivery.State state) {
        delivery.finish(state);
        pending.decrementAndGet();
    }

    /** The wait after {@code attempts} failed attempts: initial × 2^(attempts−1), at most the maximum. */
    Duration backoff(int attempts) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < attempts && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Stops delivering; what is still pending is dropped. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
