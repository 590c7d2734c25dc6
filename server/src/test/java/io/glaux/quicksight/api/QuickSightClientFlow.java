package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main QuickSight flow as an external client (the AWS CLI, boto3) runs it with the inputs in
 * {@code src/test/resources/quicksight-clients}: an Athena data source; three SPICE datasets (a table, custom SQL
 * with a join, a logical join with a calculated column and a filter); their first ingestions; a dashboard with one
 * visual of each kind over the custom SQL dataset; lists; a deleted dataset. The client writes its answers to a
 * folder, and runs the queries of {@link #queries()} through Athena; this class checks the answers against those
 * queries' rows.
 */
final class QuickSightClientFlow {

    static final String ACCOUNT = QuickSightClients.ACCOUNT;
    static final String ARN = "arn:aws:quicksight:us-east-1:000000000000:";
    static final List<String> DATA_SETS = List.of("orders-table", "orders-sql", "orders-joined");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;

    QuickSightClientFlow(Path out) {
        this.out = out;
    }

    /** The folder of the client scripts and their JSON inputs. */
    static Path inputs() {
        return ExternalClient.testResourceSource("quicksight-clients");
    }

    /**
     * The Athena queries a client runs, by label: each dataset's rows counted over the shop's tables, and each
     * visual's SQL ({@link ShopDashboard#EXPECTED}).
     */
    static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("count-orders-table", "SELECT count(*) FROM shop.orders");
        queries.put("count-orders-sql", "SELECT count(*) FROM (" + ShopDashboard.ROWS + ")");
        queries.put("count-orders-joined", "SELECT count(*) FROM shop.orders o JOIN shop.customers c"
                + " ON o.customer_id = c.customer_id"
                + " WHERE o.status <> 'cancelled' AND o.quantity * o.unit_price > 100.005");
        for (String visual : ShopDashboard.visualIds()) {
            queries.put(visual, ShopDashboard.EXPECTED.get(visual));
        }
        return queries;
    }

    /** Writes {@link #queries()} as the scripts read them, one "label TAB sql" a line. */
    static Path writeQueries(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        queries().forEach((label, sql) -> text.append(label).append('\t').append(sql).append('\n'));
        return Files.writeString(folder.resolve("queries.tsv"), text);
    }

    static Map<String, String> facts(String stdout) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                facts.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return facts;
    }

    JsonNode read(String file) {
        try {
            return JSON.readTree(out.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows (without the header) of the Athena query of that label, numbers normalised. */
    List<List<String>> athenaRows(String label) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : read("athena-" + label + ".json").path("ResultSet").path("Rows")) {
            List<String> values = new ArrayList<>();
            for (JsonNode datum : row.path("Data")) {
                String v = datum.has("VarCharValue") ? datum.get("VarCharValue").asText() : null;
                values.add(v != null && v.matches("-?\\d+(\\.\\d+)?") ? normal(new BigDecimal(v)) : v);
            }
            rows.add(values);
        }
        assertThat(rows).as(label + ": header row").isNotEmpty();
        return rows.subList(1, rows.size());
    }

    /** The rows of a visual-data answer, numbers normalised (so 12.5000 and 12.5 are equal). */
    static List<List<String>> visualRows(JsonNode data) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : data.get("Rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null : v.isNumber() ? normal(v.decimalValue()) : v.asText()));
            rows.add(values);
        }
        return rows;
    }

    /**
     * Asserts that two sets of rows are the same in any order: rows are paired by their text values (a visual's
     * dimensions are unique), then numbers are equal up to a relative 1e-9. The CLI and boto3 of Debian know no
     * InputColumn SubType, so a DECIMAL column is QuickSight's FLOAT, and its sums can differ from Athena's exact
     * decimal sums in the last binary digits.
     */
    static void assertSameRows(String what, List<List<String>> actual, List<List<String>> expected) {
        List<List<String>> a = sorted(actual);
        List<List<String>> e = sorted(expected);
        assertThat(a).as(what + ": row count, " + a + " vs " + e).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            List<String> row = a.get(i);
            List<String> other = e.get(i);
            assertThat(row).as(what).hasSameSizeAs(other);
            for (int c = 0; c < row.size(); c++) {
                String x = row.get(c);
                String y = other.get(c);
                if (x != null && y != null && isNumber(x) && isNumber(y)) {
                    BigDecimal dx = new BigDecimal(x);
                    BigDecimal dy = new BigDecimal(y);
                    BigDecimal scale = dx.abs().max(dy.abs()).max(BigDecimal.ONE);
                    assertThat(dx.subtract(dy).abs()).as(what + ": " + row + " vs " + other)
                            .isLessThanOrEqualTo(scale.multiply(new BigDecimal("1e-9")));
                } else {
                    assertThat(x).as(what + ": " + row + " vs " + other).isEqualTo(y);
                }
            }
        }
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    /** Sorted by their text values only. */
    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(row -> row.stream().map(v -> v == null ? "\u0000" : isNumber(v) ? "" : v)
                .toList().toString()));
        return copy;
    }

    private static String normal(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /**
     * Checks everything the client wrote and printed (its facts), with each visual's data from
     * {@code visualData} (visual id to the endpoint's JSON answer).
     */
    void check(Map<String, String> facts, Function<String, JsonNode> visualData) {
        assertThat(facts).containsEntry("DONE", "ok");

        // 1. The data source, as created and described.
        assertThat(read("create-data-source.json").path("Arn").asText()).isEqualTo(ARN + "datasource/athena");
        JsonNode source = read("describe-data-source.json").path("DataSource");
        assertThat(source.path("DataSourceId").asText()).isEqualTo("athena");
        assertThat(source.path("Type").asText()).isEqualTo("ATHENA");
        assertThat(source.path("DataSourceParameters").path("AthenaParameters").path("WorkGroup").asText())
                .isEqualTo("primary");

        // 2 and 3. Each dataset, its first ingestion COMPLETED with as many rows as Athena counts.
        for (String id : DATA_SETS) {
            assertThat(facts).as(id).containsEntry("ATHENA_count-" + id, "SUCCEEDED");
            List<List<String>> count = athenaRows("count-" + id);
            assertThat(count).hasSize(1);
            long rows = Long.parseLong(count.get(0).get(0));
            assertThat(rows).as(id).isPositive();

            JsonNode created = read("create-" + id + ".json");
            assertThat(created.path("Arn").asText()).isEqualTo(ARN + "dataset/" + id);
            String ingestionId = facts.get("INGESTION_ID_" + id);
            assertThat(created.path("IngestionId").asText()).as(id).isEqualTo(ingestionId);
            assertThat(created.path("IngestionArn").asText()).isEqualTo(ARN + "dataset/" + id + "/ingestion/"
                    + ingestionId);

            JsonNode ingestion = read("ingestion-" + id + ".json").path("Ingestion");
            assertThat(facts).as(ingestion.toString()).containsEntry("INGESTION_" + id, "COMPLETED");
            assertThat(ingestion.path("IngestionStatus").asText()).isEqualTo("COMPLETED");
            assertThat(ingestion.path("RowInfo").path("RowsIngested").asLong()).as(id).isEqualTo(rows);
            assertThat(ingestion.path("RowInfo").path("RowsDropped").asLong()).as(id).isZero();
            assertThat(ingestion.path("RowInfo").path("TotalRowsInDataset").asLong()).as(id).isEqualTo(rows);
            assertThat(ingestion.path("RequestType").asText()).isEqualTo("INITIAL_INGESTION");
            assertThat(read("ingestions-" + id + ".json").path("Ingestions").findValuesAsText("IngestionId"))
                    .containsExactly(ingestionId);

            JsonNode dataSet = read("describe-" + id + ".json").path("DataSet");
            assertThat(dataSet.path("ImportMode").asText()).isEqualTo("SPICE");
            assertThat(dataSet.path("ConsumedSpiceCapacityInBytes").asLong()).as(id).isPositive();
        }
        assertThat(read("describe-orders-table.json").path("DataSet").path("OutputColumns").findValuesAsText("Name"))
                .containsExactly("order_id", "customer_id", "status", "channel", "quantity", "unit_price",
                        "ordered_at");
        assertThat(read("describe-orders-sql.json").path("DataSet").path("OutputColumns").findValuesAsText("Name"))
                .containsExactly("channel", "status", "country", "quantity", "revenue", "ordered_at");
        JsonNode joined = read("describe-orders-joined.json").path("DataSet");
        assertThat(joined.path("OutputColumns").findValuesAsText("Name")).contains("order_id", "country", "revenue");
        assertThat(joined.path("LogicalTableMap").path("joined").path("DataTransforms").findValuesAsText(
                "ConditionExpression")).containsExactly("{status} <> 'cancelled' AND {revenue} > 100.005");

        // 4. The dashboard, described with its definition.
        assertThat(facts).containsEntry("DASHBOARD_STATUS", "CREATION_SUCCESSFUL");
        JsonNode created = read("create-dashboard.json");
        assertThat(created.path("Arn").asText()).isEqualTo(ARN + "dashboard/shop");
        assertThat(created.path("DashboardId").asText()).isEqualTo("shop");
        JsonNode dashboard = read("describe-dashboard.json").path("Dashboard");
        assertThat(dashboard.path("Name").asText()).isEqualTo("Shop");
        assertThat(dashboard.path("Version").path("VersionNumber").asLong()).isEqualTo(1);
        assertThat(dashboard.path("Version").path("Description").asText()).isEqualTo("first");
        assertThat(dashboard.path("Version").path("DataSetArns").get(0).asText()).isEqualTo(ARN + "dataset/orders-sql");
        JsonNode definition = read("describe-dashboard-definition.json");
        assertThat(definition.path("DashboardId").asText()).isEqualTo("shop");
        assertThat(definition.path("ResourceStatus").asText()).isEqualTo("CREATION_SUCCESSFUL");
        List<String> kinds = new ArrayList<>();
        List<String> visualIds = new ArrayList<>();
        for (JsonNode visual : definition.path("Definition").path("Sheets").get(0).path("Visuals")) {
            visual.fieldNames().forEachRemaining(kinds::add);
            visualIds.addAll(visual.findValuesAsText("VisualId"));
        }
        assertThat(kinds).containsExactly("BarChartVisual", "LineChartVisual", "PieChartVisual", "TableVisual",
                "PivotTableVisual", "KPIVisual");
        assertThat(visualIds).isEqualTo(ShopDashboard.visualIds());
        assertThat(definition.path("Definition").path("DataSetIdentifierDeclarations").get(0).path("DataSetArn")
                .asText()).isEqualTo(ARN + "dataset/orders-sql");

        // 5. Each visual's data equals its SQL through Athena.
        for (String visual : ShopDashboard.visualIds()) {
            assertThat(facts).containsEntry("ATHENA_" + visual, "SUCCEEDED");
            JsonNode data = visualData.apply(visual);
            assertThat(data.path("Source").asText()).as(visual).isEqualTo("SPICE");
            assertThat(data.path("Rows")).as(visual).isNotEmpty();
            assertSameRows(visual, visualRows(data), athenaRows(visual));
        }

        // 6. Lists, and a deleted dataset.
        assertThat(read("list-dashboards.json").path("DashboardSummaryList").findValuesAsText("DashboardId"))
                .containsExactly("shop");
        assertThat(read("list-data-sources.json").path("DataSources").findValuesAsText("DataSourceId"))
                .containsExactly("athena");
        assertThat(read("list-data-sets-before.json").path("DataSetSummaries").findValuesAsText("DataSetId"))
                .containsExactlyInAnyOrderElementsOf(DATA_SETS);
        JsonNode deleted = read("delete-data-set.json");
        assertThat(deleted.path("DataSetId").asText()).isEqualTo("orders-table");
        assertThat(deleted.path("Arn").asText()).isEqualTo(ARN + "dataset/orders-table");
        assertThat(read("list-data-sets-after.json").path("DataSetSummaries").findValuesAsText("DataSetId"))
                .containsExactlyInAnyOrder("orders-sql", "orders-joined");
    }
}
