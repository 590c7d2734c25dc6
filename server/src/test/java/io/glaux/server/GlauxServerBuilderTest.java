package io.glaux.server;

import io.glaux.Glaux;
import io.glaux.exec.QueryState;
import io.glaux.server.faults.FaultRule;
import io.glaux.server.faults.FaultRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlauxServerBuilderTest {

    private static String health(GlauxServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aTemporaryServerServesOnAFreePortAndDeletesItsFolderOnClose() throws Exception {
        Path folder;
        try (GlauxServer server = GlauxServer.builder().start()) {
            folder = server.glaux().dataFolder();
            assertThat(server.port()).isPositive();
            assertThat(server.endpoint()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(health(server)).contains("\"athena\"", "\"s3\"");
            assertThat(Files.isDirectory(folder)).isTrue();
            assertThat(server.glaux().catalog().getDatabase("shop")).isEmpty();
            assertThat(server.glaux().execute("SELECT 1").state()).isEqualTo(QueryState.SUCCEEDED);
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void aGivenFolderIsKeptAndSampleDataIsInstalledOnRequest(@TempDir Path data) throws Exception {
        try (GlauxServer server = GlauxServer.builder().dataFolder(data).sampleData(true).maxConcurrentQueries(1)
                .start()) {
            assertThat(server.glaux().catalog().getTable("shop", "products")).isPresent();
        }
        assertThat(data.resolve(".glaux/sample-data-installed")).exists();
    }

    private static int athenaCall(GlauxServer server, String operation) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonAthena." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void faultRulesFromAFileAreInForceFromTheFirstRequest(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("faults.json");
        Files.writeString(file, """
                {"seed": 3, "rules": [{"service": "athena", "operations": ["ListWorkGroups"],
                                       "error": "ThrottlingException"}]}""");
        try (GlauxServer server = GlauxServer.builder().faults(file).start()) {
            assertThat(server.faults().rules()).isEqualTo(FaultRules.parse(Files.readString(file)));
            assertThat(athenaCall(server, "ListWorkGroups")).isEqualTo(400);
            assertThat(athenaCall(server, "ListDataCatalogs")).isEqualTo(200);
            assertThat(server.faults().injected()).isEqualTo(1);
        }
    }

    @Test
    void aServerWithoutFaultRulesInjectsNothing() throws Exception {
        try (GlauxServer server = GlauxServer.builder().start()) {
            assertThat(server.faults().rules()).isEqualTo(FaultRules.NONE);
            assertThat(athenaCall(server, "ListWorkGroups")).isEqualTo(200);
        }
    }

    @Test
    void aRulesFileWithAMistakeStopsTheServerFromStarting(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("faults.json");
        Files.writeString(file, "{\"rules\": [{\"service\": \"s3\", \"error\": \"Throttling\"}]}");
        assertThatThrownBy(() -> GlauxServer.builder().faults(file).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faults.json: rules[0].error.code: s3 faults are one of");
    }

    @Test
    void queryRulesApplyToTheCallersEngineOnlyWhileTheServerRuns(@TempDir Path data) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            FaultRules failEverything = FaultRules.of(FaultRule.failQueries(null,
                    new FaultRule.QueryFailure(3, 9999, false, "injected")));
            try (GlauxServer server = GlauxServer.start(glaux, "127.0.0.1", 0, failEverything)) {
                assertThat(glaux.execute("SELECT 1").status().stateChangeReason()).isEqualTo("injected");
            }
            assertThat(glaux.execute("SELECT 1").state()).isEqualTo(QueryState.SUCCEEDED);
        }
    }
}
