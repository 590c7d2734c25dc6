package io.glaux.sts.api;

import io.glaux.iam.Principal;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.Session;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** STS's API through the AWS SDK for Java v2's StsClient. */
class StsApiTest {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    static GlauxServer server;
    static StsClient sts;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().start();
        server.iam().createRole("reader", "/service-role/", TRUST, null, 7200, null);
        sts = client(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
    }

    static StsClient client(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    @AfterAll
    static void stop() {
        sts.close();
        server.close();
    }

    @Test
    void getCallerIdentityAnswersRootForTheRootKey() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        assertThat(identity.account()).isEqualTo("000000000000");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(identity.userId()).isEqualTo("000000000000");
    }

    @Test
    void assumeRoleHandsOutASessionThatSignsAsTheAssumedRole() {
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(
                "arn:aws:iam::000000000000:role/service-role/reader").roleSessionName("dash").durationSeconds(900)
                .policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.expiration()).isBetween(Instant.now().plusSeconds(800), Instant.now().plusSeconds(901));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/reader/dash");
        String roleId = server.iam().role("reader").id();
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":dash");
        Session session = server.iam().session(credentials.accessKeyId()).orElseThrow();
        assertThat(session.policy()).contains("s3:GetObject");

        try (StsClient asRole = client(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()))) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/reader/dash");
            assertThat(identity.userId()).isEqualTo(roleId + ":dash");
        }
    }

    @Test
    void anUnknownRoleIsAccessDenied() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/missing")
                .roleSessionName("s1"))).isInstanceOf(StsException.class).satisfies(e -> {
                    StsException error = (StsException) e;
                    assertThat(error.statusCode()).isEqualTo(403);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root"
                            + " is not authorized to perform: sts:AssumeRole on resource: "
                            + "arn:aws:iam::000000000000:role/missing");
                });
    }

    @Test
    void durationsBeyondTheRolesMaximumAndBadSessionNamesAreRefused() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/service-role/reader")
                .roleSessionName("s1").durationSeconds(7201))).isInstanceOf(StsException.class)
                .hasMessageContaining("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/service-role/reader")
                .roleSessionName("bad name"))).isInstanceOf(StsException.class)
                .hasMessageContaining("Value 'bad name' at 'roleSessionName' failed to satisfy constraint");
    }

    @Test
    void theAuthorizerDecidesWhoAssumesARoleAndStsNamesNoReason() {
        IamDirectory directory = IamDirectory.builder().build();
        directory.createRole("guarded", null, TRUST, null, null, null);
        StsApi api = new StsApi(directory, request -> new io.glaux.iam.Decision(
                io.glaux.iam.Decision.Outcome.IMPLICIT_DENY, "because no trust policy allows it", "trust me", ""));
        var input = new io.glaux.aws.protocol.QueryInput(java.util.Map.of("RoleArn",
                "arn:aws:iam::000000000000:role/guarded", "RoleSessionName", "s1"));
        var context = new io.glaux.aws.protocol.RequestContext("sts", "000000000000", "us-east-1", "test",
                io.glaux.iam.Principal.root("000000000000"), "r1", "http://x", java.util.Map.of());
        assertThatThrownBy(() -> api.authorize("AssumeRole", input, context))
                .isInstanceOf(io.glaux.iam.AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on"
                        + " resource: arn:aws:iam::000000000000:role/guarded");
    }

    @Test
    void getSessionTokenSignsAsItsCaller() {
        server.iam().createUser("tokens", null, null);
        var key = server.iam().createAccessKey("tokens");
        try (StsClient asUser = client(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            Credentials credentials = asUser.getSessionToken(r -> r.durationSeconds(900)).credentials();
            assertThat(server.iam().find(credentials.accessKeyId()).orElseThrow().principal())
                    .isEqualTo(Principal.user("000000000000", "/", "tokens", server.iam().user("tokens").id()));
            assertThat(Duration.between(Instant.now(), credentials.expiration())).isLessThanOrEqualTo(
                    Duration.ofSeconds(900));
        }
    }
}
