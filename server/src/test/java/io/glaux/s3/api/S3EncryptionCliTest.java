package io.glaux.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import io.glaux.athena.api.ExternalClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 writing and reading SSE-KMS objects: {@code aws s3 cp --sse aws:kms --sse-kms-key-id <key>} (a
 * multipart copy included), {@code aws s3api head-object} answering the key's ARN, and the copy back matching.
 */
@Tag("clients")
class S3EncryptionCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    static Path data;
    @TempDir
    static Path work;

    private static Glaux glaux;
    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(AWS, "apt-get install -y awscli (the AWS CLI v2)");
        glaux = Glaux.builder().dataFolder(data).syncWrites(false).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (glaux != null) {
            glaux.close();
        }
    }

    private static String ok(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint(),
                "--no-cli-pager"));
        command.addAll(List.of(args));
        ExternalClient.Result result = ExternalClient.run(command, work, ExternalClient.awsEnvironment(work),
                Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.describe()).isZero();
        return result.stdout();
    }

    @Test
    void awsS3CpWithSseKmsStoresAndReadsBackEncryptedObjects() throws Exception {
        String keyArn = glaux.kms().store("000000000000", "us-east-1").createKey("cli", null, Map.of()).arn();
        ok("s3", "mb", "s3://cli-vault");
        Path small = Files.writeString(work.resolve("note.txt"), "a secret note\n");
        byte[] large = new byte[12 * 1024 * 1024];
        new java.util.Random(3).nextBytes(large);
        Path big = Files.write(work.resolve("big.bin"), large);

        ok("s3", "cp", small.toString(), "s3://cli-vault/note.txt", "--sse", "aws:kms", "--sse-kms-key-id", keyArn);
        ok("s3", "cp", big.toString(), "s3://cli-vault/big.bin", "--sse", "aws:kms", "--sse-kms-key-id", keyArn);
        ok("s3", "cp", "s3://cli-vault/note.txt", work.resolve("note-back.txt").toString());
        ok("s3", "cp", "s3://cli-vault/big.bin", work.resolve("big-back.bin").toString());

        ObjectMapper json = new ObjectMapper();
        for (String key : List.of("note.txt", "big.bin")) {
            JsonNode head = json.readTree(ok("s3api", "head-object", "--bucket", "cli-vault", "--key", key));
            assertThat(head.path("ServerSideEncryption").asText()).as(key).isEqualTo("aws:kms");
            assertThat(head.path("SSEKMSKeyId").asText()).as(key).isEqualTo(keyArn);
        }
        assertThat(Files.readString(work.resolve("note-back.txt"))).isEqualTo("a secret note\n");
        assertThat(Files.readAllBytes(work.resolve("big-back.bin"))).isEqualTo(large);
        assertThat(Files.readString(data.resolve("cli-vault/note.txt"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("a secret note");
    }
}
