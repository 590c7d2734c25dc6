package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.GenerateEmbedUrlForAnonymousUserRequest;
import software.amazon.awssdk.services.quicksight.model.GenerateEmbedUrlForAnonymousUserResponse;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.SessionLifetimeInMinutesInvalidException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embed URLs: a dashboard alone on this server, opened once within five minutes, for the session's lifetime. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedUrlApiTest {

    private static final String DASHBOARD_ARN = "arn:aws:quicksight:us-east-1:000000000000:dashboard/shop";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private GlauxServer server;
    private QuickSightClient quickSight;

    @BeforeAll
    void start(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).clock(clock).start();
        quickSight = QuickSightClients.quickSight(server);
        ShopDashboard.createDataSet(quickSight, "orders", DataSetImportMode.DIRECT_QUERY);
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop")
                .definition(ShopDashboard.definition("arn:aws:quicksight:us-east-1:000000000000:dataset/orders")));
    }

    @AfterAll
    void stop() {
        quickSight.close();
        server.close();
    }

    @Test
    void anAnonymousEmbedUrlShowsTheDashboardOnceAndThenInTheSessionItOpened() throws Exception {
        GenerateEmbedUrlForAnonymousUserResponse generated = anonymous(b -> b
                .allowedDomains("http://localhost:3000"));
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.anonymousUserArn())
                .isEqualTo("arn:aws:quicksight:us-east-1:000000000000:user/default/QuickSightEmbeddingAnonymousUser");
        String url = generated.embedUrl();
        assertThat(url).startsWith(server.endpoint() + "/embed/").contains("/dashboards/shop?code=")
                .endsWith("&identityprovider=quicksight&isauthcode=true");

        HttpResponse<String> first = get(url, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("/js/embed.js");
        assertThat(first.headers().firstValue("Content-Security-Policy"))
                .contains("frame-ancestors http://localhost:3000");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        assertThat(get(url, null).statusCode()).as("the code is used once").isEqualTo(403);
        assertThat(get(url, cookie).statusCode()).as("the browser that opened it keeps its session").isEqualTo(200);
        assertThat(get(url.replace("/dashboards/shop?", "/dashboards/other?"), cookie).statusCode()).isEqualTo(403);

        clock.advance(Duration.ofMinutes(601));
        assertThat(get(url, cookie).statusCode()).as("the session lasts 600 minutes by default").isEqualTo(403);
    }

    @Test
    void anEmbedUrlNotOpenedWithinFiveMinutesExpires() throws Exception {
        String url = anonymous(b -> b.sessionLifetimeInMinutes(15L)).embedUrl();
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> late = get(url, null);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("Embedding failed");
    }

    @Test
    void aRegisteredUserGetsAUrlForTheirAccountsDashboard() throws Exception {
        String url = quickSight.generateEmbedUrlForRegisteredUser(b -> b.awsAccountId(ACCOUNT)
                .userArn("arn:aws:quicksight:us-east-1:000000000000:user/default/analyst")
                .experienceConfiguration(e -> e.dashboard(d -> d.initialDashboardId("shop")))).embedUrl();
        assertThat(get(url, null).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> quickSight.generateEmbedUrlForRegisteredUser(b -> b.awsAccountId(ACCOUNT)
                .userArn("arn:aws:iam::000000000000:user/analyst")
                .experienceConfiguration(e -> e.dashboard(d -> d.initialDashboardId("shop")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("is not a QuickSight user");
    }

    @Test
    void refusalsAreQuickSightsErrors() {
        assertThatThrownBy(() -> anonymous(b -> b.authorizedResourceArns(
                "arn:aws:quicksight:us-east-1:000000000000:dashboard/other")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("AuthorizedResourceArns");
        assertThatThrownBy(() -> anonymous(b -> b.experienceConfiguration(e -> e.dashboard(d -> d
                .initialDashboardId("missing"))).authorizedResourceArns(List.of())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> anonymous(b -> b.sessionLifetimeInMinutes(5L)))
                .isInstanceOf(SessionLifetimeInMinutesInvalidException.class);
        assertThatThrownBy(() -> anonymous(b -> b.namespace("team")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Namespace team");
    }

    private GenerateEmbedUrlForAnonymousUserResponse anonymous(
            Consumer<GenerateEmbedUrlForAnonymousUserRequest.Builder> change) {
        GenerateEmbedUrlForAnonymousUserRequest.Builder request = GenerateEmbedUrlForAnonymousUserRequest.builder()
                .awsAccountId(ACCOUNT).namespace("default").authorizedResourceArns(DASHBOARD_ARN)
                .experienceConfiguration(e -> e.dashboard(d -> d.initialDashboardId("shop")));
        change.accept(request);
        return quickSight.generateEmbedUrlForAnonymousUser(request.build());
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
