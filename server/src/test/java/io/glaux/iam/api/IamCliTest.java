package io.glaux.iam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) against Glaux's IAM and STS: a user and its key, a role with a trust
 * policy, a managed and an inline policy, then assume-role and get-caller-identity with the session's credentials.
 */
@Tag("clients")
class IamCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"athena:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        server = GlauxServer.builder().start();
        cli = cli.against(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliBuildsARoleAndAssumesIt() throws Exception {
        assertThat(cli.json("iam", "create-user", "--user-name", "cli-user").at("/User/Arn").asText())
                .isEqualTo("arn:aws:iam::000000000000:user/cli-user");
        assertThat(cli.json("iam", "create-access-key", "--user-name", "cli-user").at("/AccessKey/AccessKeyId")
                .asText()).startsWith("AKIA");
        JsonNode role = cli.json("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document",
                TRUST).get("Role");
        assertThat(role.get("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:role/cli-role");
        String policyArn = cli.json("iam", "create-policy", "--policy-name", "cli-athena", "--policy-document", POLICY)
                .at("/Policy/Arn").asText();
        cli.json("iam", "attach-role-policy", "--role-name", "cli-role", "--policy-arn", policyArn);
        cli.json("iam", "put-role-policy", "--role-name", "cli-role", "--policy-name", "inline", "--policy-document",
                POLICY);
        // The CLI decodes IAM's URL-encoded documents into JSON.
        assertThat(cli.json("iam", "get-role", "--role-name", "cli-role").at("/Role/AssumeRolePolicyDocument"))
                .isEqualTo(JSON.readTree(TRUST));
        assertThat(cli.json("iam", "list-attached-role-policies", "--role-name", "cli-role").at("/AttachedPolicies/0"
                + "/PolicyArn").asText()).isEqualTo(policyArn);

        JsonNode credentials = cli.json("sts", "assume-role", "--role-arn", role.get("Arn").asText(),
                "--role-session-name", "cli-session").get("Credentials");
        JsonNode identity = cli.as(AwsSessionCredentials.create(credentials.get("AccessKeyId").asText(),
                credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText()))
                .json("sts", "get-caller-identity");
        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::000000000000:assumed-role/cli-role/"
                + "cli-session");
        assertThat(identity.get("Account").asText()).isEqualTo("000000000000");
        assertThat(identity.get("UserId").asText()).isEqualTo(role.get("RoleId").asText() + ":cli-session");
    }
}
