package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 against QuickSight with IAM enforced and Athena access detached from QuickSight's role by
 * {@code aws iam detach-role-policy}: {@code aws quicksight create-data-source} ends CREATION_FAILED with
 * ACCESS_DENIED, AWS's sentence and the fix; {@code aws iam attach-role-policy} of the AWS managed
 * AWSQuicksightAthenaAccess grants it, and {@code update-data-source} then succeeds.
 */
@Tag("clients")
class QuickSightRoleCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        ExternalClient.Result result = ExternalClient.run(command, out, ExternalClient.awsEnvironment(out),
                Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    private static JsonNode describe(String id) throws Exception {
        return aws("quicksight", "describe-data-source", "--aws-account-id", QuickSightClients.ACCOUNT,
                "--data-source-id", id).get("DataSource");
    }

    @Test
    void athenaAccessDetachedByTheCliFailsTheDataSourceUntilTheCliAttachesIt() throws Exception {
        aws("iam", "detach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        aws("quicksight", "create-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena", "--type", "ATHENA");
        JsonNode failed = describe("cli-athena");
        assertThat(failed.get("Status").asText()).isEqualTo("CREATION_FAILED");
        assertThat(failed.at("/ErrorInfo/Type").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(failed.at("/ErrorInfo/Message").asText()).isEqualTo("QuickSight could not connect to Athena"
                + " workgroup primary: User: " + SecuritySettingsClient.ROLE_SESSION + " is not authorized to"
                + " perform: athena:GetWorkGroup on resource: arn:aws:athena:us-east-1:000000000000:workgroup/primary"
                + " because no identity-based policy allows the athena:GetWorkGroup action. Ensure Athena"
                + " permissions are granted in QuickSight settings.");

        aws("iam", "attach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        aws("quicksight", "update-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena");
        JsonNode updated = describe("cli-athena");
        assertThat(updated.get("Status").asText()).isEqualTo("UPDATE_SUCCESSFUL");
        assertThat(updated.has("ErrorInfo")).isFalse();
    }
}
