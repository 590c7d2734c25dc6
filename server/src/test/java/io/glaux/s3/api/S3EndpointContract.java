package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.sample.SampleDataset;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture of the S3 endpoint contract: Glaux served over one kind of store ({@link #engine}), with the sample
 * data installed, the SDK's S3 and Athena clients, a presigner and hand-made requests ({@link RawS3}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3EndpointContract {

    /** The data folder (catalog, history, bucket settings, staged uploads; objects too on the embedded store). */
    protected Path data;

    protected Glaux glaux;
    protected GlauxServer server;
    protected S3Client s3;
    protected AthenaClient athena;
    protected S3Presigner presigner;
    protected RawS3 raw;
    private final AtomicInteger buckets = new AtomicInteger();

    /** The engine over the store under test, keeping its metadata in {@code data}. */
    protected abstract Glaux.Builder engine(Path data) throws Exception;

    /** Keys of unusual shapes this store keeps (all valid S3 keys). */
    protected abstract List<String> unusualKeys();

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("glaux-s3-contract-");
        glaux = engine(data).syncWrites(false).build();
        new SampleDataInstaller(glaux).installOnFirstStart();
        server = GlauxServer.start(glaux, "127.0.0.1", 0);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        presigner = S3Presigner.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        raw = new RawS3(server.endpoint());
    }

    @AfterAll
    void stop() throws Exception {
        if (s3 != null) {
            s3.close();
            athena.close();
            presigner.close();
        }
        if (server != null) {
            server.close();
        }
        if (glaux != null) {
            glaux.close();
        }
        stopStore();
        deleteTree(data);
    }

    /** Deletes a folder and everything in it (nothing when it is null or missing). */
    protected static void deleteTree(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Stops what {@link #engine} started. */
    protected void stopStore() throws Exception {
    }

    /** A new, empty bucket. */
    protected String newBucket(String name) {
        String bucket = name + "-" + buckets.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    protected void put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    protected String get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    protected List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    /** The call fails with this HTTP status and (when not null) S3 error code. */
    protected static void assertS3Error(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
            if (code != null) {
                assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
            }
        });
    }

    /** An XML error answer that names no path of this machine. */
    protected void assertXmlError(RawS3.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
        assertNoMachinePath(answer.body());
    }

    protected void assertNoMachinePath(String body) {
        assertThat(body).doesNotContain(data.toAbsolutePath().toString()).doesNotContain("<html")
                .doesNotContain("<HTML").doesNotContain("Exception");
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The sample data's bucket, which the engine queries. */
    protected static String sampleBucket() {
        return SampleDataset.BUCKET;
    }

    protected String queryResultsBucket() throws IOException {
        return Glaux.DEFAULT_OUTPUT_LOCATION.substring("s3://".length(), Glaux.DEFAULT_OUTPUT_LOCATION.length() - 1);
    }
}
