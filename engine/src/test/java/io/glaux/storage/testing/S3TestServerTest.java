package io.glaux.storage.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.storage.S3CompatibleStore;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("s3")
class S3TestServerTest {

    @TempDir
    Path temp;

    @Test
    void aFolderBackedServerKeepsObjectsAsPlainFiles() throws Exception {
        try (S3TestServer server = S3TestServer.startOnFolder(temp.resolve("s3"));
                S3CompatibleStore store = new S3CompatibleStore(server.config(), temp)) {
            store.createBucket("data");
            store.put("data", "dt=2024-01-01/part-0.csv", "a,b\n".getBytes(UTF_8));

            assertThat(temp.resolve("s3/data/dt=2024-01-01/part-0.csv")).hasContent("a,b\n");
            assertThat(new String(store.getAll("data", "dt=2024-01-01/part-0.csv"), UTF_8)).isEqualTo("a,b\n");
        }
    }

    @Test
    void twoServersGetDifferentPortsAndAClosedServerStopsListening() throws Exception {
        int port;
        try (S3TestServer first = S3TestServer.start(); S3TestServer second = S3TestServer.start()) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            assertThat(first.endpoint()).isEqualTo("http://127.0.0.1:" + first.port());
            assertThat(first.config().endpoint()).isEqualTo(first.endpoint());
            port = first.port();
        }

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(1);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void anInMemoryServerStartsEmpty() throws Exception {
        try (S3TestServer server = S3TestServer.start();
                S3CompatibleStore store = new S3CompatibleStore(server.config(), temp)) {
            assertThat(store.listBuckets()).isEmpty();
            store.createBucket("one");
            assertThat(store.listBuckets()).containsExactly("one");
        }
    }
}
