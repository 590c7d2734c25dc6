package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.clients.AwsCli;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 against QuickSight with IAM enforced and Athena access detached from QuickSight's role by
 * {@code aws iam detach-role-policy}: {@code aws quicksight create-data-source} ends CREATION_FAILED with
 * ACCESS_DENIED, AWS's sentence and the fix; {@code aws iam attach-role-policy} of the AWS managed
 * AWSQuicksightAthenaAccess grants it, and {@code update-data-source} then succeeds.
 */
@Tag("clients")
class QuickSightRoleCliTest {


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
        cli = cli.against(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode describe(String id) {
        return cli.json("quicksight", "describe-data-source", "--aws-account-id", QuickSightClients.ACCOUNT,
                "--data-source-id", id).get("DataSource");
    }

    @Test
    void athenaAccessDetachedByTheCliFailsTheDataSourceUntilTheCliAttachesIt() throws Exception {
        cli.ok("iam", "detach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        cli.ok("quicksight", "create-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena", "--type", "ATHENA");
        JsonNode failed = describe("cli-athena");
        assertThat(failed.get("Status").asText()).isEqualTo("CREATION_FAILED");
        assertThat(failed.at("/ErrorInfo/Type").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(failed.at("/ErrorInfo/Message").asText()).isEqualTo("QuickSight could not connect to Athena"
                + " workgroup primary: User: " + SecuritySettingsClient.ROLE_SESSION + " is not authorized to"
                + " perform: athena:GetWorkGroup on resource: arn:aws:athena:us-east-1:000000000000:workgroup/primary"
                + " because no identity-based policy allows the athena:GetWorkGroup action. Ensure Athena"
                + " permissions are granted in QuickSight settings.");

        cli.ok("iam", "attach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        cli.ok("quicksight", "update-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena");
        JsonNode updated = describe("cli-athena");
        assertThat(updated.get("Status").asText()).isEqualTo("UPDATE_SUCCESSFUL");
        assertThat(updated.has("ErrorInfo")).isFalse();
    }
}
