package io.glaux.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.quicksight.api.QuickSightClients;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts through a running server: queries run with the AWS SDK, SPICE ingestions started through QuickSight's API,
 * rules set through the control API, events read back from {@code /_glaux/events} and received by a local webhook.
 */
class AlertsEndToEndTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private WebhookReceiver receiver;
    private GlauxServer server;
    private AthenaClient athena;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start();
        String rules = """
                {"Rules": [{"Name": "failed-queries",
                  "EventPattern": {"source": ["aws.athena"], "detail-type": ["Athena Query State Change"],
                                   "detail": {"currentState": ["FAILED"], "workgroupName": ["primary"]}},
                  "Targets": [{"Id": "receiver", "HttpEndpoint": "%s"}]},
                  {"Name": "failed-ingestions",
                  "EventPattern": {"source": ["glaux.quicksight"], "detail": {"currentState": ["FAILED"]}},
                  "Targets": [{"Id": "receiver", "HttpEndpoint": "%s"}]}]}""".formatted(receiver.uri(),
                receiver.uri());
        server = GlauxServer.builder().dataFolder(data).sampleData(true).alerts(AlertRules.parse(rules))
                .alertSettings(new Alerts.Settings(100, 100, Duration.ofMillis(50), Duration.ofMillis(200)))
                .start();
        athena = QuickSightClients.athena(server);
    }

    @AfterEach
    void stop() {
        athena.close();
        server.close();
        receiver.close();
    }

    private String run(String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            QueryExecutionState state = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution()
                    .status().state();
            if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                    || state == QueryExecutionState.CANCELLED) {
                return id;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("query " + id + " did not finish");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailedQueryIsDeliveredAsAnAthenaQueryStateChangeAndSucceededOnesAreOnlyLogged() throws Exception {
        String ok = run("SELECT count(*) FROM shop.orders");
        String failed = run("SELECT * FROM shop.no_such_table");

        List<WebhookReceiver.Received> got = receiver.await(1, WAIT);
        assertThat(got).hasSize(1);
        JsonNode event = got.get(0).body();
        assertThat(event.path("source").asText()).isEqualTo("aws.athena");
        assertThat(event.path("detail-type").asText()).isEqualTo("Athena Query State Change");
        assertThat(event.path("account").asText()).isEqualTo("000000000000");
        assertThat(event.path("region").asText()).isEqualTo("us-east-1");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("queryExecutionId").asText()).isEqualTo(failed);
        assertThat(detail.path("currentState").asText()).isEqualTo("FAILED");
        assertThat(detail.path("previousState").asText()).isEqualTo("RUNNING");
        assertThat(detail.path("statementType").asText()).isEqualTo("DML");
        assertThat(detail.path("workgroupName").asText()).isEqualTo("primary");
        assertThat(detail.path("sequenceNumber").asText()).isEqualTo("3");
        assertThat(detail.path("athenaError").path("errorMessage").asText()).contains("no_such_table");
        assertThat(detail.path("athenaError").path("errorCategory").asDouble()).isEqualTo(2.0);
        assertThat(detail.path("athenaError").path("retryable").isBoolean()).isTrue();

        // Every change of both queries is in the log, newest first; only the failure was delivered.
        JsonNode events = get("/_glaux/events?limit=50").path("events");
        List<String> okStates = new java.util.ArrayList<>();
        for (JsonNode logged : events) {
            JsonNode d = logged.path("event").path("detail");
            if (d.path("queryExecutionId").asText().equals(ok)) {
                okStates.add(0, d.path("currentState").asText());
                assertThat(logged.path("deliveries")).isEmpty();
            }
            if (d.path("queryExecutionId").asText().equals(failed) && d.path("currentState").asText().equals("FAILED")) {
                JsonNode delivery = logged.path("deliveries").get(0);
                assertThat(delivery.path("rule").asText()).isEqualTo("failed-queries");
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!delivery.path("state").asText().equals("DELIVERED") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    delivery = findDelivery(failed);
                }
                assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
            }
        }
        assertThat(okStates).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
    }

    private JsonNode findDelivery(String queryId) throws Exception {
        for (JsonNode logged : get("/_glaux/events").path("events")) {
            JsonNode d = logged.path("event").path("detail");
            if (d.path("queryExecutionId").asText().equals(queryId) && d.path("currentState").asText().equals("FAILED")) {
                return logged.path("deliveries").get(0);
            }
        }
        throw new AssertionError("no FAILED event for " + queryId);
    }

    @Test
    void aFailedSpiceIngestionIsDeliveredWithItsDataSetAndError() throws Exception {
        try (QuickSightClient quickSight = QuickSightClients.quickSight(server)) {
            quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                    .type(DataSourceType.ATHENA));
            run("CREATE VIEW shop.doomed AS SELECT order_id AS id FROM shop.orders");
            quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed").name("doomed")
                    .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("t", PhysicalTable.builder()
                            .relationalTable(r -> r.dataSourceArn("arn:aws:quicksight:us-east-1:000000000000"
                                    + ":datasource/athena").schema("shop").name("doomed").inputColumns(
                                    InputColumn.builder().name("id").type(InputColumnDataType.INTEGER).build()))
                            .build())));
            awaitIngestions(quickSight, "COMPLETED");
            run("DROP VIEW shop.doomed");
            quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed").ingestionId("second"));

            // The ingestion's Athena query fails, then the ingestion: both rules deliver, and the two name the same
            // query.
            List<JsonNode> got = receiver.await(2, WAIT).stream().map(WebhookReceiver.Received::body).toList();
            assertThat(got).extracting(e -> e.path("source").asText())
                    .containsExactlyInAnyOrder("aws.athena", "glaux.quicksight");
            JsonNode ingestion = got.stream().filter(e -> e.path("source").asText().equals("glaux.quicksight"))
                    .findFirst().orElseThrow();
            JsonNode query = got.stream().filter(e -> e.path("source").asText().equals("aws.athena"))
                    .findFirst().orElseThrow();
            assertThat(ingestion.path("detail").path("queryExecutionId").asText())
                    .isEqualTo(query.path("detail").path("queryExecutionId").asText());
            assertThat(query.path("detail").path("athenaError").path("errorMessage").asText())
                    .contains("TABLE_NOT_FOUND");
            assertThat(ingestion.path("detail-type").asText()).isEqualTo("QuickSight Ingestion State Change");
            JsonNode detail = ingestion.path("detail");
            assertThat(detail.path("dataSetId").asText()).isEqualTo("doomed");
            assertThat(detail.path("ingestionId").asText()).isEqualTo("second");
            assertThat(detail.path("currentState").asText()).isEqualTo("FAILED");
            assertThat(detail.path("previousState").asText()).isEqualTo("RUNNING");
            assertThat(detail.path("errorInfo").path("Type").asText()).isEqualTo("SQL_TABLE_NOT_FOUND");
            assertThat(ingestion.path("resources").get(0).asText())
                    .isEqualTo("arn:aws:quicksight:us-east-1:000000000000:dataset/doomed");
            assertThat(ingestion.path("resources").get(1).asText())
                    .isEqualTo("arn:aws:quicksight:us-east-1:000000000000:dataset/doomed/ingestion/second");
        }
    }

    /** Waits until every ingestion of dataset {@code doomed} has ended, and checks they ended in {@code state}. */
    private static void awaitIngestions(QuickSightClient quickSight, String state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var ingestions = quickSight.listIngestions(b -> b.awsAccountId(ACCOUNT).dataSetId("doomed")).ingestions();
            if (!ingestions.isEmpty() && ingestions.stream().allMatch(i -> List.of("COMPLETED", "FAILED", "CANCELLED")
                    .contains(i.ingestionStatusAsString()))) {
                assertThat(ingestions).allMatch(i -> i.ingestionStatusAsString().equals(state));
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("ingestions still running");
    }

    @Test
    void rulesAreChangedThroughTheControlApiAndInvalidOnesChangeNothing() throws Exception {
        HttpResponse<String> refused = send("PUT", "/_glaux/alerts", "{\"Rules\": [{\"Name\": \"x\","
                + " \"EventPattern\": {\"detail\": {\"currentState\": \"FAILED\"}}}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(refused.body()).path("error").asText()).isEqualTo("InvalidAlertRules");
        assertThat(get("/_glaux/alerts").path("Rules")).hasSize(2);

        HttpResponse<String> removed = send("DELETE", "/_glaux/alerts?name=failed-queries", "");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/_glaux/alerts?name=failed-queries", "").statusCode()).isEqualTo(404);
        HttpResponse<String> added = send("POST", "/_glaux/alerts", """
                {"Rules": [{"Name": "everything-failed", "EventPattern": {"detail": {"currentState": ["FAILED"]}},
                  "Targets": [{"Id": "r", "HttpEndpoint": "%s", "HttpParameters": {"HeaderParameters":
                  {"X-Glaux-Alert": "yes"}}}]}]}""".formatted(receiver.uri()));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(added.body()).path("Rules")).extracting(r -> r.path("Name").asText())
                .containsExactly("failed-ingestions", "everything-failed");

        run("SELECT * FROM nowhere.nothing");
        List<WebhookReceiver.Received> got = receiver.await(1, WAIT);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).headers().get("X-glaux-alert")).containsExactly("yes");
        assertThat(server.alerts().rules().rules()).hasSize(2);
    }
}
