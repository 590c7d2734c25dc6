package io.glaux.sql.scan;

import io.glaux.storage.testing.S3TestServer;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;

/** Bytes scanned over objects kept in a real S3 server (s3proxy on 127.0.0.1): the same figures as on disk. */
@Tag("s3")
class BytesScannedS3StoreTest extends BytesScannedContract {

    private S3TestServer server;

    @Override
    GlauxFixture open(Path data) throws Exception {
        server = S3TestServer.start();
        return GlauxFixture.s3(data, server.config());
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
