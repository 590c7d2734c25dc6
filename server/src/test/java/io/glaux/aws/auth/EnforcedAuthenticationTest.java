package io.glaux.aws.auth;

import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enforcement on, end to end: Athena (AWS JSON), S3 and QuickSight (REST-JSON) through the SDK's own clients with a
 * good key, a wrong secret, an unknown key, a session key without and with a wrong token, an expired session and a
 * skewed clock, each answered with the exact code, status and message the client sees, the server serving on
 * afterwards; S3's chunk-signed upload, presigned GET and expired presigned URL.
 */
class EnforcedAuthenticationTest {

    private static final String ACCOUNT = "000000000000";
    private static final Principal ALICE = Principal.user(ACCOUNT, "/", "alice", "AIDAALICE");
    private static final FixedCredentialStore STORE = new FixedCredentialStore(List.of(
            new SigningCredentials("AKIAALICE", "alice-secret", null, null, true, ALICE),
            new SigningCredentials("ASIASESSION", "session-secret", "token-1", Instant.now().plus(Duration.ofDays(1)),
                    true, Principal.assumedRole(ACCOUNT, "/", "reader", "AROAREADER", "s1")),
            new SigningCredentials("ASIAOLD", "old-secret", "token-old", Instant.now().minus(Duration.ofMinutes(1)),
                    true, Principal.assumedRole(ACCOUNT, "/", "reader", "AROAREADER", "s0"))));
    private static final AwsCredentials GOOD = AwsBasicCredentials.create("AKIAALICE", "alice-secret");
    private static final AwsCredentials WRONG_SECRET = AwsBasicCredentials.create("AKIAALICE", "not-the-secret");
    private static final AwsCredentials UNKNOWN = AwsBasicCredentials.create("AKIANOBODY", "whatever");
    private static final AwsCredentials NO_TOKEN = AwsBasicCredentials.create("ASIASESSION", "session-secret");
    private static final AwsCredentials WRONG_TOKEN = AwsSessionCredentials.create("ASIASESSION", "session-secret",
            "token-2");
    private static final AwsCredentials EXPIRED = AwsSessionCredentials.create("ASIAOLD", "old-secret", "token-old");
    private static final String SIGNATURE = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String EXPIRED_TOKEN = "The security token included in the request is expired";

    private static GlauxServer server;
    private static GlauxServer skewed;

