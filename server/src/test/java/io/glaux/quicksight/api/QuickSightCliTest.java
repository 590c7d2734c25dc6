package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 (Debian's awscli, {@code /usr/bin/aws}) through QuickSight's main flow against Glaux: an Athena
 * data source, three SPICE datasets and their ingestions, a dashboard with one visual of each kind, lists, a delete
 * and a missing dataset. Each visual's data, from Glaux's endpoint, equals its SQL run through the CLI's Athena.
 */
@Tag("clients")
class QuickSightCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli cli;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliCreatesDatasetsIngestsThemAndBuildsADashboardWhoseVisualsMatchAthena() throws Exception {
        Path queries = QuickSightClientFlow.writeQueries(out);
        Path script = QuickSightClientFlow.inputs().resolve("cli-session.sh");
        ExternalClient.Result result = cli.script(script, Duration.ofMinutes(5), server.endpoint(),
                QuickSightClientFlow.inputs().toString(), out.toString(), queries.toString());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, String> facts = QuickSightClientFlow.facts(result.stdout());
        assertThat(facts.get("CLI_VERSION")).as(result.describe()).startsWith("aws-cli/2.");

        new QuickSightClientFlow(out).check(facts, this::visualData);

        // A missing dataset: the CLI's exit code for a service error, and QuickSight's error code.
        assertThat(facts).containsEntry("MISSING_EXIT", "254");
        assertThat(facts.get("MISSING_ERROR")).startsWith(
                "An error occurred (ResourceNotFoundException) when calling the DescribeDataSet operation:")
                .contains("orders-table");
    }

    private JsonNode visualData(String visual) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                            + "/glaux/quicksight/accounts/" + QuickSightClientFlow.ACCOUNT + "/dashboards/shop/visuals/"
                            + visual + "/data")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
