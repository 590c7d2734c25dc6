package io.glaux.sts.api;

import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.iam.directory.AccessKey;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI v2 ({@code /usr/bin/aws}) refused {@code sts assume-role} by a role whose trust policy names others. */
@Tag("clients")
class StsAuthorizationCliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;
    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
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
        ExternalClient.Result result = cli.against(server)
                .as(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .run("sts", "assume-role", "--role-arn", "arn:aws:iam::000000000000:role/locked",
                        "--role-session-name", "cli");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (AccessDenied) when calling the AssumeRole operation:"
                + " User: arn:aws:iam::000000000000:user/cli-user is not authorized to perform: sts:AssumeRole on"
                + " resource: arn:aws:iam::000000000000:role/locked");
    }
}
