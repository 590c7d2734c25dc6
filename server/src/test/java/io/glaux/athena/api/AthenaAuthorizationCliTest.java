package io.glaux.athena.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.noPolicyAllows;
import static io.glaux.athena.api.AccessFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) as a user allowed only {@code athena:ListWorkGroups}, enforcement on: it lists
 * the workgroups, and start-query-execution is refused with Athena's AccessDeniedException and AWS's sentence.
 */
@Tag("clients")
class AthenaAuthorizationCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCredentials key;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        key = AccessFixture.user(server, "cli-lister", allow("athena:ListWorkGroups", "*"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Result aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json", "athena"));
        command.addAll(List.of(arguments));
        Map<String, String> env = new HashMap<>(ExternalClient.awsEnvironment(out));
        env.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        return ExternalClient.run(command, out, env, Duration.ofMinutes(2));
    }

    @Test
    void listWorkGroupsIsAllowedAndStartQueryExecutionIsRefusedWithAwsSentence() throws Exception {
        ExternalClient.Result listed = aws("list-work-groups");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).contains("\"Name\": \"primary\"");

        ExternalClient.Result refused = aws("start-query-execution", "--query-string", "SELECT 1");
        assertThat(refused.exitCode()).as(refused.describe()).isNotZero();
        assertThat(refused.stderr()).contains("An error occurred (AccessDeniedException) when calling the"
                + " StartQueryExecution operation: " + noPolicyAllows(userArn("cli-lister"),
                "athena:StartQueryExecution", "arn:aws:athena:us-east-1:000000000000:workgroup/primary")
                + ". To allow it: ");
    }
}
