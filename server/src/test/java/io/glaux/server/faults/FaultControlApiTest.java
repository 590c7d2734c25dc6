package io.glaux.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /_glaux/faults}: unsigned requests on the server's own port, driving the same rules as faults(). */
class FaultControlApiTest {

    private static GlauxServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void noFaults() {
        server.faults().clear();
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/_glaux/faults"));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return new Answer(response.statusCode(), FaultJson.MAPPER.readTree(response.body()));
    }

    private static int athenaCall(String operation) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonAthena." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void rulesPutAreReadBackWithTheirStatisticsAndDeletedAgain() throws Exception {
        Answer put = send("PUT", """
                {"seed": 42, "rules": [{"service": "athena", "operations": ["ListWorkGroups"], "times": 1,
                                        "error": "ThrottlingException"}]}""");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("seed").asLong()).isEqualTo(42);
        assertThat(put.body().at("/rules/0/id").asText()).isEqualTo("rule-1");
        assertThat(server.faults().rules().rules()).hasSize(1);

        assertThat(athenaCall("ListWorkGroups")).isEqualTo(400);
        assertThat(athenaCall("ListWorkGroups")).isEqualTo(200);

        Answer get = send("GET", null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body().get("injected").asLong()).isEqualTo(1);
        assertThat(get.body().get("stats")).isEqualTo(FaultJson.MAPPER.readTree(
                "[{\"id\": \"rule-1\", \"matched\": 2, \"injected\": 1, \"remaining\": 0}]"));
        assertThat(FaultRules.parse(get.body().toString())).isEqualTo(server.faults().rules());

        Answer deleted = send("DELETE", null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("rules")).isEmpty();
        assertThat(server.faults().rules().rules()).isEmpty();
    }

    @Test
    void rulesPostedAreAddedAfterTheCurrentOnesWhichKeepTheirStatistics() throws Exception {
        send("PUT", "{\"rules\": [{\"service\": \"athena\", \"operations\": \"ListWorkGroups\", \"latency\": 1}]}");
        athenaCall("ListWorkGroups");
        Answer posted = send("POST", "{\"rules\": [{\"service\": \"s3\", \"error\": \"SlowDown\","
                + " \"probability\": 0.1}]}");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body().get("rules")).extracting(rule -> rule.get("id").asText())
                .containsExactly("rule-1", "rule-2");
        assertThat(posted.body().at("/stats/0/injected").asLong()).isEqualTo(1);
        assertThat(posted.body().at("/stats/1/injected").asLong()).isZero();
    }

    @Test
    void malformedJsonIsAClearBadRequestAndChangesNothing() throws Exception {
        server.faults().set(FaultRule.s3().withLatency(1));
        Answer answer = send("PUT", "{\"rules\": [{\"service\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("MalformedJson");
        assertThat(answer.body().get("message").asText()).startsWith("Malformed JSON: ");
        assertThat(server.faults().rules().rules()).hasSize(1);
    }

    @Test
    void invalidRulesAreABadRequestNamingTheMemberAndChangeNothing() throws Exception {
        server.faults().set(FaultRule.s3().withLatency(1));
        Answer answer = send("PUT", "{\"rules\": [{\"service\": \"s3\", \"error\": \"SlowDown\","
                + " \"probability\": 1.5}]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("InvalidFaultRules");
        assertThat(answer.body().get("message").asText())
                .isEqualTo("rules[0].probability: must be between 0 and 1, not 1.5");

        Answer unknown = send("PUT", "{\"rules\": [{\"service\": \"athena\", \"operations\": [\"StartQuery\"],"
                + " \"error\": \"ThrottlingException\"}]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText()).contains("athena has no operation 'StartQuery'");
        assertThat(server.faults().rules().rules()).hasSize(1);
    }
}
