package io.glaux.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.cli.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * kill -9 of a {@code glaux serve} child process at seeded random moments while clients write objects (single and
 * multipart uploads, overwrites, bursts of small creates) and run CTAS, INSERT and long queries; then a restart on
 * the same data folder. Every acknowledged write must be there, whole; every object there must be one a client
 * sent, whole (no partial object, no stray key); no query may be left QUEUED or RUNNING; no staging survives.
 */
@Tag("crash")
class CrashRecoveryTest {

    private static final String BUCKET = "crash";
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path scratch;

    /** What clients sent, per key: the MD5 of each version; and what the server acknowledged. */
    private final Map<String, List<String>> attempted = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Writes whose answer the kill cut off (sent, never acknowledged). */
    private final java.util.concurrent.atomic.AtomicInteger cutOff = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void killedDuringUploadsNoAcknowledgedObjectIsLostAndNoPartialOrStrayOneAppears() throws Exception {
        Path data = scratch.resolve("data");
        Random random = new Random(20261203L);
        ServeProcess server = ServeProcess.start(data, scratch.resolve("logs"), "run-0");
        try (S3Client s3 = s3(server.endpoint())) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        for (int round = 1; round <= 4; round++) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            S3Client s3 = s3(server.endpoint());
            for (int writer = 0; writer < 3; writer++) {
                long seed = random.nextLong();
                int id = writer;
                int r = round;
                Thread thread = new Thread(() -> write(s3, new Random(seed), r, id, stop));
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(400 + random.nextInt(2500));
            server.kill();
            stop.set(true);
            for (Thread thread : writers) {
                thread.join(Duration.ofSeconds(60).toMillis());
            }
            s3.close();

            server = ServeProcess.start(data, scratch.resolve("logs"), "run-" + round);
            try (S3Client check = s3(server.endpoint())) {
                assertEveryObjectIsWholeAndEveryAcknowledgedOneIsThere(check);
            }
            assertNoStagingOutlivedItsWriter(data);
        }
        server.close();
        assertThat(acknowledged).as("the writers got some writes through").isNotEmpty();
        assertThat(cutOff.get()).as("kills landed in the middle of writes").isPositive();
    }

