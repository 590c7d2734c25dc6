package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EventEnvelope event(String state) {
        ObjectNode detail = AwsJson.object();
        detail.put("currentState", state);
        return EventEnvelope.now(AthenaQueryEvents.DETAIL_TYPE, AthenaQueryEvents.SOURCE, "000000000000",
                "us-east-1", List.of(), detail);
    }

    private static Delivery delivery(WebhookReceiver receiver, int retries) {
        AlertRule.Target target = new AlertRule.Target("hook", receiver.uri(), Map.of("X-Token", "secret"),
                retries, Duration.ofMinutes(10));
        AlertRule rule = new AlertRule("r", "", "{\"source\": [\"aws.athena\"]}", true, List.of(target));
        return new Delivery(event("FAILED"), rule, target);
    }

    private static void awaitEnd(Delivery delivery) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (delivery.state() == Delivery.State.PENDING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void anEventIsPostedAsEventBridgeJsonWithTheTargetsHeaders() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             WebhookDelivery webhooks = new WebhookDelivery(10, Duration.ofMillis(20), Duration.ofMillis(200))) {
            Delivery delivery = delivery(receiver, 3);
            webhooks.submit(delivery);
            awaitEnd(delivery);
            assertThat(delivery.state()).isEqualTo(Delivery.State.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(1);
            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.body().path("detail-type").asText()).isEqualTo("Athena Query State Change");
            assertThat(got.body().path("version").asText()).isEqualTo("0");
            assertThat(got.body().path("detail").path("currentState").asText()).isEqualTo("FAILED");
            assertThat(got.headers().get("X-token")).containsExactly("secret");
            assertThat(got.headers().get("Content-type")).containsExactly("application/json");
            assertThat(webhooks.pending()).isZero();
        }
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsTheEventWhenItComesBack() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down();
             WebhookDelivery webhooks = new WebhookDelivery(10, Duration.ofMillis(50), Duration.ofMillis(200))) {
            Delivery delivery = delivery(receiver, 185);
            webhooks.submit(delivery);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (delivery.attempts() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(delivery.state()).isEqualTo(Delivery.State.PENDING);
            assertThat(delivery.toJson().path("lastError").asText()).contains("ConnectException");
            receiver.up();
            awaitEnd(delivery);
            assertThat(delivery.state()).isEqualTo(Delivery.State.DELIVERED);
            assertThat(delivery.attempts()).isGreaterThanOrEqualTo(4);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedAndOtherClientErrorsAreNot() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             WebhookDelivery webhooks = new WebhookDelivery(10, Duration.ofMillis(10), Duration.ofMillis(50))) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer(() -> switch (calls.incrementAndGet()) {
                case 1 -> 503;
                case 2 -> 429;
                default -> 204;
            });
            Delivery retried = delivery(receiver, 5);
            webhooks.submit(retried);
            awaitEnd(retried);
            assertThat(retried.state()).isEqualTo(Delivery.State.DELIVERED);
            assertThat(retried.attempts()).isEqualTo(3);

            receiver.answer(() -> 400);
            Delivery refused = delivery(receiver, 5);
            webhooks.submit(refused);
            awaitEnd(refused);
            assertThat(refused.state()).isEqualTo(Delivery.State.FAILED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.toJson().path("lastStatusCode").asInt()).isEqualTo(400);

            receiver.answer(() -> 500);
            Delivery exhausted = delivery(receiver, 2);
            webhooks.submit(exhausted);
            awaitEnd(exhausted);
            assertThat(exhausted.state()).isEqualTo(Delivery.State.FAILED);
            assertThat(exhausted.attempts()).isEqualTo(3);
        }
    }

    @Test
    void aFullQueueDropsNewDeliveriesInsteadOfBlocking() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down();
             WebhookDelivery webhooks = new WebhookDelivery(2, Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            Delivery first = delivery(receiver, 185);
            Delivery second = delivery(receiver, 185);
            Delivery third = delivery(receiver, 185);
            long started = System.nanoTime();
            webhooks.submit(first);
            webhooks.submit(second);
            webhooks.submit(third);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(third.state()).isEqualTo(Delivery.State.DROPPED);
            assertThat(webhooks.pending()).isEqualTo(2);
            assertThat(first.state()).isEqualTo(Delivery.State.PENDING);
        }
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        try (WebhookDelivery webhooks = new WebhookDelivery(1, Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            assertThat(List.of(webhooks.backoff(1), webhooks.backoff(2), webhooks.backoff(3), webhooks.backoff(4),
                    webhooks.backoff(50))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
        }
    }
}
