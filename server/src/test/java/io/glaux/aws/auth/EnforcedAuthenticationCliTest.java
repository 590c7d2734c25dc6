package io.glaux.aws.auth;

import io.glaux.athena.api.ExternalClient;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 against a server enforcing authentication: the default root key {@code test}/{@code test} is let
 * in, a wrong secret is refused with S3's SignatureDoesNotMatch and Athena's InvalidSignatureException.
 */
@Tag("clients")
class EnforcedAuthenticationCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().syncWrites(false).enforceIam(true).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Result aws(String secret, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        Map<String, String> env = new HashMap<>(ExternalClient.awsEnvironment(out));
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_MAX_ATTEMPTS", "1");
        return ExternalClient.run(command, out, env, Duration.ofMinutes(2));
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
