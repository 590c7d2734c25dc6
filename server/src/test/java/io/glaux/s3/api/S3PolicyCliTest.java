package io.glaux.s3.api;

import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) against Glaux's S3 with enforcement on: the root user puts and reads a bucket
 * policy with {@code s3api put-bucket-policy / get-bucket-policy}, and a user whose only grant is s3:ListBucket is
 * refused {@code aws s3 cp} of an object with S3's AccessDenied.
 */
@Tag("clients")
class S3PolicyCliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli root;
    private static AwsCli viewer;

    @BeforeAll
    static void start() throws Exception {
        AwsCli cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        server.iam().createUser("viewer", "/", List.of());
        server.iam().putInlinePolicy(EntityKind.USER, "viewer", "list", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::cli\"}]}");
        AccessKey key = server.iam().createAccessKey("viewer");
        root = cli.against(server);
        viewer = root.as(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliPutsAndReadsABucketPolicyAndAUserWithoutGetObjectCannotCopyDown() throws Exception {
        root.ok("s3api", "create-bucket", "--bucket", "cli");
        Path file = out.resolve("object.txt");
        Files.writeString(file, "hello");
        root.ok("s3", "cp", file.toString(), "s3://cli/object.txt");

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoViewerWrites\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/viewer\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::cli/*\"}]}";
        Path policyFile = out.resolve("policy.json");
        Files.writeString(policyFile, policy);
        root.ok("s3api", "put-bucket-policy", "--bucket", "cli", "--policy", "file://" + policyFile);
        assertThat(root.json("s3api", "get-bucket-policy", "--bucket", "cli").get("Policy").asText())
                .isEqualTo(policy);

        ExternalClient.Result bad = root.run("s3api", "put-bucket-policy", "--bucket", "cli",
                "--policy", "policy.json");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("MalformedPolicy")
                .contains("Policies must be valid JSON and the first byte must be '{'");

        assertThat(viewer.ok("s3", "ls", "s3://cli/")).contains("object.txt");
        ExternalClient.Result copied = viewer.run("s3", "cp", "s3://cli/object.txt",
                out.resolve("down.txt").toString());
        assertThat(copied.exitCode()).as(copied.describe()).isNotZero();
        assertThat(copied.stderr()).contains("403");
        assertThat(out.resolve("down.txt")).doesNotExist();
        ExternalClient.Result uploaded = viewer.run("s3", "cp", file.toString(), "s3://cli/mine.txt");
        assertThat(uploaded.exitCode()).as(uploaded.describe()).isNotZero();
        assertThat(uploaded.stderr()).contains("AccessDenied").contains("s3:PutObject")
                .contains("with an explicit deny in a resource-based policy");
    }
}
