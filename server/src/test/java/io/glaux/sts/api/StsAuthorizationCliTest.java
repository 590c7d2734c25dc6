package io.glaux.sts.api;

import io.glaux.athena.api.ExternalClient;
import io.glaux.iam.directory.AccessKey;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI v2 ({@code /usr/bin/aws}) refused {@code sts assume-role} by a role whose trust policy names others. */
@Tag("clients")
class StsAuthorizationCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    static Path data;
    @TempDir
    static Path out;
    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        server.iam().createRole("locked", null, IamStsAuthorizationTest.trust(
                "\"arn:aws:iam::000000000000:user/someone-else\""), null, null, null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void assumeRoleIsDeniedWithStsWording() throws Exception {
        server.iam().createUser("cli-user", null, null);
        AccessKey key = server.iam().createAccessKey("cli-user");
        Map<String, String> env = new HashMap<>(ExternalClient.awsEnvironment(out));
        env.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        ExternalClient.Result result = ExternalClient.run(List.of(AWS.toString(), "--endpoint-url",
                server.endpoint(), "sts", "assume-role", "--role-arn", "arn:aws:iam::000000000000:role/locked",
                "--role-session-name", "cli"), out, env, Duration.ofMinutes(2));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (AccessDenied) when calling the AssumeRole operation:"
                + " User: arn:aws:iam::000000000000:user/cli-user is not authorized to perform: sts:AssumeRole on"
                + " resource: arn:aws:iam::000000000000:role/locked");
    }
}
