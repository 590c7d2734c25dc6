package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.athena.api.ExternalClient;
import io.glaux.clients.AwsCli;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) against Glaux's KMS: create-key, create-alias, encrypt of a file
 * ({@code fileb://}), decrypt, generate-data-key and schedule-key-deletion, and a missing key's error.
 */
@Tag("clients")
class KmsCliTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli kms;

    @BeforeAll
    static void start() throws Exception {
        AwsCli cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).start();
        kms = cli.against(server).service("kms");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCliCreatesAKeyEncryptsAFileDecryptsItAndSchedulesTheKeysDeletion() throws Exception {
        JsonNode key = kms.json("create-key", "--description", "cli key").get("KeyMetadata");
        String keyId = key.get("KeyId").asText();
        assertThat(key.get("Arn").asText()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + keyId);
        assertThat(key.get("KeyState").asText()).isEqualTo("Enabled");
        kms.ok("create-alias", "--alias-name", "alias/cli", "--target-key-id", keyId);

        Path secret = out.resolve("secret.bin");
        byte[] content = "bytes from a file \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        Files.write(secret, content);
        JsonNode encrypted = kms.json("encrypt", "--key-id", "alias/cli", "--plaintext", "fileb://" + secret,
                "--encryption-context", "purpose=cli");
        assertThat(encrypted.get("KeyId").asText()).isEqualTo(key.get("Arn").asText());
        Path blob = out.resolve("secret.enc");
        Files.write(blob, Base64.getDecoder().decode(encrypted.get("CiphertextBlob").asText()));

        JsonNode decrypted = kms.json("decrypt", "--ciphertext-blob", "fileb://" + blob, "--encryption-context",
                "purpose=cli");
        assertThat(Base64.getDecoder().decode(decrypted.get("Plaintext").asText())).isEqualTo(content);
        ExternalClient.Result wrongContext = kms.run("decrypt", "--ciphertext-blob", "fileb://" + blob);
        assertThat(wrongContext.exitCode()).isNotZero();
        assertThat(wrongContext.stderr()).contains("InvalidCiphertextException");

        JsonNode dataKey = kms.json("generate-data-key", "--key-id", keyId, "--key-spec", "AES_256");
        assertThat(Base64.getDecoder().decode(dataKey.get("Plaintext").asText())).hasSize(32);
        assertThat(dataKey.get("CiphertextBlob").asText()).isNotEmpty();

        JsonNode scheduled = kms.json("schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7");
        assertThat(scheduled.get("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(scheduled.get("PendingWindowInDays").asInt()).isEqualTo(7);
        ExternalClient.Result refused = kms.run("encrypt", "--key-id", keyId, "--plaintext", "fileb://" + secret);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("KMSInvalidStateException").contains("is pending deletion.");
    }

    @Test
    void aMissingKeyIsNotFound() throws Exception {
        ExternalClient.Result result = kms.run("describe-key", "--key-id", "alias/missing");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("NotFoundException")
                .contains("Alias arn:aws:kms:us-east-1:000000000000:alias/missing is not found.");
    }
}
