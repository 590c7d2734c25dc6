package io.glaux.iam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) against a server enforcing IAM: {@code iam put-user-permissions-boundary}
 * shown by {@code iam get-user}, and {@code sts assume-role --policy} whose session may do only what the session
 * policy allows.
 */
@Tag("clients")
class SessionAndBoundaryCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "000000000000";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String IAM_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"iam:Get*\",\"iam:List*\"],\"Resource\":\"*\"}]}";
    private static final String GET_ROLE_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:GetRole\",\"Resource\":\"*\"}]}";

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

    @Test
    void putUserPermissionsBoundaryIsShownByGetUser() throws Exception {
        cli.json("iam", "create-user", "--user-name", "cli-bounded");
        cli.json("iam", "put-user-permissions-boundary", "--user-name", "cli-bounded",
                "--permissions-boundary", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        JsonNode boundary = cli.json("iam", "get-user", "--user-name", "cli-bounded")
                .at("/User/PermissionsBoundary");
        assertThat(boundary.get("PermissionsBoundaryType").asText()).isEqualTo("PermissionsBoundaryPolicy");
        assertThat(boundary.get("PermissionsBoundaryArn").asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void assumeRoleWithAPolicyNarrowsTheSession() throws Exception {
        server.iam().createRole("cli-reader", null, TRUST, null, null, null);
        server.iam().putInlinePolicy(EntityKind.ROLE, "cli-reader", "iam-read", IAM_READ);
        JsonNode assumed = cli.json("sts", "assume-role", "--role-arn", "arn:aws:iam::" + ACCOUNT
                + ":role/cli-reader", "--role-session-name", "cli", "--policy", GET_ROLE_ONLY);
        assertThat(assumed.get("PackedPolicySize").asInt()).isBetween(1, 100);
        JsonNode credentials = assumed.get("Credentials");
        AwsCli session = cli.as(AwsSessionCredentials.create(credentials.get("AccessKeyId").asText(),
                credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText()));

        assertThat(session.json("iam", "get-role", "--role-name", "cli-reader").at("/Role/RoleName").asText())
                .isEqualTo("cli-reader");
        ExternalClient.Result listed = session.run("iam", "list-roles");
        assertThat(listed.exitCode()).isNotZero();
        assertThat(listed.stderr()).contains("An error occurred (AccessDenied) when calling the ListRoles operation:"
                + " User: arn:aws:sts::" + ACCOUNT + ":assumed-role/cli-reader/cli is not authorized to perform:"
                + " iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT + ":role/ because no session policy allows"
                + " the iam:ListRoles action");
    }
}
