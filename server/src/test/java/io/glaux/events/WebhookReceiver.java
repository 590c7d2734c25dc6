package io.glaux.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A local HTTP endpoint that records what is POSTed to it and answers with the status its {@code answer} gives; it
 * can be stopped and started again on the same port, like a receiver that is down for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    record Received(JsonNode body, Map<String, List<String>> headers) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntSupplier answer = () -> 200;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free port. */
    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(0);
        receiver.listen(0);
        return receiver;
    }

    /** A receiver that is down now, on a port that was free a moment ago. */
    static WebhookReceiver down() {
        WebhookReceiver probe = start();
        int port = probe.port();
        probe.stop();
        WebhookReceiver receiver = new WebhookReceiver(port);
        return receiver;
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.getAsInt();
            if (status >= 200 && status < 300) {
                received.add(new Received(MAPPER.readTree(body), Map.copyOf(exchange.getRequestHeaders())));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Starts listening again on the same port. */
    void up() {
        listen(port());
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    int port() {
        return server != null ? server.getAddress().getPort() : port;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/alerts");
    }

    void answer(IntSupplier statuses) {
        this.answer = statuses;
    }

    /** Requests that reached it, whatever it answered. */
    int requests() {
        return requests.get();
    }

    List<Received> received() {
        return received;
    }

    /** Waits until {@code count} bodies were accepted. */
    List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        stop();
    }
}
