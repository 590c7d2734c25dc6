package io.glaux.clients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command lines and environments the AWS CLI fixture runs, without running the CLI. */
class AwsCliTest {

    @TempDir
    Path scratch;

    @Test
    void aCommandNamesTheServerAsksForJsonAndStartsWithItsService() {
        AwsCli cli = AwsCli.in(scratch).against("http://127.0.0.1:9");
        assertThat(cli.command("s3", "ls")).containsExactly("/usr/bin/aws", "--endpoint-url", "http://127.0.0.1:9",
                "--output", "json", "s3", "ls");
        assertThat(cli.service("lambda").command("get-function", "--function-name", "f")).containsExactly(
                "/usr/bin/aws", "--endpoint-url", "http://127.0.0.1:9", "--output", "json", "lambda", "get-function",
                "--function-name", "f");
        assertThatThrownBy(() -> AwsCli.in(scratch).command("s3", "ls")).hasMessageContaining("against(server)");
    }

    @Test
    void theEnvironmentIsTheRootsKeyInUsEast1WithTheScratchFoldersConfigAndNoPager() {
        var environment = AwsCli.in(scratch).environment();
        assertThat(environment).containsEntry("AWS_ACCESS_KEY_ID", "test").containsEntry("AWS_SECRET_ACCESS_KEY",
                "test").containsEntry("AWS_DEFAULT_REGION", "us-east-1").containsEntry("AWS_PAGER", "")
                .containsEntry("AWS_CONFIG_FILE", scratch.resolve("aws-config").toString())
                .containsEntry("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("aws-credentials").toString())
                .containsEntry("AWS_CLI", "/usr/bin/aws").doesNotContainKey("AWS_SESSION_TOKEN");
    }

    @Test
    void anotherCallerReplacesTheKeyAndASessionAddsItsTokenWithoutChangingTheOriginal() {
        AwsCli root = AwsCli.in(scratch);
        AwsCli session = root.as(AwsSessionCredentials.create("ASIA1", "s1", "token1"));
        assertThat(session.environment()).containsEntry("AWS_ACCESS_KEY_ID", "ASIA1")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "s1").containsEntry("AWS_SESSION_TOKEN", "token1");
        assertThat(session.as(AwsBasicCredentials.create("AKIA2", "s2")).environment())
                .containsEntry("AWS_ACCESS_KEY_ID", "AKIA2").doesNotContainKey("AWS_SESSION_TOKEN");
        assertThat(root.withEnvironment("AWS_MAX_ATTEMPTS", "1").environment()).containsEntry("AWS_MAX_ATTEMPTS", "1");
        assertThat(root.environment()).containsEntry("AWS_ACCESS_KEY_ID", "test").doesNotContainKey("AWS_MAX_ATTEMPTS");
    }

    @Test
    void jsonOutputIsParsedAndNoOutputIsAnEmptyObject() {
        assertThat(AwsCli.parse("{\"User\": {\"Arn\": \"a\"}}\n").at("/User/Arn").asText()).isEqualTo("a");
        assertThat(AwsCli.parse("\n").isEmpty()).isTrue();
        assertThatThrownBy(() -> AwsCli.parse("2026-01-01 bucket")).hasMessageContaining("no JSON");
    }
}
