package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visual kind of a dashboard computed by Glaux's visual-data endpoint, over a SPICE dataset and over a
 * DIRECT_QUERY one, equal to the same SQL run directly through Athena.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisualDataApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().sampleData(true).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
        athena = QuickSightClients.athena(server);
        String ingestion = ShopDashboard.createDataSet(quickSight, "orders", DataSetImportMode.SPICE);
        ShopDashboard.createDataSet(quickSight, "orders-live", DataSetImportMode.DIRECT_QUERY);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders").ingestionId(ingestion))
                .ingestion().ingestionStatus() != IngestionStatus.COMPLETED) {
            assertThat(System.nanoTime()).as("first ingestion").isLessThan(deadline);
            Thread.sleep(25);
        }
        for (String id : List.of("orders", "orders-live")) {
            String arn = "arn:aws:quicksight:us-east-1:000000000000:dataset/" + id;
            quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop-" + id).name("Shop " + id)
                    .definition(ShopDashboard.definition(arn)));
        }
    }

    @AfterAll
    void stop() {
        quickSight.close();
        athena.close();
        server.close();
    }

    @Test
    void everySpiceVisualEqualsTheSameSqlThroughAthena() throws Exception {
        for (String visual : ShopDashboard.visualIds()) {
            JsonNode data = visualData("shop-orders", visual, "{}");
            assertThat(data.get("Source").asText()).isEqualTo("SPICE");
            assertThat(data.has("QueryExecutionId")).isFalse();
            assertThat(data.get("Rows")).as(visual).isNotEmpty();
            assertThat(sorted(rows(data))).as(visual).isEqualTo(sorted(athenaRows(ShopDashboard.EXPECTED.get(visual))));
        }
        JsonNode bar = visualData("shop-orders", "by-channel", "{}");
        assertThat(bar.get("Columns").findValuesAsText("Name")).containsExactly("channel-f", "quantity-f");
        List<BigDecimal> quantities = new ArrayList<>();
        bar.get("Rows").forEach(row -> quantities.add(row.get(1).decimalValue()));
        assertThat(quantities).as("a bar chart is sorted by its measure, descending")
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void directQueryVisualsRunAthenaQueriesWithTheSameAnswers() throws Exception {
        for (String visual : ShopDashboard.visualIds()) {
            JsonNode data = visualData("shop-orders-live", visual, "{}");
            assertThat(data.get("Source").asText()).isEqualTo("DIRECT_QUERY");
            String queryId = data.get("QueryExecutionId").asText();
            assertThat(athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds()).contains(queryId);
            assertThat(data.get("DataScannedInBytes").asLong()).isPositive();
            assertThat(sorted(rows(data))).as(visual)
                    .isEqualTo(sorted(rows(visualData("shop-orders", visual, "{}"))));
        }
    }

    @Test
    void sourceForcesWhereAVisualIsComputedSoBothWaysCanBeCompared() throws Exception {
        for (String visual : ShopDashboard.visualIds()) {
            JsonNode live = visualData("shop-orders", visual, "{\"Source\": \"DIRECT_QUERY\"}");
            assertThat(live.get("Source").asText()).isEqualTo("DIRECT_QUERY");
            assertThat(athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds())
                    .contains(live.get("QueryExecutionId").asText());
            assertThat(sorted(rows(live))).as(visual).isEqualTo(sorted(rows(visualData("shop-orders", visual,
                    "{\"Source\": \"SPICE\"}"))));
        }
        HttpResponse<String> noSpiceCopy = post("/glaux/quicksight/accounts/000000000000/dashboards/shop-orders-live"
                + "/visuals/total/data", "{\"Source\": \"SPICE\"}");
        assertThat(noSpiceCopy.statusCode()).as(noSpiceCopy.body()).isEqualTo(400);
        assertThat(noSpiceCopy.body()).contains("orders-live is not imported into SPICE");
        HttpResponse<String> unknown = post("/glaux/quicksight/accounts/000000000000/dashboards/shop-orders"
                + "/visuals/total/data", "{\"Source\": \"CACHE\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Member must satisfy enum value set: [SPICE, DIRECT_QUERY]");
    }

    @Test
    void aColumnsDistinctValuesComeFromWhereTheDatasetsRowsAre() throws Exception {
        List<List<String>> expected = athenaRows("SELECT DISTINCT country FROM (" + ShopDashboard.ROWS + ")"
                + " WHERE country IS NOT NULL ORDER BY 1");
        assertThat(expected).hasSizeGreaterThan(3);
        JsonNode spice = columnValues("orders", "country", "{}");
        assertThat(spice.get("Source").asText()).isEqualTo("SPICE");
        assertThat(rows(spice)).isEqualTo(expected);
        JsonNode live = columnValues("orders-live", "country", "{\"MaxValues\": 3}");
        assertThat(live.get("Source").asText()).isEqualTo("DIRECT_QUERY");
        assertThat(live.get("QueryExecutionId").asText()).isNotEmpty();
        assertThat(rows(live)).isEqualTo(expected.subList(0, 3));

        HttpResponse<String> unknown = post("/glaux/quicksight/accounts/000000000000/data-sets/orders/columns/nope"
                + "/values", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Data set orders has no column nope.");
        assertThat(post("/glaux/quicksight/accounts/000000000000/data-sets/missing/columns/country/values", "{}")
                .statusCode()).isEqualTo(404);
    }

    private JsonNode columnValues(String dataSet, String column, String body) throws Exception {
        HttpResponse<String> response = post("/glaux/quicksight/accounts/000000000000/data-sets/" + dataSet
                + "/columns/" + column + "/values", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void unknownVisualsAndDashboardsAreNotFound() throws Exception {
        HttpResponse<String> missing = post("/glaux/quicksight/accounts/000000000000/dashboards/shop-orders/visuals"
                + "/nope/data", "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(post("/glaux/quicksight/accounts/000000000000/dashboards/none/visuals/total/data", "{}")
                .statusCode()).isEqualTo(404);
        assertThat(post("/glaux/quicksight/accounts/000000000000/dashboards/shop-orders/visuals/total/data",
                "{\"DrillDown\": 3}").statusCode()).isEqualTo(400);
    }

    private JsonNode visualData(String dashboard, String visual, String body) throws Exception {
        HttpResponse<String> response = post("/glaux/quicksight/accounts/000000000000/dashboards/" + dashboard
                + "/visuals/" + visual + "/data", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The rows with numbers normalised (so 12.5000 and 12.5 are equal). */
    private static List<List<String>> rows(JsonNode data) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : data.get("Rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null : v.isNumber() ? normal(v.decimalValue()) : v.asText()));
            rows.add(values);
        }
        return rows;
    }

    private List<List<String>> athenaRows(String sql) throws InterruptedException {
        return AthenaQueries.rows(athena, sql).stream().map(row -> row.stream().map(v -> v == null ? null
                : v.matches("-?\\d+(\\.\\d+)?") ? normal(new BigDecimal(v)) : v).toList()).toList();
    }

    private static String normal(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
