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
import software.amazon.awssdk.services.quicksight.model.DataSourceType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** The dataset editor's preview: a dataset's first rows before it is saved, compiled as CreateDataSet compiles it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSetPreviewApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/glaux/quicksight/accounts/000000000000/data-sets/preview";
    private static final String SOURCE = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";

    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().sampleData(true).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
        athena = QuickSightClients.athena(server);
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA));
    }

    @AfterAll
    void stop() {
        quickSight.close();
        athena.close();
        server.close();
    }

    @Test
    void previewShowsTheTransformedRowsAsAthenaComputesThemAndStoresNothing() throws Exception {
        JsonNode preview = preview("""
                {"Name": "Orders", "ImportMode": "SPICE", "MaxRows": 5,
                 "PhysicalTableMap": {"orders": {"RelationalTable": {"DataSourceArn": "%s", "Catalog": "AwsDataCatalog",
                   "Schema": "shop", "Name": "orders", "InputColumns": [
                     {"Name": "order_id", "Type": "INTEGER"}, {"Name": "quantity", "Type": "INTEGER"},
                     {"Name": "channel", "Type": "STRING"}]}}},
                 "LogicalTableMap": {"orders": {"Alias": "orders", "Source": {"PhysicalTableId": "orders"},
                   "DataTransforms": [
                     {"RenameColumnOperation": {"ColumnName": "channel", "NewColumnName": "sales_channel"}},
                     {"CreateColumnsOperation": {"Columns": [{"ColumnName": "double_quantity", "ColumnId": "dq",
                       "Expression": "quantity * 2"}]}},
                     {"FilterOperation": {"ConditionExpression": "quantity > 1"}},
                     {"ProjectOperation": {"ProjectedColumns": ["order_id", "sales_channel", "double_quantity"]}}]}}}
                """.formatted(SOURCE), 200);
        assertThat(preview.get("Columns").findValuesAsText("Name"))
                .containsExactly("order_id", "sales_channel", "double_quantity");
        assertThat(preview.get("Source").asText()).isEqualTo("DIRECT_QUERY");
        assertThat(athena.listQueryExecutions(b -> b.workGroup("primary")).queryExecutionIds())
                .contains(preview.get("QueryExecutionId").asText());
        List<List<String>> rows = new ArrayList<>();
        preview.get("Rows").forEach(row -> rows.add(List.of(row.get(0).asText(), row.get(1).asText(),
                row.get(2).asText())));
        assertThat(rows).hasSize(5);
        for (List<String> row : rows) {
            assertThat(AthenaQueries.rows(athena, "SELECT order_id, channel, quantity * 2 FROM shop.orders"
                    + " WHERE quantity > 1 AND order_id = " + row.get(0))).containsExactly(row);
        }
        assertThat(quickSight.listDataSets(b -> b.awsAccountId(ACCOUNT)).dataSetSummaries()).isEmpty();
    }

    @Test
    void aBadExpressionIsRefusedAsCreateDataSetRefusesIt() throws Exception {
        JsonNode error = preview("""
                {"Name": "Orders", "ImportMode": "DIRECT_QUERY",
                 "PhysicalTableMap": {"orders": {"CustomSql": {"DataSourceArn": "%s", "Name": "orders",
                   "SqlQuery": "SELECT quantity FROM shop.orders", "Columns": [{"Name": "quantity", "Type": "INTEGER"}]}}},
                 "LogicalTableMap": {"orders": {"Alias": "orders", "Source": {"PhysicalTableId": "orders"},
                   "DataTransforms": [{"CreateColumnsOperation": {"Columns": [{"ColumnName": "bad", "ColumnId": "b",
                     "Expression": "quantity * nosuch"}]}}]}}}
                """.formatted(SOURCE), 400);
        assertThat(error.get("Message").asText()).contains("nosuch");
    }

    @Test
    void aBadCustomSqlGivesAthenasError() throws Exception {
        JsonNode error = preview("""
                {"Name": "Bad", "ImportMode": "DIRECT_QUERY",
                 "PhysicalTableMap": {"bad": {"CustomSql": {"DataSourceArn": "%s", "Name": "bad",
                   "SqlQuery": "SELECT nope FROM shop.orders", "Columns": [{"Name": "nope", "Type": "STRING"}]}}}}
                """.formatted(SOURCE), 400);
        assertThat(error.get("Message").asText()).contains("SQL exception").contains("nope");
        preview("{\"Name\": \"x\", \"ImportMode\": \"SPICE\", \"MaxRows\": 0, \"PhysicalTableMap\": {}}", 400);
    }

    private JsonNode preview(String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
