package io.glaux.s3.api;

import io.glaux.aws.auth.Authenticator;
import io.glaux.aws.protocol.CallerIdentity;
import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.storage.bucket.BucketSettingsStore;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.multipart.MultipartStaging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsigned S3 requests with enforcement on: the caller is anonymous, refused with S3's plain {@code Access Denied}
 * unless the bucket's policy allows {@code "Principal": "*"} the action; a HEAD gets the 403 without a body.
 */
class S3AnonymousAccessTest {

    @TempDir
    Path data;

    private S3Endpoint endpoint;

    @BeforeEach
    void open() throws Exception {
        LocalFolderStore store = new LocalFolderStore(data, false);
        BucketSettingsStore settings = new BucketSettingsStore(data.resolve(".glaux/buckets"), false);
        IamDirectory iam = IamDirectory.builder().dataFolder(data).accountId("000000000000").syncWrites(false).build();
        Clock clock = Clock.systemUTC();
        IamAuthorizer authorizer = new IamAuthorizer(iam, ResourcePolicies.byService(Map.of("s3",
                new BucketPolicies(settings))), new PolicyEvaluator(clock));
        endpoint = new S3Endpoint(new S3Backend(store, settings, new MultipartStaging(data.resolve(".glaux/multipart"),
                false)), S3Interceptor.NONE, new CallerIdentity(new Authenticator(iam, true, "000000000000", clock)),
                authorizer);
        for (String bucket : new String[] {"site", "private"}) {
            store.createBucket(bucket);
            store.put(bucket, "index.html", "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8));
        }
        settings.update("site", s -> s.withPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::site/*\"}]}"));
    }

    private FakeHttpResponse call(String method, String uri) throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        endpoint.service(FakeHttpRequest.of(method, uri).header("Host", "127.0.0.1:4566").build(), response.build());
        return response;
    }

    @Test
    void aBucketPolicyForEveryoneLetsAnonymousCallersRead() throws Exception {
        FakeHttpResponse response = call("GET", "/site/index.html");
        assertThat(response.status).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>hi</h1>");
    }

    @Test
    void anythingElseIsAPlainAccessDenied() throws Exception {
        for (String[] request : new String[][] {{"GET", "/private/index.html"}, {"GET", "/site"},
                {"DELETE", "/site/index.html"}, {"GET", "/site?policy"}, {"GET", "/"}}) {
            FakeHttpResponse response = call(request[0], request[1]);
            assertThat(response.status).as(String.join(" ", request)).isEqualTo(403);
            assertThat(response.code()).isEqualTo("AccessDenied");
            assertThat(response.body()).contains("<Message>Access Denied</Message>");
            assertThat(response.headers).containsKey("x-amz-request-id");
        }
        assertThat(call("GET", "/site/index.html").status).isEqualTo(200);
    }

    @Test
    void aRefusedHeadIsA403WithoutABody() throws Exception {
        FakeHttpResponse response = call("HEAD", "/private/index.html");
        assertThat(response.status).isEqualTo(403);
        assertThat(response.body()).isEmpty();
        assertThat(call("HEAD", "/site/index.html").status).isEqualTo(200);
    }
}
