package io.glaux.s3.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.kms.KeyStore;
import io.glaux.sample.SampleDataset;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption at rest through the SDK's S3 client with IAM enforced: SSE-S3 by default, SSE-KMS by header and by the
 * bucket's default encryption, the headers S3 answers, ranged reads, multipart and copy, the bytes on disk being
 * ciphertext, reads and writes refused without kms:Decrypt / kms:GenerateDataKey, a disabled key, and a Parquet table
 * stored SSE-KMS queried through Athena.
 */
class S3EncryptionTest {

    private static final String ACCOUNT = "000000000000";

    @TempDir
    static Path data;

    private static GlauxServer server;
    private static S3Client root;
    private static String keyArn;
    private static byte[] body;

    @BeforeAll
    static void start() throws IOException {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create(IamDirectory.DEFAULT_ROOT_ACCESS_KEY_ID,
                IamDirectory.DEFAULT_ROOT_SECRET_ACCESS_KEY));
        root.createBucket(b -> b.bucket("vault"));
        keyArn = keys().createKey("objects", null, Map.of()).arn();
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("line ").append(i).append(";secret-payload\n");
        }
        body = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        root.close();
        server.close();
    }

    private static KeyStore keys() {
        return server.kms().store(ACCOUNT, "us-east-1");
    }

    private static S3Client client(AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).forcePathStyle(true).build();
    }

    /** A user of the account with one inline policy, and a client signed with its key. */
    private static S3Client user(String name, String policy) {
        IamDirectory iam = server.iam();
        iam.createUser(name, "/", java.util.List.of());
        iam.putInlinePolicy(EntityKind.USER, name, "p", policy);
        AccessKey key = iam.createAccessKey(name);
        return client(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    private static boolean onDiskHoldsPlaintext(String bucket, String key) throws IOException {
        byte[] stored = Files.readAllBytes(data.resolve(bucket).resolve(key));
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        return text.contains("secret-payload");
    }

    @Test
    void anObjectWithoutHeadersIsSseS3AndCiphertextOnDisk() throws Exception {
        PutObjectResponse put = root.putObject(b -> b.bucket("vault").key("plain/a.txt"), RequestBody.fromBytes(body));
        HeadObjectResponse head = root.headObject(b -> b.bucket("vault").key("plain/a.txt"));

        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head.ssekmsKeyId()).isNull();
        assertThat(head.contentLength()).isEqualTo(body.length);
        assertThat(onDiskHoldsPlaintext("vault", "plain/a.txt")).isFalse();
        assertThat(root.getObjectAsBytes(b -> b.bucket("vault").key("plain/a.txt")).asByteArray()).isEqualTo(body);
    }

    @Test
    void sseKmsByHeaderIsAnsweredWithTheKeyArnAndRangesDecrypt() throws Exception {
        PutObjectResponse put = root.putObject(b -> b.bucket("vault").key("kms/a.txt")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn), RequestBody.fromBytes(body));
        HeadObjectResponse head = root.headObject(b -> b.bucket("vault").key("kms/a.txt"));
        var get = root.getObjectAsBytes(b -> b.bucket("vault").key("kms/a.txt").range("bytes=65530-131080"));

        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(get.response().ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(get.response().contentRange()).isEqualTo("bytes 65530-131080/" + body.length);
        assertThat(get.asByteArray()).isEqualTo(Arrays.copyOfRange(body, 65530, 131081));
        assertThat(onDiskHoldsPlaintext("vault", "kms/a.txt")).isFalse();
    }

    @Test
    void aKeyAliasAndAnEncryptionContextAreHonoured() {
        keys().createAlias("alias/objects", keyArn);
        String context = Base64.getEncoder().encodeToString("{\"project\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        root.putObject(b -> b.bucket("vault").key("kms/ctx.txt").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("alias/objects").ssekmsEncryptionContext(context), RequestBody.fromString("x"));

        assertThat(root.headObject(b -> b.bucket("vault").key("kms/ctx.txt")).ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(root.getObjectAsBytes(b -> b.bucket("vault").key("kms/ctx.txt")).asUtf8String()).isEqualTo("x");
    }

    @Test
    void badEncryptionHeadersAreRefused() {
        assertThatThrownBy(() -> root.putObject(b -> b.bucket("vault").key("bad").serverSideEncryption("AES128"),
                RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The encryption method specified is not supported");
                });
        assertThatThrownBy(() -> root.putObject(b -> b.bucket("vault").key("bad")
                .serverSideEncryption(ServerSideEncryption.AES256).ssekmsKeyId(keyArn), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Server Side Encryption with AWS"
                                + " KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"));
    }

    @Test
    void theBucketDefaultEncryptionApplies() {
        root.createBucket(b -> b.bucket("kms-default"));
        root.putBucketEncryption(b -> b.bucket("kms-default").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
        root.putObject(b -> b.bucket("kms-default").key("a"), RequestBody.fromString("a"));
        root.putObject(b -> b.bucket("kms-default").key("b").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("b"));

        HeadObjectResponse a = root.headObject(b -> b.bucket("kms-default").key("a"));
        assertThat(a.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(a.ssekmsKeyId()).isEqualTo(keys().describeKey("alias/aws/s3").arn());
        assertThat(root.headObject(b -> b.bucket("kms-default").key("b")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void multipartAndCopyKeepTheEncryptionAsked() {
        String id = root.createMultipartUpload(b -> b.bucket("vault").key("mp")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn)).uploadId();
        byte[] part1 = Arrays.copyOf(body, 5 * 1024 * 1024);
        String etag1 = root.uploadPart(b -> b.bucket("vault").key("mp").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String etag2 = root.uploadPart(b -> b.bucket("vault").key("mp").uploadId(id).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        var done = root.completeMultipartUpload(b -> b.bucket("vault").key("mp").uploadId(id).multipartUpload(m -> m
                .parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        assertThat(done.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(done.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(root.headObject(b -> b.bucket("vault").key("mp")).contentLength()).isEqualTo(part1.length + 4);

        var copy = root.copyObject(b -> b.sourceBucket("vault").sourceKey("mp").destinationBucket("vault")
                .destinationKey("mp-copy"));
        assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        var copied = root.getObjectAsBytes(b -> b.bucket("vault").key("mp-copy"));
        assertThat(copied.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(copied.asByteArray()).hasSize(part1.length + 4);
    }

    @Test
    void aCallerWithoutKmsPermissionsCannotReadOrWriteSseKmsObjects() {
        root.putObject(b -> b.bucket("vault").key("kms/locked.txt").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(keyArn), RequestBody.fromString("locked"));
        root.putObject(b -> b.bucket("vault").key("open.txt"), RequestBody.fromString("open"));
        S3Client s3Only = user("s3only", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        S3Client withKms = user("withkms", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:*\",\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"*\"}]}");

        assertThat(s3Only.getObjectAsBytes(b -> b.bucket("vault").key("open.txt")).asUtf8String()).isEqualTo("open");
        assertThatThrownBy(() -> s3Only.getObjectAsBytes(b -> b.bucket("vault").key("kms/locked.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT
                            + ":user/s3only is not authorized to perform: kms:Decrypt on the resource associated"
                            + " with this ciphertext because no identity-based policy allows the kms:Decrypt action")
                            .contains("To allow it: ");
                });
        assertThatThrownBy(() -> s3Only.putObject(b -> b.bucket("vault").key("kms/new.txt")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn), RequestBody.fromString("n")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT
                            + ":user/s3only is not authorized to perform: kms:GenerateDataKey on resource: "
                            + keyArn + " because no identity-based policy allows the kms:GenerateDataKey action");
                });
        assertThat(withKms.getObjectAsBytes(b -> b.bucket("vault").key("kms/locked.txt")).asUtf8String())
                .isEqualTo("locked");
        s3Only.close();
        withKms.close();
    }

    @Test
    void aDisabledKeyIsKmsDisabledException() {
        String disabled = keys().createKey("soon disabled", null, Map.of()).arn();
        root.putObject(b -> b.bucket("vault").key("kms/disabled.txt").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(disabled), RequestBody.fromString("d"));
        keys().disableKey(disabled.substring(disabled.lastIndexOf('/') + 1));

        assertThatThrownBy(() -> root.getObjectAsBytes(b -> b.bucket("vault").key("kms/disabled.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMS.DisabledException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(disabled);
                });
    }

    @Test
    void aParquetTableStoredSseKmsIsQueryable() throws Exception {
        root.createBucket(b -> b.bucket(SampleDataset.BUCKET));
        root.createBucket(b -> b.bucket("results"));
        root.putBucketEncryption(b -> b.bucket(SampleDataset.BUCKET).serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)))));
        SampleDataset.copyTo((key, content) -> root.putObject(b -> b.bucket(SampleDataset.BUCKET).key(key),
                RequestBody.fromBytes(content.readAllBytes())));
        String parquet = SampleDataset.keys().stream().filter(k -> k.endsWith(".parquet")).findFirst().orElseThrow();
        assertThat(root.headObject(b -> b.bucket(SampleDataset.BUCKET).key(parquet)).ssekmsKeyId()).isEqualTo(keyArn);

        try (AthenaClient athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
                        .create(IamDirectory.DEFAULT_ROOT_ACCESS_KEY_ID, IamDirectory.DEFAULT_ROOT_SECRET_ACCESS_KEY)))
                .build()) {
            for (String statement : SampleDataset.ddlStatements()) {
                assertThat(run(athena, statement).status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            }
            QueryExecution count = run(athena, "SELECT count(*), sum(quantity) FROM shop.orders");
            assertThat(count.status().state()).as(count.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            var rows = athena.getQueryResults(b -> b.queryExecutionId(count.queryExecutionId())).resultSet().rows();
            assertThat(Long.parseLong(rows.get(1).data().get(0).varCharValue())).isPositive();
        }
    }

    private static QueryExecution run(AthenaClient athena, String sql) throws InterruptedException {
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .resultConfiguration(r -> r.outputLocation("s3://results/q/"))).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + id + " still " + state);
            }
            Thread.sleep(50);
        }
    }
}
