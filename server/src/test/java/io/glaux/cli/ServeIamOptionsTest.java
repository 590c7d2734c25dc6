package io.glaux.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code glaux serve --enforce-iam --iam-file ... --alerts ...} as a process, reached by real clients. */
class ServeIamOptionsTest {

    @TempDir
    Path folder;

    private static StsClient sts(URI endpoint, String key, String secret) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build();
    }

    @Test
    void enforcedIamKnowsTheSeededUsersAndRefusesUnknownKeysWhileTheAlertRulesAreLoaded() throws Exception {
        Path seed = folder.resolve("iam.json");
        Files.writeString(seed, """
                {"users": [{"name": "alice", "accessKeys": [{"accessKeyId": "AKIAALICE00000000001",
                  "secretAccessKey": "alice-secret"}]}]}""");
        Path alerts = folder.resolve("alerts.json");
        Files.writeString(alerts, """
                {"Rules": [{"Name": "failed", "EventPattern": {"detail": {"currentState": ["FAILED"]}},
                  "Targets": [{"Id": "hook", "HttpEndpoint": "http://127.0.0.1:9/alerts"}]}]}""");
        try (ServeProcess glaux = ServeProcess.start(folder.resolve("data"), folder.resolve("logs"), "iam",
                "--enforce-iam", "--iam-file", seed.toString(), "--alerts", alerts.toString())) {
            assertThat(Files.readString(glaux.out())).contains("Enforcing IAM").contains("Alerts: 1 rule(s)");
            try (StsClient alice = sts(glaux.endpoint(), "AKIAALICE00000000001", "alice-secret")) {
                GetCallerIdentityResponse me = alice.getCallerIdentity();
                assertThat(me.arn()).isEqualTo("arn:aws:iam::000000000000:user/alice");
                assertThat(me.account()).isEqualTo("000000000000");
            }
            try (StsClient root = sts(glaux.endpoint(), "test", "test")) {
                assertThat(root.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            }
            try (StsClient wrong = sts(glaux.endpoint(), "AKIAALICE00000000001", "not-her-secret")) {
                assertThatThrownBy(wrong::getCallerIdentity).isInstanceOf(StsException.class)
                        .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                .isEqualTo("SignatureDoesNotMatch"));
            }
            try (StsClient stranger = sts(glaux.endpoint(), "AKIANOBODY0000000000", "x")) {
                assertThatThrownBy(stranger::getCallerIdentity).isInstanceOf(StsException.class)
                        .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                .isEqualTo("InvalidClientTokenId"));
            }
            HttpResponse<String> rules = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    glaux.endpoint().resolve("/_glaux/alerts")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(rules.body());
            assertThat(body.path("Rules").get(0).path("Name").asText()).isEqualTo("failed");
        }
    }
}
