package io.glaux.athena.api;

import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli athena;

    @BeforeAll
    static void start() throws Exception {
        AwsCli cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        athena = cli.against(server).service("athena")
                .as(AccessFixture.user(server, "cli-lister", allow("athena:ListWorkGroups", "*")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listWorkGroupsIsAllowedAndStartQueryExecutionIsRefusedWithAwsSentence() throws Exception {
        ExternalClient.Result listed = athena.run("list-work-groups");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).contains("\"Name\": \"primary\"");

        ExternalClient.Result refused = athena.run("start-query-execution", "--query-string", "SELECT 1");
        assertThat(refused.exitCode()).as(refused.describe()).isNotZero();
        assertThat(refused.stderr()).contains("An error occurred (AccessDeniedException) when calling the"
                + " StartQueryExecution operation: " + noPolicyAllows(userArn("cli-lister"),
                "athena:StartQueryExecution", "arn:aws:athena:us-east-1:000000000000:workgroup/primary")
                + ". To allow it: ");
    }
}
