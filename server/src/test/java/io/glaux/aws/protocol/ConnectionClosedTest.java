package io.glaux.aws.protocol;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that closes its connection before its request's body has arrived: the protocol has nobody to answer and
 * nothing failed in the service, so it logs that at debug level, not as an internal error with a stack trace, and the
 * server goes on answering.
 */
class ConnectionClosedTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Watched> watched = new ArrayList<>();

    private record Watched(Logger logger, Level level, ListAppender<ILoggingEvent> events) {
    }

    @AfterEach
    void unwatch() {
        for (Watched w : watched) {
            w.logger().detachAppender(w.events());
            w.logger().setLevel(w.level());
        }
    }

    private ListAppender<ILoggingEvent> watch(Class<?> protocol) {
        Logger logger = (Logger) LoggerFactory.getLogger(protocol);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        watched.add(new Watched(logger, logger.getLevel(), events));
        logger.setLevel(Level.DEBUG);
        logger.addAppender(events);
        return events;
    }

    /** Sends the head of a POST that promises 100 bytes of body, then 10 of them, and closes the connection. */
    private static void sendHalfAndClose(GlauxServer server, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").append("{\"Max\": 12").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
        }
    }

    private static void awaitDebug(ListAppender<ILoggingEvent> events) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (events.list.stream().noneMatch(e -> e.getLevel() == Level.DEBUG
                && e.getFormattedMessage().contains("connection closed")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void anAwsJsonCallWhoseClientLeftMidBodyIsNoInternalErrorAndTheServerGoesOn() throws Exception {
        ListAppender<ILoggingEvent> events = watch(AwsJsonProtocol.class);
        try (GlauxServer server = GlauxServer.builder().start()) {
            sendHalfAndClose(server, "X-Amz-Target: AmazonAthena.ListWorkGroups",
                    "Content-Type: application/x-amz-json-1.1");
            awaitDebug(events);

            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains("AmazonAthena.ListWorkGroups") && m.contains("connection closed"));
            assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                    .header("X-Amz-Target", "AmazonAthena.ListWorkGroups")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).contains("\"WorkGroups\"");
        }
    }

    @Test
    void aQueryProtocolCallWhoseClientLeftMidBodyIsNoInternalErrorAndTheServerGoesOn() throws Exception {
        ListAppender<ILoggingEvent> events = watch(QueryProtocol.class);
        try (GlauxServer server = GlauxServer.builder().start()) {
            sendHalfAndClose(server, "Authorization: " + QueryProtocolTest.IAM_SCOPE,
                    "Content-Type: application/x-www-form-urlencoded; charset=utf-8");
            awaitDebug(events);

            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.contains("connection closed"));
            assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "/?Action=ListRoles&Version=2010-05-08")).header("Authorization", QueryProtocolTest.IAM_SCOPE)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }
}
