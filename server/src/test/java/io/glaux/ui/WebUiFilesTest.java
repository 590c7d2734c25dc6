package io.glaux.ui;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's files are served unsigned from the class path, with their types, and nothing outside their folder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiFilesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private GlauxServer server;

    @BeforeAll
    void start() throws IOException {
        server = GlauxServer.builder().syncWrites(false).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesModulesAndStylesComeWithTheirTypes() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\"");
        HttpResponse<String> module = get("/js/aws/sigv4.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/javascript"));
        assertThat(module.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/css/glaux.css").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void pathsOutsideTheFolderAndMissingFilesAreNotFound() throws Exception {
        assertThat(get("/js/no-such-module.js").statusCode()).isEqualTo(404);
        // Jetty refuses an ambiguous path itself (400); one that reaches the route is not found.
        assertThat(get("/js/../../glaux/ui/WebUi.class").statusCode()).isIn(400, 404);
        assertThat(get("/js/%2e%2e/%2e%2e/META-INF/MANIFEST.MF").statusCode()).isIn(400, 404);
        assertThat(get("/js/aws/..%2f..%2findex.html").statusCode()).isIn(400, 404);
    }
}
