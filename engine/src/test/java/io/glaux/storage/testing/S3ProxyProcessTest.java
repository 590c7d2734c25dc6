package io.glaux.storage.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.storage.S3CompatibleStore;
import io.glaux.storage.StoreUnavailableException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("s3")
class S3ProxyProcessTest {

    @TempDir
    Path temp;

    @Test
    void aKilledStoreIsUnavailableAndServesItsObjectsAgainAfterARestartOnTheSamePort() throws Exception {
        try (S3ProxyProcess process = S3ProxyProcess.start(temp.resolve("s3"), temp.resolve("logs"));
                S3CompatibleStore store = new S3CompatibleStore(process.config(), temp.resolve("glaux"))) {
            store.createBucket("data");
            store.put("data", "dt=2024-01-01/part-0.csv", "a,b\n".getBytes(UTF_8));
            assertThat(temp.resolve("s3/data/dt=2024-01-01/part-0.csv")).hasContent("a,b\n");
            int port = process.port();

            process.kill();
            assertThat(process.isAlive()).isFalse();
            assertThatThrownBy(() -> store.getAll("data", "dt=2024-01-01/part-0.csv"))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(process.endpoint());

            process.restart();
            assertThat(process.port()).isEqualTo(port);
            assertThat(new String(store.getAll("data", "dt=2024-01-01/part-0.csv"), UTF_8)).isEqualTo("a,b\n");
        }
    }
}
