package io.glaux.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import io.glaux.clients.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 writing and reading SSE-KMS objects: {@code aws s3 cp --sse aws:kms --sse-kms-key-id <key>} (a
 * multipart copy included), {@code aws s3api head-object} answering the key's ARN, and the copy back matching.
 */
@Tag("clients")
class S3EncryptionCliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path work;

    private static Glaux glaux;
    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(work);
        glaux = Glaux.builder().dataFolder(data).syncWrites(false).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        cli = cli.against(server);
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

    @Test
    void awsS3CpWithSseKmsStoresAndReadsBackEncryptedObjects() throws Exception {
        String keyArn = glaux.kms().store("000000000000", "us-east-1").createKey("cli", null, Map.of()).arn();
        cli.ok("s3", "mb", "s3://cli-vault");
        Path small = Files.writeString(work.resolve("note.txt"), "a secret note\n");
        byte[] large = new byte[12 * 1024 * 1024];
        new java.util.Random(3).nextBytes(large);
        Path big = Files.write(work.resolve("big.bin"), large);

        cli.ok("s3", "cp", small.toString(), "s3://cli-vault/note.txt", "--sse", "aws:kms", "--sse-kms-key-id", keyArn);
        cli.ok("s3", "cp", big.toString(), "s3://cli-vault/big.bin", "--sse", "aws:kms", "--sse-kms-key-id", keyArn);
        cli.ok("s3", "cp", "s3://cli-vault/note.txt", work.resolve("note-back.txt").toString());
        cli.ok("s3", "cp", "s3://cli-vault/big.bin", work.resolve("big-back.bin").toString());

        for (String key : List.of("note.txt", "big.bin")) {
            JsonNode head = cli.json("s3api", "head-object", "--bucket", "cli-vault", "--key", key);
            assertThat(head.path("ServerSideEncryption").asText()).as(key).isEqualTo("aws:kms");
            assertThat(head.path("SSEKMSKeyId").asText()).as(key).isEqualTo(keyArn);
        }
        assertThat(Files.readString(work.resolve("note-back.txt"))).isEqualTo("a secret note\n");
        assertThat(Files.readAllBytes(work.resolve("big-back.bin"))).isEqualTo(large);
        assertThat(Files.readString(data.resolve("cli-vault/note.txt"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("a secret note");
    }
}
