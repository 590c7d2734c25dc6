package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.server.GlauxServer;
import io.glaux.sql.QueryContext;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.WorkgroupConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK for JavaScript v3 ({@code @aws-sdk/client-athena}, pinned in js-client/package.json) against Glaux:
 * {@code node query.mjs} starts a query, polls it, pages through GetQueryResults with the SDK's paginator and prints
 * the rows as JSON. The SDK sends {@code x-amz-target} in lower case and signs for service {@code athena}.
 */
@Tag("clients")
class AthenaJsSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKGROUP = "js";

    @TempDir
    static Path data;

    private static Path node;
    private static Path project;
    private static Glaux glaux;
    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        node = ExternalClient.requireAny(List.of(Path.of("/usr/bin/node"), Path.of("/usr/local/bin/node")),
                "install Node.js 20+");
        project = ExternalClient.testResourceSource("js-client");
        ExternalClient.requireFile(project.resolve("node_modules/@aws-sdk/client-athena/package.json"),
                "run npm ci in server/src/test/resources/js-client");
        glaux = Glaux.builder().dataFolder(data).build();
        new SampleDataInstaller(glaux).installOnFirstStart();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        Files.createDirectories(data.resolve("js-results"));
        glaux.workgroups().create(WORKGROUP, "JavaScript SDK", new WorkgroupConfiguration(
                ResultConfiguration.NONE.withOutputLocation("s3://js-results/athena/"), true, true, null, false,
                "AUTO"), Map.of());
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

    private static JsonNode query(String sql, Integer pageSize) throws Exception {
        List<String> command = new ArrayList<>(List.of(node.toString(), "query.mjs", server.endpoint(), WORKGROUP,
                "shop", sql));
        if (pageSize != null) {
            command.add(pageSize.toString());
        }
        ExternalClient.Result result = ExternalClient.run(command, project,
                Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1",
                        "NODE_NO_WARNINGS", "1"),
                Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return JSON.readTree(result.stdout());
    }

    private static List<List<String>> rows(JsonNode output) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : output.path("rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(value.isNull() ? null : value.asText()));
            rows.add(values);
        }
        return rows;
    }

    @Test
    void rowsOfEveryKindArriveExactlyAcrossPages() throws Exception {
        JsonNode output = query("""
                SELECT x, CAST(upper(y) AS varchar) AS y, CAST(NULL AS varchar) AS n,
                       DATE '2024-01-02' + x * INTERVAL '1' DAY AS d, x * 1.5 AS h, x > 2 AS big, ARRAY[x, x * 10] AS arr
                FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')) AS t(x, y) ORDER BY x""", 2);
        assertThat(output.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(output.path("columns").findValuesAsText("name")).containsExactly("x", "y", "n", "d", "h", "big",
                "arr");
        assertThat(output.path("columns").findValuesAsText("type")).containsExactly("integer", "varchar", "varchar",
                "date", "decimal", "boolean", "array");
        assertThat(rows(output)).containsExactly(
                java.util.Arrays.asList("1", "A", null, "2024-01-03", "1.5", "false", "[1, 10]"),
                java.util.Arrays.asList("2", "B", null, "2024-01-04", "3.0", "false", "[2, 20]"),
                java.util.Arrays.asList("3", "C", null, "2024-01-05", "4.5", "true", "[3, 30]"),
                java.util.Arrays.asList("4", "D", null, "2024-01-06", "6.0", "true", "[4, 40]"),
                java.util.Arrays.asList("5", "E", null, "2024-01-07", "7.5", "true", "[5, 50]"));
        // Header plus five rows, two to a page.
        assertThat(output.path("pages").asInt()).isEqualTo(3);
    }

    @Test
    void aJoinWithAggregatesMatchesTheEngine() throws Exception {
        String sql = """
                SELECT c.country, count(*) AS orders, sum(o.quantity) AS units
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                WHERE o.status = 'completed' GROUP BY c.country ORDER BY orders DESC, c.country LIMIT 5""";
        JsonNode output = query(sql, null);
        assertThat(output.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(output.path("columns").findValuesAsText("type")).containsExactly("varchar", "bigint", "bigint");
        QueryExecution done = glaux.execute(QueryRequest.of(sql).withContext(new QueryContext("awsdatacatalog",
                "shop")));
        assertThat(done.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(rows(output)).hasSize(5).isEqualTo(glaux.results(done.queryExecutionId()).rows());
        assertThat(output.path("pages").asInt()).isEqualTo(1);
        // The query ran in the workgroup the SDK named, with its results where the workgroup puts them.
        String id = output.path("queryExecutionId").asText();
        QueryExecution viaSdk = glaux.queries().get(id).orElseThrow();
        assertThat(viaSdk.workgroup()).isEqualTo(WORKGROUP);
        assertThat(viaSdk.outputLocation()).isEqualTo("s3://js-results/athena/" + id + ".csv");
    }

    @Test
    void aFailedQueryAndItsRefusedResultsAreTheSdksModeledErrors() throws Exception {
        JsonNode output = query("SELECT nope FROM orders", null);
        assertThat(output.path("state").asText()).isEqualTo("FAILED");
        assertThat(output.path("reason").asText()).isEqualTo(
                "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
        JsonNode error = output.path("resultsError");
        assertThat(error.path("name").asText()).isEqualTo("InvalidRequestException");
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("message").asText()).isEqualTo("Query did not finish successfully. Final query state:"
                + " FAILED\nCOLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
    }
}
