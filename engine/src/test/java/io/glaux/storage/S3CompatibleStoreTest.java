package io.glaux.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.storage.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("s3")
class S3CompatibleStoreTest extends ObjectStoreContractTest {

    private static S3TestServer server;

    @TempDir
    Path staging;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ObjectStore newStore() throws IOException {
        return new S3CompatibleStore(server.config(), staging);
    }

    /**
     * The MinIO client cannot address keys with "." or ".." segments, s3proxy refuses a key with a leading slash,
     * and its file-backed stores cannot hold a
     * key and longer keys under it as a folder (AWS S3 and MinIO can).
     */
    @Override
    protected List<String> unusualKeys() {
        return List.of("s".repeat(1000), "long/" + "x".repeat(600) + "/" + "y".repeat(300), "\u00e9".repeat(512),
                "back\\slash", "a/b/c", "sp ace/plus+/%25");
    }

    @Override
    protected boolean holdsAKeyAndItsFolder() {
        return false;
    }

    @Test
    void keysWithDotSegmentsAreRefusedByName() {
        assertThatThrownBy(() -> store.put(bucket, "a/../b", bytes("x")))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("'.' or '..'")
                .hasMessageContaining("the S3 store at");
    }

    @Test
    void wrongCredentialsFailWithTheS3ErrorCode() throws IOException {
        S3StoreConfig wrong = new S3StoreConfig(server.endpoint(), server.accessKey(), "not-the-secret");
        try (S3CompatibleStore intruder = new S3CompatibleStore(wrong, staging)) {
            assertThatThrownBy(() -> intruder.getAll(bucket, "k"))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("SignatureDoesNotMatch");
        }
    }

    @Test
    void theStagingFolderIsEmptyAfterCommitsAndAbandonedUploads() throws IOException {
        store.put(bucket, "committed", bytes("x"));
        try (ObjectUpload upload = store.startUpload(bucket, "abandoned")) {
            upload.write(new byte[10_000]);
            upload.flush();
            assertThat(stagedParts()).hasSize(1);
        }

        assertThat(stagedParts()).isEmpty();
    }

    private List<Path> stagedParts() throws IOException {
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(file -> file.toString().endsWith(".part")).toList();
        }
    }

    @Test
    void aStoreThatDoesNotAnswerIsUnavailableNotMissing() throws IOException {
        S3StoreConfig nowhere = new S3StoreConfig("http://127.0.0.1:9", server.accessKey(), server.secretKey());
        try (S3CompatibleStore gone = new S3CompatibleStore(nowhere, staging)) {
            assertThatThrownBy(() -> gone.getAll(bucket, "data/k.csv"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("the S3 store at http://127.0.0.1:9")
                    .hasMessageContaining("s3://" + bucket + "/data/k.csv");
            assertThatThrownBy(() -> gone.list(bucket, "", null, 10)).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void theConfigNeverShowsTheSecretKey() {
        assertThat(server.config().toString()).doesNotContain(server.secretKey()).contains(server.accessKey());
    }
}
