package io.glaux.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.storage.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    protected ObjectStore newStore() {
        return new S3CompatibleStore(server.config(), staging);
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
            try (Stream<Path> files = Files.list(staging)) {
                assertThat(files).hasSize(1);
            }
        }

        try (Stream<Path> files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theConfigNeverShowsTheSecretKey() {
        assertThat(server.config().toString()).doesNotContain(server.secretKey()).contains(server.accessKey());
    }
}
