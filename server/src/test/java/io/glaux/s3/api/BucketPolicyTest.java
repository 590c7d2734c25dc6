package io.glaux.s3.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy and GetBucketPolicyStatus through the SDK with S3's answers
 * and errors; a policy that denies everyone still leaves the account's root able to read and remove it; the policy
 * goes with its bucket; and with enforcement off a policy refuses nothing.
 */
class BucketPolicyTest {

    private static final String ROOT_ARN = "arn:aws:iam::000000000000:root";

    @TempDir
    static Path data;
    @TempDir
    static Path openData;

    private static GlauxServer server;
    private static GlauxServer open;
    private static S3Client root;

    @BeforeAll
    static void start() throws IOException {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        open = GlauxServer.builder().dataFolder(openData).syncWrites(false).start();
        root = client(server, AwsBasicCredentials.create(IamDirectory.DEFAULT_ROOT_ACCESS_KEY_ID,
                IamDirectory.DEFAULT_ROOT_SECRET_ACCESS_KEY));
    }

    @AfterAll
    static void stop() {
        for (GlauxServer s : new GlauxServer[] {server, open}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static S3Client client(GlauxServer on, AwsCredentials credentials) {
        return S3Client.builder().endpointOverride(URI.create(on.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

    private static String policy(String bucket, String effect, String principal, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S1\",\"Effect\":\"" + effect + "\",\"Principal\":"
                + principal + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource.replace("$b", bucket)
                + "\"}]}";
    }

    private static void assertS3Error(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    @Test
    void aPolicyIsPutReadAsPutJudgedForPublicAccessAndDeleted() {
        root.createBucket(b -> b.bucket("crud"));
        assertS3Error(() -> root.getBucketPolicy(b -> b.bucket("crud")), 404, "NoSuchBucketPolicy",
                "The bucket policy does not exist");
        assertS3Error(() -> root.getBucketPolicyStatus(b -> b.bucket("crud")), 404, "NoSuchBucketPolicy", null);
        String text = policy("crud", "Allow", "{\"AWS\":\"" + ROOT_ARN + "\"}", "s3:GetObject", "arn:aws:s3:::$b/*");
        root.putBucketPolicy(b -> b.bucket("crud").policy(text));
        assertThat(root.getBucketPolicy(b -> b.bucket("crud")).policy()).isEqualTo(text);
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("crud")).policyStatus().isPublic()).isFalse();

        root.putBucketPolicy(b -> b.bucket("crud").policy(policy("crud", "Allow", "\"*\"", "s3:GetObject",
                "arn:aws:s3:::$b/*")));
        assertThat(root.getBucketPolicyStatus(b -> b.bucket("crud")).policyStatus().isPublic()).isTrue();

        root.deleteBucketPolicy(b -> b.bucket("crud"));
        assertS3Error(() -> root.getBucketPolicy(b -> b.bucket("crud")), 404, "NoSuchBucketPolicy", null);
        root.deleteBucketPolicy(b -> b.bucket("crud")); // none left: still 204
    }

    @Test
    void badPoliciesAreMalformedPolicyInS3sWords() {
        root.createBucket(b -> b.bucket("bad"));
        String star = "\"*\"";
        String[][] cases = {
            {"not json", "Policies must be valid JSON and the first byte must be '{'"},
            {"{\"Version\":", "Policies must be valid JSON and the first byte must be '{'"},
            {policy("bad", "Allow", star, "s3:GetObject", "arn:aws:s3:::other/*"), "Policy has invalid resource"},
            {policy("bad", "Allow", star, "s3:GetObject", "*"), "Policy has invalid resource"},
            {policy("bad", "Allow", star, "s3:GetObject", "arn:aws:s3:::badness/*"), "Policy has invalid resource"},
            {policy("bad", "Allow", star, "iam:CreateUser", "arn:aws:s3:::$b"), "Policy has invalid action"},
            {"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::bad/*\"}]}", "Missing required field Principal"},
            {policy("bad", "Allow", "{\"AWS\":\"nobody-at-all\"}", "s3:GetObject", "arn:aws:s3:::$b/*"),
                "Invalid principal in policy"},
        };
        for (String[] c : cases) {
            assertS3Error(() -> root.putBucketPolicy(b -> b.bucket("bad").policy(c[0])), 400, "MalformedPolicy", c[1]);
        }
        assertS3Error(() -> root.getBucketPolicy(b -> b.bucket("bad")), 404, "NoSuchBucketPolicy", null);
        assertS3Error(() -> root.putBucketPolicy(b -> b.bucket("no-such-bucket").policy(policy("no-such-bucket",
                "Allow", star, "s3:GetObject", "arn:aws:s3:::$b/*"))), 404, "NoSuchBucket", null);
    }

    @Test
    void theRootUserCanAlwaysReadAndRemoveAPolicyThatDeniesEveryone() {
        root.createBucket(b -> b.bucket("lockout"));
        root.putObject(b -> b.bucket("lockout").key("k"), RequestBody.fromString("v"));
        root.putBucketPolicy(b -> b.bucket("lockout").confirmRemoveSelfBucketAccess(true).policy(policy("lockout",
                "Deny", "\"*\"", "s3:*", "arn:aws:s3:::$b/*")));
        assertS3Error(() -> root.getObjectAsBytes(b -> b.bucket("lockout").key("k")), 403, "AccessDenied",
                "User: " + ROOT_ARN + " is not authorized to perform: s3:GetObject on resource: "
                        + "\"arn:aws:s3:::lockout/k\" with an explicit deny in a resource-based policy. To allow it: "
                        + "Remove or narrow statement 'S1' (Deny s3:GetObject) in bucket policy of lockout");
        assertThat(root.getBucketPolicy(b -> b.bucket("lockout")).policy()).contains("\"Deny\"");
        root.deleteBucketPolicy(b -> b.bucket("lockout"));
        assertThat(root.getObjectAsBytes(b -> b.bucket("lockout").key("k")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void aPolicyGoesWithItsBucket() {
        root.createBucket(b -> b.bucket("gone"));
        root.putBucketPolicy(b -> b.bucket("gone").policy(policy("gone", "Allow", "\"*\"", "s3:GetObject",
                "arn:aws:s3:::$b/*")));
        root.deleteBucket(b -> b.bucket("gone"));
        root.createBucket(b -> b.bucket("gone"));
        assertS3Error(() -> root.getBucketPolicy(b -> b.bucket("gone")), 404, "NoSuchBucketPolicy", null);
    }

    @Test
    void withEnforcementOffNothingIsRefusedWhateverThePolicies() {
        AccessKey key = open.iam().createAccessKey(open.iam().createUser("plain", "/", List.of()).name());
        S3Client user = client(open, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        user.createBucket(b -> b.bucket("free"));
        user.putBucketPolicy(b -> b.bucket("free").policy(policy("free", "Deny", "\"*\"", "s3:*",
                "arn:aws:s3:::$b/*")));
        user.putObject(b -> b.bucket("free").key("k"), RequestBody.fromString("v"));
        assertThat(user.getObjectAsBytes(b -> b.bucket("free").key("k")).asUtf8String()).isEqualTo("v");
        assertThat(user.listBuckets().buckets()).extracting(b -> b.name()).contains("free");
        user.deleteObject(b -> b.bucket("free").key("k"));
    }
}
