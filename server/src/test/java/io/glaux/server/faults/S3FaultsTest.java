package io.glaux.server.faults;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S3 faults as the AWS SDK for Java v2's S3 client (standard retry mode, 3 attempts) and the wire see them. */
class S3FaultsTest {

    private static GlauxServer server;
    private static final Attempts attempts = new Attempts();
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().start();
        s3 = attempts.s3(server);
        s3.createBucket(b -> b.bucket("lake"));
        s3.putObject(b -> b.bucket("lake").key("raw/2024/a.csv"), RequestBody.fromString("1,a\n"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @BeforeEach
    void noFaults() {
        server.faults().clear();
        attempts.clear();
    }

    @Test
    void theSdkRetriesAPutAnsweredSlowDownTwiceAndTheObjectIsStored() {
        server.faults().set(FaultRule.s3("PutObject").withBucket("lake").withError("SlowDown").withTimes(2));

        s3.putObject(b -> b.bucket("lake").key("in/b.csv"), RequestBody.fromString("2,b\n"));

        assertThat(attempts.statuses()).containsExactly(503, 503, 200);
        assertThat(server.faults().injected()).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("lake").key("in/b.csv")).asUtf8String()).isEqualTo("2,b\n");
    }

    @Test
    void theSdkRetriesAGetAnsweredSlowDownAndReadsTheObject() {
        server.faults().set(FaultRule.s3("GetObject").withError("SlowDown").withTimes(1));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/2024/a.csv")).asUtf8String())
                .isEqualTo("1,a\n");
        assertThat(attempts.statuses()).containsExactly(503, 200);
        assertThat(server.faults().stats().get(0)).isEqualTo(new RuleStats("rule-1", 2, 1, 0));
    }

    @Test
    void slowDownLooksOnTheWireLikeS3sXmlError() throws Exception {
        server.faults().set(FaultRule.s3("GetObject").withError("SlowDown"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.endpoint() + "/lake/raw/2024/a.csv"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=0")
                .header("x-amz-date", "20250101T000000Z").header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
        assertThat(requestId).matches("[0-9A-F]{16}");
        assertThat(response.headers().firstValue("x-amz-id-2")).isPresent();
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message><Resource>/lake/raw/2024/a.csv</Resource>"
                + "<RequestId>" + requestId + "</RequestId></Error>");
    }

    @Test
    void anInternalErrorOnEveryMatchingRequestSurfacesAfterTheSdksAttempts() {
        server.faults().set(FaultRule.s3("GetObject").withBucket("lake").withKey("raw/*.csv")
                .withError("InternalError"));

        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/2024/a.csv")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("We encountered an internal error. Please try again.");
                    assertThat(e.requestId()).matches("[0-9A-F]{16}");
                });
        assertThat(attempts.statuses()).containsExactly(500, 500, 500);
        assertThat(server.faults().injected()).isEqualTo(3);

        attempts.clear();
        s3.putObject(b -> b.bucket("lake").key("raw/c.json"), RequestBody.fromString("{}"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("lake").key("raw/c.json")).asUtf8String()).isEqualTo("{}");
        assertThat(attempts.statuses()).containsExactly(200, 200);
    }

    @Test
    void aMatchingRequestTakesAtLeastTheInjectedLatency() {
        server.faults().set(FaultRule.s3().withMethods("HEAD").withLatency(250, 350));
        long started = System.nanoTime();
        s3.headObject(b -> b.bucket("lake").key("raw/2024/a.csv"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(server.faults().injected()).isEqualTo(1);
    }
}
