package io.glaux.aws.auth;

import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 against a server enforcing authentication: the default root key {@code test}/{@code test} is let
 * in, a wrong secret is refused with S3's SignatureDoesNotMatch and Athena's InvalidSignatureException.
 */
@Tag("clients")
class EnforcedAuthenticationCliTest {

    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        server = GlauxServer.builder().syncWrites(false).enforceIam(true).start();
        cli = cli.against(server).withEnvironment("AWS_MAX_ATTEMPTS", "1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code aws <arguments>} with the root's access key id and {@code secret}. */
    private static ExternalClient.Result aws(String secret, String... arguments) {
        return cli.as(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, secret)).run(arguments);
    }

    @Test
    void theDefaultKeyIsLetInAndAWrongSecretIsRefusedInEachServicesWords() throws Exception {
        ExternalClient.Result listed = aws("test", "s3", "ls");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        ExternalClient.Result groups = aws("test", "athena", "list-work-groups");
        assertThat(groups.exitCode()).as(groups.describe()).isZero();

        ExternalClient.Result s3 = aws("wrong", "s3", "ls");
        assertThat(s3.exitCode()).as(s3.describe()).isNotZero();
        assertThat(s3.stderr()).contains("SignatureDoesNotMatch")
                .contains("The request signature we calculated does not match the signature you provided.");
        ExternalClient.Result athena = aws("wrong", "athena", "list-work-groups");
        assertThat(athena.exitCode()).as(athena.describe()).isNotZero();
        assertThat(athena.stderr()).contains("InvalidSignatureException").contains("The request signature we"
                + " calculated does not match the signature you provided. Check your AWS Secret Access Key and"
                + " signing method. Consult the service documentation for details.");

        ExternalClient.Result again = aws("test", "athena", "list-work-groups");
        assertThat(again.exitCode()).as(again.describe()).isZero();
    }
}
