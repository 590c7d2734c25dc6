package io.glaux.iam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The AWS CLI v2 ({@code /usr/bin/aws}) against Glaux's IAM and STS: a user and its key, a role with a trust
 * policy, a managed and an inline policy, then assume-role and get-caller-identity with the session's credentials.
 */
@Tag("clients")
class IamCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"athena:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode aws(Map<String, String> credentials, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        Map<String, String> env = new HashMap<>(ExternalClient.awsEnvironment(out));
        env.putAll(credentials);
        ExternalClient.Result result = ExternalClient.run(command, out, env, Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    private static JsonNode aws(String... arguments) throws Exception {
        return aws(Map.of(), arguments);
    }

    @Test
    void theCliBuildsARoleAndAssumesIt() throws Exception {
        assertThat(aws("iam", "create-user", "--user-name", "cli-user").at("/User/Arn").asText())
                .isEqualTo("arn:aws:iam::000000000000:user/cli-user");
        assertThat(aws("iam", "create-access-key", "--user-name", "cli-user").at("/AccessKey/AccessKeyId").asText())
                .startsWith("AKIA");
        JsonNode role = aws("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", TRUST)
                .get("Role");
        assertThat(role.get("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:role/cli-role");
        String policyArn = aws("iam", "create-policy", "--policy-name", "cli-athena", "--policy-document", POLICY)
                .at("/Policy/Arn").asText();
        aws("iam", "attach-role-policy", "--role-name", "cli-role", "--policy-arn", policyArn);
        aws("iam", "put-role-policy", "--role-name", "cli-role", "--policy-name", "inline", "--policy-document",
                POLICY);
        // The CLI decodes IAM's URL-encoded documents into JSON.
        assertThat(aws("iam", "get-role", "--role-name", "cli-role").at("/Role/AssumeRolePolicyDocument"))
                .isEqualTo(JSON.readTree(TRUST));
        assertThat(aws("iam", "list-attached-role-policies", "--role-name", "cli-role").at("/AttachedPolicies/0"
                + "/PolicyArn").asText()).isEqualTo(policyArn);

        JsonNode credentials = aws("sts", "assume-role", "--role-arn", role.get("Arn").asText(),
                "--role-session-name", "cli-session").get("Credentials");
        JsonNode identity = aws(Map.of("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.get("SessionToken").asText()), "sts", "get-caller-identity");
        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::000000000000:assumed-role/cli-role/"
                + "cli-session");
        assertThat(identity.get("Account").asText()).isEqualTo("000000000000");
        assertThat(identity.get("UserId").asText()).isEqualTo(role.get("RoleId").asText() + ":cli-session");
    }
}
