package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.Glaux;
import io.glaux.clients.AwsCli;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.results.AthenaCsv;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.server.GlauxServer;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 (Debian's awscli, {@code /usr/bin/aws}) against Glaux: a shell session creates a bucket and a
 * workgroup, runs DDL, a CTAS, joins and aggregates, pages through 20,000 rows, reads the result object back
 * through {@code aws s3}, and meets a failed query and a client error. The script prints its facts; the larger
 * outputs are files this test checks against the engine's own answers.
 */
@Tag("clients")
class AthenaCliTest {

    private static final String BUCKET = "cli-results";
    private static final String WORKGROUP = "cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static Glaux glaux;
    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        glaux = Glaux.builder().dataFolder(data).build();
        new SampleDataInstaller(glaux).installOnFirstStart();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (glaux != null) {
            glaux.close();
        }
    }

    @Test
    void aCliSessionRunsQueriesPagesResultsAndReadsObjects() throws Exception {
        Path script = ExternalClient.testResourceSource("aws-cli").resolve("athena-session.sh");
        ExternalClient.Result result = cli.script(script, Duration.ofMinutes(4), server.endpoint(), BUCKET, WORKGROUP,
                out.toString());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, String> facts = facts(result.stdout());
        assertThat(facts).as(result.describe()).containsEntry("DONE", "ok");
        assertThat(facts.get("CLI_VERSION")).startsWith("aws-cli/2.");

        // The workgroup as created.
        assertThat(facts).containsEntry("WORKGROUP_OUTPUT", "s3://" + BUCKET + "/athena/");
        assertThat(facts.get("WORKGROUPS").split(" ")).contains("primary", WORKGROUP);

        // DDL, CTAS and a join over both.
        assertThat(facts).containsEntry("CREATE_DATABASE", "SUCCEEDED").containsEntry("CREATE_TABLE", "SUCCEEDED")
                .containsEntry("CTAS", "SUCCEEDED")
                .containsEntry("CTAS_UPDATE_COUNT", "3").containsEntry("NOTES_JOIN", "SUCCEEDED");
        assertThat(read("CREATE_TABLE.execution.json").path("QueryExecution").path("StatementType").asText())
                .isEqualTo("DDL");
        assertThat(rows(read("notes-join.json"))).containsExactly(List.of("id", "text", "upper_text"),
                List.of("1", "hello", "HELLO"), List.of("2", "world", "WORLD"), List.of("3", "again", "AGAIN"));
        assertThat(rows(read("show-tables.json"))).containsExactly(List.of("notes"), List.of("notes_upper"));

        // A join with aggregates: the rows the CLI shows are the engine's, header first.
        assertThat(facts).containsEntry("AGGREGATE", "SUCCEEDED");
        JsonNode aggregate = read("aggregate.json");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("country", "orders", "units", "avg_price"));
        expected.addAll(engineRows("""
                SELECT c.country, count(*) AS orders, sum(o.quantity) AS units, round(avg(o.unit_price), 2) AS avg_price
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                GROUP BY c.country ORDER BY orders DESC, c.country"""));
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(rows(aggregate)).isEqualTo(expected);
        assertThat(aggregate.path("ResultSet").path("ResultSetMetadata").path("ColumnInfo").findValuesAsText("Type"))
                .containsExactly("varchar", "bigint", "bigint", "decimal");

        // More than 1000 rows: 21 pages of at most 1000, and the last page ends the pagination (no NextToken).
        assertThat(facts).containsEntry("ORDERS", "SUCCEEDED");
        long orderCount = Long.parseLong(engineRows("SELECT count(*) FROM orders").get(0).get(0));
        assertThat(orderCount).isGreaterThan(1000);
        JsonNode orders = read("orders.json");
        List<List<String>> orderRows = rows(orders);
        assertThat(orderRows).hasSize((int) orderCount + 1);
        assertThat(orderRows.get(0)).containsExactly("order_id", "customer_id", "status", "order_date");
        assertThat(orders.has("NextToken")).as("NextToken after the last page").isFalse();
        assertThat(facts).containsEntry("ORDERS_REQUESTS", String.valueOf(orderCount / 1000 + 1));
        assertThat(orderRows.subList(1, orderRows.size())).isEqualTo(engineRows(
                "SELECT order_id, customer_id, status, order_date FROM orders ORDER BY order_id"));

        // The CLI's own NextToken (--max-items) resumes exactly where it stopped.
        JsonNode first = read("orders-first.json");
        JsonNode rest = read("orders-rest.json");
        assertThat(rows(first)).hasSize(2500);
        assertThat(first.path("NextToken").asText()).isNotEmpty();
        assertThat(rest.has("NextToken")).isFalse();
        List<List<String>> joined = new ArrayList<>(rows(first));
        joined.addAll(rows(rest));
        assertThat(joined).isEqualTo(orderRows);

        // The result object through the S3 endpoint holds the same rows, header included.
        String id = facts.get("ORDERS_ID");
        assertThat(read("ORDERS.execution.json").path("QueryExecution").path("ResultConfiguration")
                .path("OutputLocation").asText()).isEqualTo("s3://" + BUCKET + "/athena/" + id + ".csv");
        assertThat(csvRows(out.resolve("orders.csv"))).isEqualTo(orderRows);
        assertThat(facts).containsEntry("ORDERS_CSV_STDOUT_LINES", String.valueOf(orderCount + 1));
        assertThat(Files.readString(out.resolve("ls-results.txt"))).contains(" " + id + ".csv\n",
                " " + id + ".csv.metadata\n");
        assertThat(Files.readString(out.resolve("ls-buckets.txt"))).contains(" " + BUCKET + "\n");
        assertThat(Files.readString(out.resolve("ls-recursive.txt"))).contains(" data/notes/notes.csv\n",
                " athena/" + id + ".csv\n");

        // Bad SQL: FAILED with Athena's reason, and GetQueryResults refused (the CLI exits 254 on service errors).
        assertThat(facts).containsEntry("BAD_SQL", "FAILED").containsEntry("BAD_SQL_RESULTS_EXIT", "254");
        JsonNode badStatus = read("BAD_SQL.execution.json").path("QueryExecution").path("Status");
        assertThat(badStatus.path("StateChangeReason").asText())
                .isEqualTo("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        assertThat(badStatus.path("AthenaError").path("ErrorCategory").asInt()).isEqualTo(2);
        assertThat(facts.get("BAD_SQL_RESULTS_ERROR")).isEqualTo("An error occurred (InvalidRequestException) when"
                + " calling the GetQueryResults operation: Query did not finish successfully. Final query state:"
                + " FAILED COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        assertThat(facts).containsEntry("MISSING_EXIT", "254").containsEntry("MISSING_ERROR", "An error occurred"
                + " (InvalidRequestException) when calling the GetQueryExecution operation: QueryExecution"
                + " no-such-query was not found");
    }

    private static Map<String, String> facts(String stdout) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                facts.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return facts;
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(out.resolve(file).toFile());
    }

    /** A GetQueryResults output's rows; a datum without VarCharValue (NULL) is null. */
    private static List<List<String>> rows(JsonNode results) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : results.path("ResultSet").path("Rows")) {
            List<String> values = new ArrayList<>();
            for (JsonNode datum : row.path("Data")) {
                values.add(datum.has("VarCharValue") ? datum.get("VarCharValue").asText() : null);
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<List<String>> csvRows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            AthenaCsv.RowReader csv = new AthenaCsv.RowReader(reader);
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows the engine itself answers for {@code sql} in database shop (without the header). */
    private static List<List<String>> engineRows(String sql) throws IOException {
        QueryExecution done = glaux.execute(QueryRequest.of(sql).withContext(new QueryContext("awsdatacatalog",
                "shop")));
        assertThat(done.state()).as(String.valueOf(done.status().stateChangeReason())).isEqualTo(QueryState.SUCCEEDED);
        return glaux.results(done.queryExecutionId()).rows();
    }
}