    @Test
    void killedDuringCtasInsertAndQueriesNoQueryIsLeftRunningAndSucceededTablesAreWhole() throws Exception {
        Path data = scratch.resolve("data");
        Random random = new Random(7L);
        ServeProcess server = ServeProcess.start(data, scratch.resolve("logs"), "q-0");
        try (S3Client s3 = s3(server.endpoint()); AthenaClient athena = athena(server.endpoint())) {
            s3.createBucket(b -> b.bucket("lake"));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                rows.append(i).append(',').append(i % 97).append('\n');
            }
            s3.putObject(b -> b.bucket("lake").key("src/part-0.csv"), RequestBody.fromString(rows.toString()));
            await(athena, athena.startQueryExecution(b -> b.queryString("CREATE EXTERNAL TABLE src (id bigint, k int)"
                    + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/src/'")).queryExecutionId());
            await(athena, athena.startQueryExecution(b -> b.queryString("CREATE TABLE sink WITH (format='PARQUET')"
                    + " AS SELECT * FROM src WHERE id < 10")).queryExecutionId());
        }
        List<String> submitted = new CopyOnWriteArrayList<>();
        Set<String> cutOffQueries = new java.util.HashSet<>();
        for (int round = 1; round <= 3; round++) {
            try (AthenaClient athena = athena(server.endpoint())) {
                for (int i = 0; i < 3; i++) {
                    String ctas = "CREATE TABLE t_" + round + "_" + i + " WITH (format='PARQUET') AS SELECT id, k,"
                            + " id * k AS p FROM src";
                    submitted.add(athena.startQueryExecution(b -> b.queryString(ctas)).queryExecutionId());
                }
                submitted.add(athena.startQueryExecution(b -> b.queryString("INSERT INTO sink SELECT * FROM src"))
                        .queryExecutionId());
                submitted.add(athena.startQueryExecution(b -> b.queryString("SELECT a.k, count(*) FROM src a"
                        + " JOIN src b ON a.k = b.k GROUP BY a.k")).queryExecutionId());
                Thread.sleep(300 + random.nextInt(3000));
            }
            server.kill();
            server = ServeProcess.start(data, scratch.resolve("logs"), "q-" + round);
            try (AthenaClient athena = athena(server.endpoint())) {
                for (String id : submitted) {
                    QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
                    assertThat(execution.status().state()).as(execution.query())
                            .isIn(QueryExecutionState.SUCCEEDED, QueryExecutionState.FAILED,
                                    QueryExecutionState.CANCELLED);
                    if (execution.status().state() == QueryExecutionState.FAILED) {
                        cutOffQueries.add(id);
                    }
                    if (execution.query().startsWith("CREATE TABLE t_")) {
                        String table = execution.query().substring("CREATE TABLE ".length()).split(" ")[0];
                        assertCtasIsWholeOrAbsent(athena, table, execution.status().state());
                    }
                }
                // INSERTs add whole objects: the sink holds its 10 rows plus a whole copy of src per INSERT that ran.
                String count = rows(athena, "SELECT count(*) FROM sink").get(0);
                assertThat((Long.parseLong(count) - 10) % 200_000).as("sink rows: " + count).isZero();
            }
            assertNoStagingOutlivedItsWriter(data);
        }
        server.close();
        assertThat(cutOffQueries).as("kills landed while queries ran").isNotEmpty();
    }

    private void assertCtasIsWholeOrAbsent(AthenaClient athena, String table, QueryExecutionState state)
            throws InterruptedException {
        List<String> tables = rows(athena, "SHOW TABLES");
        if (state == QueryExecutionState.SUCCEEDED) {
            assertThat(tables).contains(table);
            assertThat(rows(athena, "SELECT count(*) FROM " + table)).containsExactly("200000");
        } else {
            assertThat(tables).doesNotContain(table);
        }
    }

    /** One writer: single PUTs, multipart uploads and overwrites of a few keys, and bursts of small creates. */
    private void write(S3Client s3, Random random, int round, int writer, AtomicBoolean stop) {
        int n = 0;
        while (!stop.get()) {
            n++;
            String key;
            int size;
            int kind = random.nextInt(3);
            if (kind == 0) {
                key = "burst/" + round + "/" + writer + "/" + n;
                size = 1 + random.nextInt(4096);
            } else {
                key = "big/" + writer + "-" + random.nextInt(3); // overwritten across rounds
                size = (kind == 1 ? 1 + random.nextInt(4) : 6 + random.nextInt(6)) * MIB + random.nextInt(MIB);
            }
            byte[] content = new byte[size];
            random.nextBytes(content);
            String md5 = md5(content);
            attempted.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(md5);
            try {
                if (size > 5 * MIB && kind == 2) {
                    multipart(s3, key, content);
                } else {
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
                }
                acknowledged.put(key, md5);
            } catch (RuntimeException e) {
                cutOff.incrementAndGet();
                return; // the server is gone
            }
        }
    }

    private static void multipart(S3Client s3, String key, byte[] content) {
        String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        int partSize = 5 * MIB;
        for (int offset = 0, number = 1; offset < content.length; offset += partSize, number++) {
            int length = Math.min(partSize, content.length - offset);
            byte[] part = java.util.Arrays.copyOfRange(content, offset, offset + length);
            int partNumber = number;
            String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(upload).partNumber(partNumber),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(upload)
                .multipartUpload(m -> m.parts(parts)));
    }

    private void assertEveryObjectIsWholeAndEveryAcknowledgedOneIsThere(S3Client s3) throws IOException {
        Set<String> listed = new java.util.HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            listed.add(object.key());
            assertThat(attempted).as("a key no client sent: " + object.key()).containsKey(object.key());
            String md5;
            try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(object.key()))) {
                md5 = md5(in.readAllBytes());
            }
            assertThat(attempted.get(object.key())).as("the whole content of one upload of " + object.key())
                    .contains(md5);
        }
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            assertThat(listed).as("acknowledged").contains(ack.getKey());
            List<String> versions = attempted.get(ack.getKey());
            // The acknowledged version, or one sent after it whose answer the kill cut off.
            try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(ack.getKey()))) {
                String md5 = md5(in.readAllBytes());
                assertThat(versions.subList(versions.indexOf(ack.getValue()), versions.size())).contains(md5);
            }
        }
    }

    /** Only the running server's own staging area is left (its lock is held), with nothing in it. */
    private static void assertNoStagingOutlivedItsWriter(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve(".glaux/store/staging"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".part"))).isEmpty();
        }
        try (Stream<Path> areas = Files.list(data.resolve(".glaux/store/staging"))) {
            assertThat(areas).hasSize(1);
        }
    }

    private static List<String> rows(AthenaClient athena, String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
        assertThat(await(athena, id)).isEqualTo(QueryExecutionState.SUCCEEDED);
        List<String> values = new ArrayList<>();
        var rows = athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows();
        boolean header = !sql.startsWith("SHOW");
        for (var row : rows) {
            if (header) {
                header = false;
                continue;
            }
            values.add(row.data().get(0).varCharValue());
        }
        return values;
    }

    private static QueryExecutionState await(AthenaClient athena, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            QueryExecutionState state = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution()
                    .status().state();
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("query " + id + " did not finish");
    }

    private static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofMinutes(2)))
                .build();
    }

    private static AthenaClient athena(URI endpoint) {
        return AthenaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
