package io.glaux.server;

import io.glaux.exec.QueryState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
