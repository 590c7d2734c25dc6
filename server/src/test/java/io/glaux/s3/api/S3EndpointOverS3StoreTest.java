package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.storage.S3StoreConfig;
import io.glaux.storage.testing.CuttableProxy;
import io.glaux.storage.testing.S3TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 endpoint over an external S3 store: Glaux configured with {@code --s3-endpoint} pointing at s3proxy on
 * loopback (through a relay that can be cut). The port serves the same buckets and objects the engine keeps there.
 */
@Tag("s3")
class S3EndpointOverS3StoreTest extends S3EndpointContractTest {

    private S3TestServer external;
    private CuttableProxy relay;

    @Override
    protected Glaux.Builder engine(Path data) throws Exception {
        external = S3TestServer.start();
        relay = new CuttableProxy(external.port());
        return Glaux.builder().dataFolder(data).s3(new S3StoreConfig(relay.endpoint(), S3TestServer.REGION,
                S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY));
    }

    @Override
    protected void stopStore() throws Exception {
        if (relay != null) {
            relay.close();
        }
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

    @Test
    void aStoreThatStopsAnsweringIsServiceUnavailableNamingIt() throws Exception {
        String bucket = newBucket("outage");
        put(bucket, "k", "v");
        relay.cut();
        try {
            RawS3.Answer answer = raw.send("GET", "/" + bucket + "/k", null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("ServiceUnavailable");
            assertThat(answer.body()).contains("the S3 store at " + relay.endpoint());
            assertNoMachinePath(answer.body());
        } finally {
            relay.restore();
        }
        assertThat(get(bucket, "k")).isEqualTo("v");
    }
}
