package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) registering an IAM user with QuickSight, listing users, and adding the user
 * to a group: the JSON the CLI prints is QuickSight's, with its Status, and a missing group is the CLI's service
 * error exit code with QuickSight's error code.
 */
@Tag("clients")
class QuickSightUserCliTest {

    private static final String ACCOUNT = QuickSightClients.ACCOUNT;

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        cli = cli.against(server);
        server.iam().createUser("analyst", "/", List.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Result aws(String... arguments) {
        List<String> command = new ArrayList<>(List.of("quicksight"));
        command.addAll(List.of(arguments));
        return cli.run(command.toArray(String[]::new));
    }

    private static JsonNode ok(String... arguments) {
        List<String> command = new ArrayList<>(List.of("quicksight"));
        command.addAll(List.of(arguments));
        return cli.json(command.toArray(String[]::new));
    }

    @Test
    void theCliRegistersAnIamUserListsItAndAddsItToAGroup() throws Exception {
        JsonNode registered = ok("register-user", "--aws-account-id", ACCOUNT, "--namespace", "default",
                "--identity-type", "IAM", "--iam-arn", "arn:aws:iam::" + ACCOUNT + ":user/analyst",
                "--email", "analyst@example.com", "--user-role", "READER");
        assertThat(registered.path("Status").asInt()).isEqualTo(201);
        assertThat(registered.path("User").path("Arn").asText())
                .isEqualTo("arn:aws:quicksight:us-east-1:" + ACCOUNT + ":user/default/analyst");
        assertThat(registered.path("User").path("PrincipalId").asText()).startsWith("federated/iam/AIDA");

        JsonNode users = ok("list-users", "--aws-account-id", ACCOUNT, "--namespace", "default");
        assertThat(users.path("UserList")).hasSize(1);
        assertThat(users.path("UserList").get(0).path("UserName").asText()).isEqualTo("analyst");
        assertThat(users.path("RequestId").asText()).isNotBlank();

        ok("create-group", "--aws-account-id", ACCOUNT, "--namespace", "default", "--group-name", "readers");
        JsonNode member = ok("create-group-membership", "--aws-account-id", ACCOUNT, "--namespace", "default",
                "--group-name", "readers", "--member-name", "analyst");
        assertThat(member.path("GroupMember").path("MemberName").asText()).isEqualTo("analyst");
        assertThat(member.path("Status").asInt()).isEqualTo(200);

        ExternalClient.Result missing = aws("create-group-membership", "--aws-account-id", ACCOUNT, "--namespace",
                "default", "--group-name", "writers", "--member-name", "analyst");
        assertThat(missing.exitCode()).as(missing.describe()).isEqualTo(254);
        assertThat(missing.stderr()).contains("An error occurred (ResourceNotFoundException) when calling the"
                + " CreateGroupMembership operation:").contains("writers");
    }
}
