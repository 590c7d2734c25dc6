package io.glaux.storage.testing;

import io.glaux.storage.S3StoreConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server for tests: s3proxy on 127.0.0.1 and a free port, checking AWS V2/V4 signatures made with
 * {@link #ACCESS_KEY} and {@link #SECRET_KEY}.
 *
 * <pre>{@code
 * try (S3TestServer server = S3TestServer.start();
 *      ObjectStore store = new S3CompatibleStore(server.config())) {
 *     store.createBucket("data");
 *     store.put("data", "dt=2024-01-01/part-0.csv", bytes);
 * }
 * }</pre>
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "glaux-test-access-key";
    public static final String SECRET_KEY = "glaux-test-secret-key";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;

    private S3TestServer(BlobStore blobStore) throws Exception {
        this.proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start(); // returns once Jetty is serving
    }

    /** A server that keeps everything in memory and forgets it when closed. */
    public static S3TestServer start() throws Exception {
        return new S3TestServer(new TransientNio2BlobStore());
    }

    /**
     * A server that keeps objects as plain files under {@code folder/bucket/key} (metadata in user extended
     * attributes, so the folder must be on a filesystem that has them, such as ext4). The folder is the caller's.
     */
    public static S3TestServer startOnFolder(Path folder) throws Exception {
        Files.createDirectories(folder);
        return new S3TestServer(new FilesystemNio2BlobStore(folder.toString()));
    }

    /** {@code http://127.0.0.1:<port>}, for path-style requests. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public int port() {
        return proxy.getPort();
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    public String region() {
        return REGION;
    }

    public S3StoreConfig config() {
        return new S3StoreConfig(endpoint(), REGION, ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
