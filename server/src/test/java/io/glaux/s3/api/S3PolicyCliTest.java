package io.glaux.s3.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.ExternalClient;
import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) against Glaux's S3 with enforcement on: the root user puts and reads a bucket
 * policy with {@code s3api put-bucket-policy / get-bucket-policy}, and a user whose only grant is s3:ListBucket is
 * refused {@code aws s3 cp} of an object with S3's AccessDenied.
 */
@Tag("clients")
class S3PolicyCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static Map<String, String> userEnvironment;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        server.iam().createUser("viewer", "/", List.of());
        server.iam().putInlinePolicy(EntityKind.USER, "viewer", "list", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::cli\"}]}");
        AccessKey key = server.iam().createAccessKey("viewer");
        userEnvironment = new HashMap<>(ExternalClient.awsEnvironment(out));
        userEnvironment.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        userEnvironment.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ExternalClient.Result aws(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        return ExternalClient.run(command, out, env, Duration.ofMinutes(2));
    }

    @Test
    void theCliPutsAndReadsABucketPolicyAndAUserWithoutGetObjectCannotCopyDown() throws Exception {
        Map<String, String> rootEnvironment = ExternalClient.awsEnvironment(out);
        ExternalClient.Result made = aws(rootEnvironment, "s3api", "create-bucket", "--bucket", "cli");
        assertThat(made.exitCode()).as(made.describe()).isZero();
        Path file = out.resolve("object.txt");
        Files.writeString(file, "hello");
        ExternalClient.Result put = aws(rootEnvironment, "s3", "cp", file.toString(), "s3://cli/object.txt");
        assertThat(put.exitCode()).as(put.describe()).isZero();

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoViewerWrites\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/viewer\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::cli/*\"}]}";
        Path policyFile = out.resolve("policy.json");
        Files.writeString(policyFile, policy);
        ExternalClient.Result putPolicy = aws(rootEnvironment, "s3api", "put-bucket-policy", "--bucket", "cli",
                "--policy", "file://" + policyFile);
        assertThat(putPolicy.exitCode()).as(putPolicy.describe()).isZero();
        ExternalClient.Result got = aws(rootEnvironment, "s3api", "get-bucket-policy", "--bucket", "cli");
        assertThat(got.exitCode()).as(got.describe()).isZero();
        assertThat(JSON.readTree(got.stdout()).get("Policy").asText()).isEqualTo(policy);

        ExternalClient.Result bad = aws(rootEnvironment, "s3api", "put-bucket-policy", "--bucket", "cli",
                "--policy", "policy.json");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("MalformedPolicy")
                .contains("Policies must be valid JSON and the first byte must be '{'");

        ExternalClient.Result listed = aws(userEnvironment, "s3", "ls", "s3://cli/");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).contains("object.txt");
        ExternalClient.Result copied = aws(userEnvironment, "s3", "cp", "s3://cli/object.txt",
                out.resolve("down.txt").toString());
        assertThat(copied.exitCode()).as(copied.describe()).isNotZero();
        assertThat(copied.stderr()).contains("403");
        assertThat(out.resolve("down.txt")).doesNotExist();
        ExternalClient.Result uploaded = aws(userEnvironment, "s3", "cp", file.toString(), "s3://cli/mine.txt");
        assertThat(uploaded.exitCode()).as(uploaded.describe()).isNotZero();
        assertThat(uploaded.stderr()).contains("AccessDenied").contains("s3:PutObject")
                .contains("with an explicit deny in a resource-based policy");
    }
}
