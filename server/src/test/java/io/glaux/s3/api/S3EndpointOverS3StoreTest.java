package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.storage.testing.S3TestServer;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.util.List;

/**
 * The S3 endpoint over an external S3 store: Glaux configured with {@code --s3-endpoint} pointing at s3proxy on
 * loopback. The port serves the same buckets and objects the engine keeps there.
 */
@Tag("s3")
class S3EndpointOverS3StoreTest extends S3EndpointContractTest {

    private S3TestServer external;

    @Override
    protected Glaux.Builder engine(Path data) throws Exception {
        external = S3TestServer.start();
        return Glaux.builder().dataFolder(data).s3(external.config());
    }

    @Override
    protected void stopStore() throws Exception {
        if (external != null) {
            external.close();
        }
    }

    /** What the external store can address (see S3CompatibleStoreTest: no dot segments through the MinIO client). */
    @Override
    protected List<String> unusualKeys() {
        return List.of("s".repeat(1000), "long/" + "x".repeat(600) + "/" + "y".repeat(300), "\u00e9".repeat(512),
                "back\\slash", "a/b/c", "sp ace/plus+/%25");
    }
}
