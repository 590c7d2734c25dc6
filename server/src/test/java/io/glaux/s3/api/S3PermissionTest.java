package io.glaux.s3.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.Role;
import io.glaux.iam.directory.Session;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S3 authorization with enforcement on, through the SDK's S3 client signed as several IAM users and a role session:
 * a table of principal × operation × resource, each allowed (and done) or refused with S3's AccessDenied naming the
 * principal, action, quoted resource and reason, and the grant that would allow it. Identity policies with wildcards,
 * NotAction and conditions on s3:prefix, aws:SecureTransport and s3:authType; a bucket policy's explicit Deny beating
 * an identity allow; a bucket policy alone allowing a user of the account or, through {@code "Principal": "*"}, any
 * caller; a presigned GET; DeleteObjects with allowed and refused keys. (Unsigned requests are answered by
 * {@link S3AnonymousAccessTest}: the server's router sends only signed requests to S3.)
 */
class S3PermissionTest {

    private static final String ACCOUNT = "000000000000";
    private static final Consumer<ClientOverrideConfiguration.Builder> NO_RETRY =
            o -> o.retryPolicy(RetryPolicy.none());
    private static final String NO_IDENTITY = "because no identity-based policy allows the ";

    @TempDir
    static Path data;

    private static GlauxServer server;
    private static S3Client root;
    private static final Map<String, AwsCredentials> CALLERS = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create(IamDirectory.DEFAULT_ROOT_ACCESS_KEY_ID,
                IamDirectory.DEFAULT_ROOT_SECRET_ACCESS_KEY));
        for (String bucket : List.of("data", "locked", "site")) {
            root.createBucket(b -> b.bucket(bucket));
        }
        for (String key : List.of("reports/q.csv", "other/x.csv", "home/alice/a.txt", "home/bob/b.txt",
                "shared/s.txt")) {
            root.putObject(b -> b.bucket("data").key(key), RequestBody.fromString("data of " + key));
        }
        root.putObject(b -> b.bucket("locked").key("secret.txt"), RequestBody.fromString("secret"));
        root.putObject(b -> b.bucket("site").key("index.html"), RequestBody.fromString("<h1>hi</h1>"));

        user("reader", allow("[\"s3:GetObject\", \"s3:ListBucket\"]",
                "[\"arn:aws:s3:::data\", \"arn:aws:s3:::data/*\"]", null));
        user("wild", allow("\"s3:Get*\"", "\"arn:aws:s3:::data/reports/*\"", null));
        user("notdeleter", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":"
                + "[\"s3:DeleteObject\",\"s3:DeleteBucket\"],\"Resource\":\"*\"}]}");
        user("alice", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::data\",\"Condition\":{\"StringLike\":{\"s3:prefix\":"
                + "\"home/${aws:username}/*\"}}},{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::data/home/${aws:username}/*\"}]}");
        user("tlsonly", allow("\"s3:GetObject\"", "\"arn:aws:s3:::data/*\"",
                "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"));
        user("headeronly", allow("\"s3:GetObject\"", "\"arn:aws:s3:::data/*\"",
                "{\"StringEquals\":{\"s3:authType\":\"REST-HEADER\"}}"));
        user("admin", allow("\"s3:*\"", "\"*\"", null));
        user("nobody", null);
        user("lister", allow("\"s3:ListBucket\"", "\"arn:aws:s3:::data\"", null));
        user("cleaner", allow("\"s3:DeleteObject\"", "\"arn:aws:s3:::data/tmp/*\"", null));

        IamDirectory iam = server.iam();
        Role role = iam.createRole("analyst", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}",
                null, null, List.of());
        iam.putInlinePolicy(EntityKind.ROLE, "analyst", "read", allow("\"s3:GetObject\"", "\"arn:aws:s3:::data/*\"",
                null));
        Session session = iam.assumeRole(role.arn(), "s1", Duration.ofHours(1), null);
        CALLERS.put("analyst", AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken()));

        root.putBucketPolicy(b -> b.bucket("locked").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"NoSecrets\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":user/admin\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::locked/*\"}]}"));
        root.putBucketPolicy(b -> b.bucket("data").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Shared\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":user/nobody\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/shared/*\"}]}"));
        root.putBucketPolicy(b -> b.bucket("site").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::site/*\"}]}"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String allow(String actions, String resources, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":" + resources + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static void user(String name, String policy) {
        IamDirectory iam = server.iam();
        iam.createUser(name, "/", List.of());
        if (policy != null) {
            iam.putInlinePolicy(EntityKind.USER, name, "s3", policy);
        }
        AccessKey key = iam.createAccessKey(name);
        CALLERS.put(name, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    private static S3Client client(AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(NO_RETRY).build();
    }

    private static S3Client as(String caller) {
        return client(CALLERS.get(caller));
    }

    private static String arnOf(String caller) {
        return caller.equals("analyst") ? "arn:aws:sts::" + ACCOUNT + ":assumed-role/analyst/s1"
                : "arn:aws:iam::" + ACCOUNT + ":user/" + caller;
    }

    /** One row: who calls, what, and either null (allowed) or the refused action, resource and reason. */
    record Case(String caller, String what, Consumer<S3Client> call, String action, String resource, String reason) {
        @Override
        public String toString() {
            return caller + " " + what + (action == null ? " allowed" : " denied");
        }
    }

    private static Case allowed(String caller, String what, Consumer<S3Client> call) {
        return new Case(caller, what, call, null, null, null);
    }

    private static Case denied(String caller, String what, Consumer<S3Client> call, String action, String resource,
            String reason) {
        return new Case(caller, what, call, action, resource, reason);
    }

    private static Consumer<S3Client> get(String bucket, String key) {
        return s3 -> assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String()).isNotEmpty();
    }

    private static Consumer<S3Client> put(String bucket, String key) {
        return s3 -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("new"));
    }

    private static Consumer<S3Client> list(String bucket, String prefix) {
        return s3 -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix));
    }

    static Stream<Case> cases() {
        String q = "arn:aws:s3:::data/reports/q.csv";
        return Stream.of(
                allowed("reader", "GetObject data/reports/q.csv", get("data", "reports/q.csv")),
                allowed("reader", "ListObjectsV2 data", list("data", null)),
                allowed("reader", "HeadBucket data", s3 -> s3.headBucket(b -> b.bucket("data"))),
                denied("reader", "PutObject data/new.txt", put("data", "new.txt"), "s3:PutObject",
                        "arn:aws:s3:::data/new.txt", NO_IDENTITY + "s3:PutObject action"),
                denied("reader", "GetObject locked/secret.txt", get("locked", "secret.txt"), "s3:GetObject",
                        "arn:aws:s3:::locked/secret.txt", NO_IDENTITY + "s3:GetObject action"),
                denied("reader", "ListBuckets", s3 -> s3.listBuckets(), "s3:ListAllMyBuckets", "*",
                        NO_IDENTITY + "s3:ListAllMyBuckets action"),
                denied("reader", "GetObjectTagging", s3 -> s3.getObjectTagging(b -> b.bucket("data")
                        .key("reports/q.csv")), "s3:GetObjectTagging", q, NO_IDENTITY + "s3:GetObjectTagging action"),
                denied("reader", "GetBucketPolicy data", s3 -> s3.getBucketPolicy(b -> b.bucket("data")),
                        "s3:GetBucketPolicy", "arn:aws:s3:::data", NO_IDENTITY + "s3:GetBucketPolicy action"),
                allowed("wild", "GetObject by s3:Get* on reports/*", get("data", "reports/q.csv")),
                allowed("wild", "GetObjectTagging by s3:Get*", s3 -> s3.getObjectTagging(b -> b.bucket("data")
                        .key("reports/q.csv"))),
                denied("wild", "GetObject outside reports/*", get("data", "other/x.csv"), "s3:GetObject",
                        "arn:aws:s3:::data/other/x.csv", NO_IDENTITY + "s3:GetObject action"),
                denied("wild", "ListObjectsV2 (not a Get*)", list("data", null), "s3:ListBucket",
                        "arn:aws:s3:::data", NO_IDENTITY + "s3:ListBucket action"),
                allowed("notdeleter", "PutObject through NotAction", put("data", "tmp/nd.txt")),
                allowed("notdeleter", "ListBuckets through NotAction", s3 -> s3.listBuckets()),
                denied("notdeleter", "DeleteObject excluded by NotAction", s3 -> s3.deleteObject(b -> b.bucket("data")
                        .key("other/x.csv")), "s3:DeleteObject", "arn:aws:s3:::data/other/x.csv",
                        NO_IDENTITY + "s3:DeleteObject action"),
                allowed("alice", "ListObjectsV2 prefix home/alice/", list("data", "home/alice/")),
                denied("alice", "ListObjectsV2 prefix home/bob/", list("data", "home/bob/"), "s3:ListBucket",
                        "arn:aws:s3:::data", NO_IDENTITY + "s3:ListBucket action"),
                denied("alice", "ListObjectsV2 without a prefix", list("data", null), "s3:ListBucket",
                        "arn:aws:s3:::data", NO_IDENTITY + "s3:ListBucket action"),
                allowed("alice", "GetObject home/alice/a.txt", get("data", "home/alice/a.txt")),
                denied("alice", "GetObject home/bob/b.txt", get("data", "home/bob/b.txt"), "s3:GetObject",
                        "arn:aws:s3:::data/home/bob/b.txt", NO_IDENTITY + "s3:GetObject action"),
                denied("tlsonly", "GetObject over http (aws:SecureTransport false)", get("data", "reports/q.csv"),
                        "s3:GetObject", q, NO_IDENTITY + "s3:GetObject action"),
                allowed("headeronly", "GetObject signed in the header", get("data", "reports/q.csv")),
                allowed("admin", "GetObject data with s3:*", get("data", "reports/q.csv")),
                allowed("admin", "PutObject locked (the Deny is for GetObject only)", put("locked", "mine.txt")),
                denied("admin", "GetObject locked: the bucket policy's Deny beats s3:*", get("locked", "secret.txt"),
                        "s3:GetObject", "arn:aws:s3:::locked/secret.txt",
                        "with an explicit deny in a resource-based policy"),
                allowed("nobody", "GetObject data/shared by the bucket policy alone", get("data", "shared/s.txt")),
                denied("nobody", "GetObject data/reports: the bucket policy covers shared/ only",
                        get("data", "reports/q.csv"), "s3:GetObject", q, NO_IDENTITY + "s3:GetObject action"),
                allowed("nobody", "GetObject site/index.html through Principal *", get("site", "index.html")),
                allowed("analyst", "role session GetObject", get("data", "reports/q.csv")),
                denied("analyst", "role session PutObject", put("data", "x.txt"), "s3:PutObject",
                        "arn:aws:s3:::data/x.txt", NO_IDENTITY + "s3:PutObject action"),
                denied("analyst", "role session CopyObject: s3:PutObject on the target",
                        s3 -> s3.copyObject(b -> b.sourceBucket("data").sourceKey("reports/q.csv")
                                .destinationBucket("data").destinationKey("copy.csv")),
                        "s3:PutObject", "arn:aws:s3:::data/copy.csv", NO_IDENTITY + "s3:PutObject action"),
                denied("cleaner", "CopyObject: s3:GetObject on the source first",
                        s3 -> s3.copyObject(b -> b.sourceBucket("data").sourceKey("reports/q.csv")
                                .destinationBucket("data").destinationKey("tmp/copy.csv")),
                        "s3:GetObject", q, NO_IDENTITY + "s3:GetObject action"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallerMayDoWhatItsPoliciesAllowAndNothingElse(Case c) {
        S3Client s3 = as(c.caller());
        if (c.action() == null) {
            assertThatCode(() -> c.call().accept(s3)).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> c.call().accept(s3)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            String resource = c.resource().equals("*") ? "" : " on resource: \"" + c.resource() + "\"";
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + arnOf(c.caller())
                    + " is not authorized to perform: " + c.action() + resource + " " + c.reason() + ". To allow it: ");
            assertThat(e.requestId()).isNotBlank();
        });
    }

    @Test
    void aRefusedWriteStoresNothing() {
        assertThatThrownBy(() -> put("data", "refused.txt").accept(as("reader"))).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> root.headObject(b -> b.bucket("data").key("refused.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aRefusedHeadIsA403WithoutABody() {
        assertThatThrownBy(() -> as("lister").headObject(b -> b.bucket("data").key("reports/q.csv")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void theFixNamesTheGrantThatWouldAllowIt() {
        assertThatThrownBy(() -> get("data", "reports/q.csv").accept(as("lister")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith(". To allow it: Allow s3:GetObject on arn:aws:s3:::data/reports/q.csv in a policy"
                                + " attached to arn:aws:iam::" + ACCOUNT + ":user/lister"));
    }

    @Test
    void aPresignedGetByAUserWithoutGetObjectIsRefused() throws Exception {
        try (S3Presigner presigner = presigner("lister")) {
            URI url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("data").key("reports/q.csv"))).url().toURI();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("<Code>AccessDenied</Code>").contains("User: " + arnOf("lister")
                    + " is not authorized to perform: s3:GetObject on resource: &quot;arn:aws:s3:::data/reports/q.csv"
                    + "&quot; because no identity-based policy allows the s3:GetObject action");
        }
    }

    @Test
    void aPolicyOnS3AuthTypeTellsPresignedUrlsFromSignedHeaders() throws Exception {
        try (S3Presigner presigner = presigner("headeronly")) {
            URI url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("data").key("reports/q.csv"))).url().toURI();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
        try (S3Presigner presigner = presigner("reader")) {
            URI url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("data").key("reports/q.csv"))).url().toURI();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("data of reports/q.csv");
        }
    }

    @Test
    void deleteObjectsDeletesTheAllowedKeysAndReportsTheOthersAsAccessDenied() {
        for (String key : List.of("tmp/a.txt", "tmp/b.txt", "keep/c.txt")) {
            root.putObject(b -> b.bucket("data").key(key), RequestBody.fromString(key));
        }
        DeleteObjectsResponse answer = as("cleaner").deleteObjects(b -> b.bucket("data").delete(d -> d.objects(
                ObjectIdentifier.builder().key("tmp/a.txt").build(), ObjectIdentifier.builder().key("keep/c.txt")
                        .build(), ObjectIdentifier.builder().key("tmp/b.txt").build())));
        assertThat(answer.deleted()).extracting(d -> d.key()).containsExactly("tmp/a.txt", "tmp/b.txt");
        assertThat(answer.errors()).singleElement().satisfies(error -> {
            assertThat(error.key()).isEqualTo("keep/c.txt");
            assertThat(error.code()).isEqualTo("AccessDenied");
            assertThat(error.message()).startsWith("User: " + arnOf("cleaner") + " is not authorized to perform:"
                    + " s3:DeleteObject on resource: \"arn:aws:s3:::data/keep/c.txt\" because no identity-based"
                    + " policy allows the s3:DeleteObject action");
        });
        assertThat(root.listObjectsV2(b -> b.bucket("data").prefix("tmp/")).contents())
                .extracting(o -> o.key()).doesNotContain("tmp/a.txt", "tmp/b.txt");
        assertThat(root.getObjectAsBytes(b -> b.bucket("data").key("keep/c.txt")).asUtf8String())
                .isEqualTo("keep/c.txt");
    }

    private static S3Presigner presigner(String caller) {
        return S3Presigner.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(CALLERS.get(caller))).build();
    }
}
