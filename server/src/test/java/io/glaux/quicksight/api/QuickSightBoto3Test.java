package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.athena.api.ExternalClient;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 ({@code /usr/bin/python3} with Debian's python3-boto3) through QuickSight's main flow against Glaux: an
 * Athena data source, three SPICE datasets and their ingestions, a dashboard with one visual of each kind, lists
 * through the paginators, a delete and a missing dataset. Each visual's data, fetched with urllib from Glaux's
 * endpoint, equals its SQL run through boto3's Athena client.
 */
@Tag("clients")
class QuickSightBoto3Test {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path BOTO3 = Path.of("/usr/lib/python3/dist-packages/boto3/__init__.py");

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(PYTHON, "apt-get install -y python3");
        ExternalClient.requireFile(BOTO3, "apt-get install -y python3-boto3");
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void boto3CreatesDatasetsIngestsThemAndBuildsADashboardWhoseVisualsMatchAthena() throws Exception {
        Path queries = QuickSightClientFlow.writeQueries(out);
        Path script = QuickSightClientFlow.inputs().resolve("boto3_session.py");
        ExternalClient.Result result = ExternalClient.run(List.of(PYTHON.toString(), script.toString(),
                server.endpoint(), QuickSightClientFlow.inputs().toString(), out.toString(), queries.toString()), out,
                ExternalClient.awsEnvironment(out), Duration.ofMinutes(4));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, String> facts = QuickSightClientFlow.facts(result.stdout());
        assertThat(facts.get("BOTO3_VERSION")).as(result.describe()).startsWith("1.");

        QuickSightClientFlow flow = new QuickSightClientFlow(out);
        for (String visual : ShopDashboard.visualIds()) {
            assertThat(facts).containsEntry("VISUAL_" + visual, "200");
        }
        flow.check(facts, visual -> flow.read("visual-" + visual + ".json"));

        // A missing dataset: a ClientError of QuickSight's modeled ResourceNotFoundException, HTTP 404.
        assertThat(facts).containsEntry("MISSING_ERROR", "ResourceNotFoundException")
                .containsEntry("MISSING_STATUS", "404").containsEntry("MISSING_MODELED", "True");
        assertThat(facts.get("MISSING_MESSAGE")).contains("orders-table");
    }
}
