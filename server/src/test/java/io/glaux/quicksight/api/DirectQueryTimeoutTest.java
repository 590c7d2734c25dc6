package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import io.glaux.server.faults.FaultRules;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** A visual's direct query that runs past its time limit is stopped and answered with QuickSight's timeout. */
class DirectQueryTimeoutTest {

    @Test
    void aSlowDirectQueryIsStoppedAndAnsweredWithQuickSightsTimeout() throws Exception {
        // The donut's query (its field status-f) stays RUNNING for 30 s; the server allows a visual 5 s.
        FaultRules slowStatus = FaultRules.parse("""
                {"rules": [{"service": "athena", "sql": "status-f", "latency": 30000}]}""");
        try (GlauxServer server = GlauxServer.builder().sampleData(true).syncWrites(false).faults(slowStatus)
                .directQueryTimeout(Duration.ofSeconds(5)).start();
             QuickSightClient quickSight = QuickSightClients.quickSight(server);
             AthenaClient athena = QuickSightClients.athena(server)) {
            ShopDashboard.createDataSet(quickSight, "orders", DataSetImportMode.DIRECT_QUERY);
            quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop")
                    .definition(ShopDashboard.definition("arn:aws:quicksight:us-east-1:000000000000:dataset/orders")));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> slow = post(http, server, "by-status");
            assertThat(slow.statusCode()).as(slow.body()).isEqualTo(400);
            assertThat(slow.headers().firstValue("x-amzn-ErrorType")).contains("QueryTimeoutException");
            assertThat(slow.body()).contains("ran for more than 5 seconds");
            String stopped = slow.body().replaceAll(".*direct query ([0-9a-f-]{36}).*", "$1");
            assertThat(athena.getQueryExecution(b -> b.queryExecutionId(stopped)).queryExecution().status().state())
                    .as("the query behind the visual is cancelled").isEqualTo(QueryExecutionState.CANCELLED);
        }
    }

    private static HttpResponse<String> post(HttpClient http, GlauxServer server, String visual) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                        + "/glaux/quicksight/accounts/000000000000/dashboards/shop/visuals/" + visual + "/data"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
