package io.glaux.aws.protocol;

import io.glaux.athena.api.AccessFixture;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;

import java.nio.file.Path;
import java.util.function.Consumer;

import static io.glaux.athena.api.AccessFixture.allowIf;
import static io.glaux.athena.api.AccessFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code aws:SourceIp}, {@code aws:SecureTransport} and {@code aws:UserAgent} are set from the HTTP request for every
 * service, not only S3: a policy allowing calls only from loopback lets a loopback client in on Athena (JSON),
 * QuickSight (REST-JSON), KMS and IAM (query protocol), and one allowing them only from another network refuses it.
 */
class GlobalConditionKeysTest {

    @TempDir
    static Path data;
    static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).enforceIam(true).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String onlyFrom(String cidr) {
        return allowIf("[\"athena:ListWorkGroups\",\"quicksight:ListDataSources\",\"kms:ListKeys\","
                + "\"iam:ListUsers\"]", "*", "{\"IpAddress\":{\"aws:SourceIp\":\"" + cidr + "\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"false\"},\"StringLike\":{\"aws:UserAgent\":\"*aws-sdk-java*\"}}");
    }

    private static void calls(AwsCredentials caller, Consumer<Runnable> each) {
        try (AthenaClient athena = AccessFixture.client(AthenaClient.builder(), server, caller, Region.US_EAST_1);
             QuickSightClient quickSight = AccessFixture.client(QuickSightClient.builder(), server, caller,
                     Region.US_EAST_1);
             KmsClient kms = AccessFixture.client(KmsClient.builder(), server, caller, Region.US_EAST_1);
             IamClient iam = AccessFixture.client(IamClient.builder(), server, caller, Region.AWS_GLOBAL)) {
            each.accept(() -> athena.listWorkGroups(b -> { }));
            each.accept(() -> quickSight.listDataSources(b -> b.awsAccountId(AccessFixture.ACCOUNT)));
            each.accept(() -> kms.listKeys(b -> { }));
            each.accept(() -> iam.listUsers(b -> { }));
        }
    }

    @Test
    void aPolicyLimitedToLoopbackOverHttpFromTheSdkAllowsALoopbackSdkClientOnEveryProtocol() {
        AwsCredentials local = user(server, "local-only", onlyFrom("127.0.0.0/8"));
        calls(local, Runnable::run);
    }

    @Test
    void aPolicyLimitedToAnotherNetworkRefusesALoopbackClientOnEveryProtocol() {
        AwsCredentials elsewhere = user(server, "office-only", onlyFrom("10.0.0.0/8"));
        calls(elsewhere, call -> {
            AwsServiceException refused = catchThrowableOfType(call::run, AwsServiceException.class);
            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.statusCode()).isIn(400, 401, 403);
            assertThat(refused.awsErrorDetails().errorMessage()).contains("user/office-only is not authorized");
        });
    }
}