    @BeforeAll
    static void start() throws IOException {
        server = GlauxServer.builder().syncWrites(false).credentials(STORE).enforceIam(true).start();
        skewed = GlauxServer.builder().syncWrites(false).credentials(STORE).enforceIam(true)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).start();
        // Authentication is what these tests check: alice (a user of the server's directory too) may use S3, Athena
        // and QuickSight.
        server.iam().createUser("alice", "/", List.of());
        server.iam().putInlinePolicy(EntityKind.USER, "alice", "s3", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"athena:*\",\"quicksight:*\"],\"Resource\":\"*\"}]}");
        // So may the sessions of the role reader.
        server.iam().createRole("reader", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}", null,
                null, List.of());
        server.iam().putInlinePolicy(EntityKind.ROLE, "reader", "read", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"athena:*\",\"quicksight:*\"],\"Resource\":\"*\"}]}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (skewed != null) {
            skewed.close();
        }
    }

    /** No retries: the SDK would otherwise correct a skewed clock by the server's Date and try again. */
    private static final Consumer<ClientOverrideConfiguration.Builder> NO_RETRY =
            o -> o.retryPolicy(RetryPolicy.none());

    private static AthenaClient athena(GlauxServer on, AwsCredentials credentials) {
        return AthenaClient.builder().endpointOverride(URI.create(on.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).overrideConfiguration(NO_RETRY)
                .build();
    }

    private static S3Client s3(GlauxServer on, AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(URI.create(on.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(NO_RETRY).build();
    }

    private static QuickSightClient quickSight(GlauxServer on, AwsCredentials credentials) {
        return QuickSightClient.builder().endpointOverride(URI.create(on.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).overrideConfiguration(NO_RETRY)
                .build();
    }

    private static void assertRefused(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).as(e.toString()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    private static void athenaAnswers(GlauxServer on) {
        try (AthenaClient athena = athena(on, GOOD)) {
            assertThat(athena.listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        }
    }

    @Test
    void athenaAnswersAGoodKeyAndRefusesEachBadOneInItsWords() {
        athenaAnswers(server);
        try (AthenaClient wrong = athena(server, WRONG_SECRET); AthenaClient unknown = athena(server, UNKNOWN);
             AthenaClient noToken = athena(server, NO_TOKEN); AthenaClient wrongToken = athena(server, WRONG_TOKEN);
             AthenaClient expired = athena(server, EXPIRED)) {
            assertRefused(() -> wrong.listWorkGroups(r -> { }), 400, "InvalidSignatureException", SIGNATURE);
            assertRefused(() -> unknown.listWorkGroups(r -> { }), 400, "UnrecognizedClientException", INVALID_TOKEN);
            assertRefused(() -> noToken.listWorkGroups(r -> { }), 400, "UnrecognizedClientException", INVALID_TOKEN);
            assertRefused(() -> wrongToken.listWorkGroups(r -> { }), 400, "UnrecognizedClientException",
                    INVALID_TOKEN);
            assertRefused(() -> expired.listWorkGroups(r -> { }), 400, "ExpiredTokenException", EXPIRED_TOKEN);
        }
        try (AthenaClient session = athena(server, AwsSessionCredentials.create("ASIASESSION", "session-secret",
                "token-1"))) {
            assertThat(session.listWorkGroups(r -> { }).workGroups()).isNotEmpty();
        }
        athenaAnswers(server);
    }

    @Test
    void aSkewedClockIsSignatureExpired() {
        try (AthenaClient athena = athena(skewed, GOOD)) {
            assertThatThrownBy(() -> athena.listWorkGroups(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).matches("Signature expired: \\d{8}T\\d{6}Z is"
                                + " now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)");
                    });
        }
        try (S3Client s3 = s3(skewed, GOOD)) {
            assertRefused(s3::listBuckets, 403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
        }
        try (QuickSightClient quickSight = quickSight(skewed, GOOD)) {
            assertRefused(() -> quickSight.listDataSets(r -> r.awsAccountId(ACCOUNT)), 403,
                    "InvalidSignatureException", null);
        }
    }

    @Test
    void quickSightRefusesEachBadKeyWith403() {
        try (QuickSightClient good = quickSight(server, GOOD); QuickSightClient wrong = quickSight(server,
                WRONG_SECRET); QuickSightClient unknown = quickSight(server, UNKNOWN);
             QuickSightClient wrongToken = quickSight(server, WRONG_TOKEN);
             QuickSightClient expired = quickSight(server, EXPIRED)) {
            assertThat(good.listDataSets(r -> r.awsAccountId(ACCOUNT)).status()).isEqualTo(200);
            assertRefused(() -> wrong.listDataSets(r -> r.awsAccountId(ACCOUNT)), 403, "InvalidSignatureException",
                    SIGNATURE);
            assertRefused(() -> unknown.listDataSets(r -> r.awsAccountId(ACCOUNT)), 403,
                    "UnrecognizedClientException", INVALID_TOKEN);
            assertRefused(() -> wrongToken.listDataSets(r -> r.awsAccountId(ACCOUNT)), 403,
                    "UnrecognizedClientException", INVALID_TOKEN);
            assertRefused(() -> expired.listDataSets(r -> r.awsAccountId(ACCOUNT)), 403, "ExpiredTokenException",
                    EXPIRED_TOKEN);
            assertThat(good.listDataSets(r -> r.awsAccountId(ACCOUNT)).status()).isEqualTo(200);
        }
    }

    @Test
    void s3StoresAChunkSignedUploadAndRefusesEachBadKeyInItsWords() {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        try (S3Client s3 = s3(server, GOOD)) {
            s3.createBucket(r -> r.bucket("auth-put"));
            s3.putObject(r -> r.bucket("auth-put").key("a/b.bin"), RequestBody.fromBytes(data));
            assertThat(s3.getObjectAsBytes(r -> r.bucket("auth-put").key("a/b.bin")).asByteArray()).isEqualTo(data);
        }
        try (S3Client wrong = s3(server, WRONG_SECRET); S3Client unknown = s3(server, UNKNOWN);
             S3Client noToken = s3(server, NO_TOKEN); S3Client wrongToken = s3(server, WRONG_TOKEN);
             S3Client expired = s3(server, EXPIRED)) {
            assertRefused(() -> wrong.getObjectAsBytes(r -> r.bucket("auth-put").key("a/b.bin")), 403,
                    "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you"
                            + " provided. Check your key and signing method.");
            assertRefused(() -> wrong.putObject(r -> r.bucket("auth-put").key("c.bin"), RequestBody.fromBytes(data)),
                    403, "SignatureDoesNotMatch", null);
            assertRefused(unknown::listBuckets, 403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
            assertRefused(noToken::listBuckets, 403, "InvalidAccessKeyId", null);
            assertRefused(wrongToken::listBuckets, 400, "InvalidToken",
                    "The provided token is malformed or otherwise invalid.");
            assertRefused(expired::listBuckets, 400, "ExpiredToken", "The provided token has expired.");
        }
        try (S3Client s3 = s3(server, GOOD)) {
            assertThat(s3.listObjectsV2(r -> r.bucket("auth-put")).contents()).extracting(o -> o.key())
                    .containsExactly("a/b.bin");
        }
    }

    @Test
    void aChunkWithABadSignatureStoresNothing() throws Exception {
        try (S3Client s3 = s3(server, GOOD)) {
            s3.createBucket(r -> r.bucket("auth-chunks"));
        }
        byte[] data = new byte[200_000];
        new Random(5).nextBytes(data);
        URI uri = URI.create(server.endpoint() + "/auth-chunks/tampered.bin");
        SdkSigning.Signed signed = SdkSigning.sign("PUT", uri.toString(), Map.of(), data, GOOD, "s3",
                Clock.systemUTC(), SdkSigning.s3(true));
        byte[] body = signed.body().clone();
        body[body.length / 2] ^= 1;
        HttpRequest.Builder put = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.sdkRequest().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> put.header(name, value));
            }
        });
        HttpResponse<String> answer = HttpClient.newHttpClient().send(put.build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        try (S3Client s3 = s3(server, GOOD)) {
            assertThat(s3.listObjectsV2(r -> r.bucket("auth-chunks")).contents()).isEmpty();
        }
    }

    @Test
    void aPresignedGetWorksUntilItExpires() throws Exception {
        try (S3Client s3 = s3(server, GOOD)) {
            s3.createBucket(r -> r.bucket("auth-presigned"));
            s3.putObject(r -> r.bucket("auth-presigned").key("k.txt"), RequestBody.fromString("presigned body"));
        }
        HttpClient http = HttpClient.newHttpClient();
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(GOOD))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build()).build()) {
            URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket("auth-presigned").key("k.txt"))).url().toURI();
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo("presigned body");
        }
        SdkSigning.Signed expired = SdkSigning.sign("GET", server.endpoint() + "/auth-presigned/k.txt", Map.of(),
                null, GOOD, "s3", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)),
                SdkSigning.presigned(Duration.ofSeconds(60)));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(expired.sdkRequest().getUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>AccessDenied</Code>").contains("<Message>Request has expired"
                + "</Message>").contains("<X-Amz-Expires>60</X-Amz-Expires>");
    }

    @Test
    void anUnsignedAthenaCallIsMissingAuthenticationTokenAndHealthStaysOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> athena = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonAthena.ListWorkGroups")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(athena.statusCode()).isEqualTo(403);
        assertThat(athena.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"")
                .contains("Missing Authentication Token");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
