package io.glaux.athena.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Query results encrypted as Athena encrypts them, through the AWS SDK for Java v2 against a server with IAM
 * enforced: SSE_S3 and SSE_KMS results are ciphertext in the data folder and S3 reports their encryption; CSE_KMS
 * results carry the S3 Encryption Client's envelope, which a client opens with KMS and AES-GCM; a workgroup that
 * enforces its configuration overrides the client's choice; GetQueryExecution reports what a query's results got; and
 * a caller that may not use the key can neither write nor read them, nor read table data encrypted with it.
 */
class AthenaResultEncryptionTest {

    @TempDir
    static Path data;
    static GlauxServer server;
    static AwsCredentials root = AwsBasicCredentials.create("test", "test");
    static String key;

    private static final String MARKER = "secret-marker-7f3a";
    private static final String SQL = "SELECT '" + MARKER + "' AS s, 42 AS n";
    private static final String ATHENA = allow("athena:*", "*");
    private static final String GLUE = allow("[\"glue:GetDatabase\",\"glue:GetTable\"]", "*");
    private static final String S3 = allow("[\"s3:ListBucket\",\"s3:GetObject\",\"s3:PutObject\"]", "*");

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).enforceIam(true).start();
        try (KmsClient kms = AccessFixture.client(KmsClient.builder(), server, root, Region.US_EAST_1)) {
            key = kms.createKey(b -> b.description("athena results")).keyMetadata().arn();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static AthenaClient athena(AwsCredentials caller) {
        return AccessFixture.client(AthenaClient.builder(), server, caller, Region.US_EAST_1);
    }

    private static S3Client s3() {
        return AccessFixture.client(S3Client.builder().forcePathStyle(true), server, root, Region.US_EAST_1);
    }

    private static QueryExecution run(AthenaClient athena, String sql, String workGroup,
                                      EncryptionConfiguration encryption) throws InterruptedException {
        return AccessFixture.awaitEnd(athena, athena.startQueryExecution(b -> b.queryString(sql).workGroup(workGroup)
                .resultConfiguration(r -> r.encryptionConfiguration(encryption))).queryExecutionId());
    }

    private static EncryptionConfiguration encryption(EncryptionOption option, String kmsKey) {
        return EncryptionConfiguration.builder().encryptionOption(option).kmsKey(kmsKey).build();
    }

    /** The bytes the data folder holds for an S3 object. */
    private static byte[] onDisk(String s3Uri) throws Exception {
        String path = s3Uri.substring("s3://".length());
        return Files.readAllBytes(data.resolve(path));
    }

    private static String bucket(String s3Uri) {
        return s3Uri.substring(5, s3Uri.indexOf('/', 5));
    }

    private static String key(String s3Uri) {
        return s3Uri.substring(s3Uri.indexOf('/', 5) + 1);
    }

    private static List<List<String>> rows(AthenaClient athena, String id, int pageSize) {
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetQueryResultsResponse page = athena.getQueryResults(b -> b.queryExecutionId(id).maxResults(pageSize)
                    .nextToken(next));
            for (Row row : page.resultSet().rows()) {
                rows.add(row.data().stream().map(d -> d.varCharValue()).toList());
            }
            token = page.nextToken();
        } while (token != null);
        return rows;
    }

    @Test
    void sseKmsResultsAreCiphertextOnDiskAndReportedByAthenaAndS3() throws Exception {
        try (AthenaClient athena = athena(root); S3Client s3 = s3()) {
            QueryExecution done = run(athena, SQL, "primary", encryption(EncryptionOption.SSE_KMS, key));
            assertThat(done.status().state()).as(done.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            assertThat(done.resultConfiguration().encryptionConfiguration())
                    .isEqualTo(encryption(EncryptionOption.SSE_KMS, key));
            String csv = done.resultConfiguration().outputLocation();
            assertThat(new String(onDisk(csv), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
            assertThat(new String(onDisk(csv + ".metadata"), StandardCharsets.ISO_8859_1)).doesNotContain("varchar");
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket(csv)).key(key(csv)));
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).isEqualTo(key);
            assertThat(rows(athena, done.queryExecutionId(), 1000))
                    .containsExactly(List.of("s", "n"), List.of(MARKER, "42"));
        }
    }

    @Test
    void sseS3ResultsAreCiphertextOnDiskAndReportedAsAes256() throws Exception {
        try (AthenaClient athena = athena(root); S3Client s3 = s3()) {
            QueryExecution done = run(athena, SQL, "primary", encryption(EncryptionOption.SSE_S3, null));
            assertThat(done.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            String csv = done.resultConfiguration().outputLocation();
            assertThat(new String(onDisk(csv), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
            assertThat(s3.headObject(b -> b.bucket(bucket(csv)).key(key(csv))).serverSideEncryption())
                    .isEqualTo(ServerSideEncryption.AES256);
            assertThat(rows(athena, done.queryExecutionId(), 1000)).contains(List.of(MARKER, "42"));
        }
    }

    @Test
    void cseKmsResultsCarryTheEncryptionClientsEnvelopeThatKmsAndAesGcmOpen() throws Exception {
        try (AthenaClient athena = athena(root); S3Client s3 = s3();
             KmsClient kms = AccessFixture.client(KmsClient.builder(), server, root, Region.US_EAST_1)) {
            QueryExecution done = run(athena, SQL, "primary", encryption(EncryptionOption.CSE_KMS, key));
            assertThat(done.status().state()).as(done.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            String csv = done.resultConfiguration().outputLocation();
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket(csv)).key(key(csv)));
            Map<String, String> envelope = object.response().metadata();
            assertThat(envelope).containsEntry("x-amz-wrap-alg", "kms+context")
                    .containsEntry("x-amz-cek-alg", "AES/GCM/NoPadding").containsEntry("x-amz-tag-len", "128")
                    .containsKeys("x-amz-key-v2", "x-amz-iv", "x-amz-matdesc");
            assertThat(new String(object.asByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);

            // What the S3 Encryption Client does: unwrap the data key with KMS under the stored context, then GCM.
            Map<String, String> context = new ObjectMapper().readValue(envelope.get("x-amz-matdesc"),
                    new TypeReference<Map<String, String>>() { });
            byte[] dataKey = kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder()
                    .decode(envelope.get("x-amz-key-v2")))).encryptionContext(context)).plaintext().asByteArray();
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(128, Base64.getDecoder().decode(envelope.get("x-amz-iv"))));
            assertThat(new String(gcm.doFinal(object.asByteArray()), StandardCharsets.UTF_8))
                    .isEqualTo("\"s\",\"n\"\n\"" + MARKER + "\",\"42\"\n");

            assertThat(rows(athena, done.queryExecutionId(), 1000))
                    .containsExactly(List.of("s", "n"), List.of(MARKER, "42"));
        }
    }

    @Test
    void pagesOfClientSideEncryptedResultsMatchThePagesOfPlainOnes() throws Exception {
        try (AthenaClient athena = athena(root)) {
            String sql = "SELECT * FROM shop.orders ORDER BY 1";
            QueryExecution plain = run(athena, sql, "primary", null);
            QueryExecution encrypted = run(athena, sql, "primary", encryption(EncryptionOption.CSE_KMS, key));
            assertThat(encrypted.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
            List<List<String>> expected = rows(athena, plain.queryExecutionId(), 1000);
            assertThat(expected.size()).isGreaterThan(10);
            assertThat(rows(athena, encrypted.queryExecutionId(), 3)).isEqualTo(expected);
        }
    }

    @Test
    void aWorkgroupThatEnforcesItsEncryptionOverridesTheClientsAndOneThatDoesNotYieldsToIt() throws Exception {
        try (AthenaClient athena = athena(root)) {
            athena.createWorkGroup(b -> b.name("encrypted").configuration(c -> c.enforceWorkGroupConfiguration(true)
                    .resultConfiguration(r -> r.outputLocation("s3://glaux-query-results/encrypted/")
                            .encryptionConfiguration(encryption(EncryptionOption.SSE_KMS, key)))));
            athena.createWorkGroup(b -> b.name("suggests").configuration(c -> c.enforceWorkGroupConfiguration(false)
                    .resultConfiguration(r -> r.outputLocation("s3://glaux-query-results/suggests/")
                            .encryptionConfiguration(encryption(EncryptionOption.SSE_S3, null)))));

            QueryExecution enforced = run(athena, SQL, "encrypted", encryption(EncryptionOption.SSE_S3, null));
            assertThat(enforced.resultConfiguration().encryptionConfiguration())
                    .isEqualTo(encryption(EncryptionOption.SSE_KMS, key));
            QueryExecution clientWins = run(athena, SQL, "suggests", encryption(EncryptionOption.CSE_KMS, key));
            assertThat(clientWins.resultConfiguration().encryptionConfiguration())
                    .isEqualTo(encryption(EncryptionOption.CSE_KMS, key));
            QueryExecution workgroupDefault = run(athena, SQL, "suggests", null);
            assertThat(workgroupDefault.resultConfiguration().encryptionConfiguration())
                    .isEqualTo(encryption(EncryptionOption.SSE_S3, null));
            QueryExecution none = run(athena, SQL, "primary", null);
            assertThat(none.resultConfiguration().encryptionConfiguration()).isNull();
        }
    }

    @Test
    void cseKmsWithoutAKeyIsRefusedAtSubmission() {
        try (AthenaClient athena = athena(root)) {
            InvalidRequestException refused = catchThrowableOfType(() -> athena.startQueryExecution(b -> b
                    .queryString(SQL).resultConfiguration(r -> r.encryptionConfiguration(
                            encryption(EncryptionOption.CSE_KMS, null)))), InvalidRequestException.class);
            assertThat(refused.awsErrorDetails().errorMessage())
                    .isEqualTo("KmsKey is required when EncryptionOption is CSE_KMS");
        }
    }

    @Test
    void aCallerThatMayNotUseTheKeyCanNeitherWriteNorReadEncryptedResults() throws Exception {
        AwsCredentials noKms = user(server, "no-kms", ATHENA, GLUE, S3);
        try (AthenaClient athena = athena(noKms)) {
            QueryExecution failed = run(athena, SQL, "primary", encryption(EncryptionOption.SSE_KMS, key));
            assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(failed.status().stateChangeReason()).startsWith("Access denied when writing output to url: s3://"
                    + "glaux-query-results/" + failed.queryExecutionId() + ".csv . Please ensure you are allowed to"
                    + " access the S3 bucket. If you are encrypting query results with KMS key, please ensure you are"
                    + " allowed to access your KMS key. User: arn:aws:iam::000000000000:user/no-kms is not"
                    + " authorized to perform: kms:GenerateDataKey on resource: " + key)
                    .contains("To allow it:");
            assertThat(failed.status().athenaError().errorCategory()).isEqualTo(2);
        }

        AwsCredentials writeOnly = user(server, "write-only", ATHENA, GLUE, S3, allow("kms:GenerateDataKey", key));
        for (EncryptionOption option : List.of(EncryptionOption.SSE_KMS, EncryptionOption.CSE_KMS)) {
            try (AthenaClient athena = athena(writeOnly)) {
                QueryExecution written = run(athena, SQL, "primary", encryption(option, key));
                assertThat(written.status().state()).as(written.status().stateChangeReason())
                        .isEqualTo(QueryExecutionState.SUCCEEDED);
                InvalidRequestException unreadable = catchThrowableOfType(() -> athena.getQueryResults(b -> b
                        .queryExecutionId(written.queryExecutionId())), InvalidRequestException.class);
                assertThat(unreadable.awsErrorDetails().errorMessage())
                        .startsWith("Access denied when reading the query result object "
                                + written.resultConfiguration().outputLocation())
                        .contains("User: arn:aws:iam::000000000000:user/write-only is not authorized to perform:"
                                + " kms:Decrypt")
                        .contains("To allow it:");
            }
        }

        AwsCredentials keyUser = user(server, "key-user", ATHENA, GLUE, S3,
                allow("[\"kms:GenerateDataKey\",\"kms:Decrypt\"]", key));
        try (AthenaClient athena = athena(keyUser)) {
            QueryExecution done = run(athena, SQL, "primary", encryption(EncryptionOption.CSE_KMS, key));
            assertThat(rows(athena, done.queryExecutionId(), 1000)).contains(List.of(MARKER, "42"));
        }
    }

    @Test
    void tableDataEncryptedWithAKeyTheCallerMayNotUseFailsTheQueryNamingKmsDecrypt() throws Exception {
        try (S3Client s3 = s3(); AthenaClient admin = athena(root)) {
            s3.createBucket(b -> b.bucket("vault"));
            s3.putObject(b -> b.bucket("vault").key("notes/a.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId(key), RequestBody.fromString("1,classified\n"));
            assertThat(run(admin, "CREATE EXTERNAL TABLE default.notes (id int, note string) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY ',' LOCATION 's3://vault/notes/'", "primary", null).status().state())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
        }
        try (AthenaClient athena = athena(user(server, "reader", ATHENA, GLUE, S3))) {
            QueryExecution failed = run(athena, "SELECT note FROM default.notes", "primary", null);
            assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
            assertThat(failed.status().stateChangeReason()).startsWith("HIVE_CANNOT_OPEN_SPLIT: Error opening Hive"
                    + " split s3://vault/notes/a.csv (offset=0, length=13): User: arn:aws:iam::000000000000:user/reader"
                    + " is not authorized to perform: kms:Decrypt on")
                    .contains("To allow it:").contains("(Service: AWSKMS; Status Code: 400; Error Code:"
                    + " AccessDeniedException)");
        }
        try (AthenaClient athena = athena(user(server, "decrypter", ATHENA, GLUE, S3, allow("kms:Decrypt", key)))) {
            QueryExecution done = run(athena, "SELECT note FROM default.notes", "primary", null);
            assertThat(done.status().state()).as(done.status().stateChangeReason())
                    .isEqualTo(QueryExecutionState.SUCCEEDED);
            assertThat(rows(athena, done.queryExecutionId(), 1000)).contains(List.of("classified"));
        }
    }
}
