package io.glaux.s3.api;

import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.bucket.BucketSettingsStore;
import io.glaux.storage.multipart.MultipartStaging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint when its store fails: 503 or 500 naming the store (never a path of the machine), and a multipart
 * upload whose completion is cut off before the object is published leaves no object and can be completed again,
 * after a restart too.
 */
class S3EndpointFailureTest {

    @TempDir
    Path data;

    private FailingStore store;
    private S3Endpoint endpoint;

    @BeforeEach
    void open() throws Exception {
        store = new FailingStore(new LocalFolderStore(data, false));
        endpoint = endpoint();
        assertThat(call("PUT", "/data", null).status).isEqualTo(200);
    }

    private S3Endpoint endpoint() throws Exception {
        return new S3Endpoint(new S3Backend(store, new BucketSettingsStore(data.resolve(".glaux/buckets"), false),
                new MultipartStaging(data.resolve(".glaux/multipart"), false)));
    }

    private FakeHttpResponse call(String method, String uri, byte[] body) throws Exception {
        FakeHttpRequest request = FakeHttpRequest.of(method, uri).header("Host", "127.0.0.1:4566");
        if (body != null) {
            request.body(body);
        }
        FakeHttpResponse response = new FakeHttpResponse();
        endpoint.service(request.build(), response.build());
        return response;
    }

    @Test
    void anUnreachableStoreIsServiceUnavailableNamingIt() throws Exception {
        store.failure = FailingStore.Failure.UNAVAILABLE;
        FakeHttpResponse response = call("GET", "/data/key", null);
        assertThat(response.status).isEqualTo(503);
        assertThat(response.code()).isEqualTo("ServiceUnavailable");
        assertThat(response.body()).contains("http://127.0.0.1:1");
        assertThat(response.headers).containsKey("x-amz-request-id");
    }

    @Test
    void aFailingStoreIsInternalErrorNamingTheStoreNotTheMachine() throws Exception {
        store.failure = FailingStore.Failure.BROKEN;
        FakeHttpResponse response = call("PUT", "/data/key", "x".getBytes());
        assertThat(response.status).isEqualTo(500);
        assertThat(response.code()).isEqualTo("InternalError");
        assertThat(response.body()).contains("the failing test store").doesNotContain("/very/secret")
                .doesNotContain(data.toString());
    }

    @Test
    void aCompletionCutOffBeforePublishingLeavesNoObjectAndCanBeDoneAgain() throws Exception {
        byte[] part = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(part);
        String uploadId = tag(call("POST", "/data/big?uploads", null).body(), "UploadId");
        String etag1 = call("PUT", "/data/big?partNumber=1&uploadId=" + uploadId, part).headers.get("ETag");
        String etag2 = call("PUT", "/data/big?partNumber=2&uploadId=" + uploadId, "end".getBytes())
                .headers.get("ETag");
        byte[] complete = ("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + etag1
                + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + etag2
                + "</ETag></Part></CompleteMultipartUpload>").getBytes();

        store.failure = FailingStore.Failure.COMMIT;
        assertThat(call("POST", "/data/big?uploadId=" + uploadId, complete).status).isEqualTo(500);
        assertThat(call("HEAD", "/data/big", null).status).isEqualTo(404);
        assertThat(call("GET", "/data?uploads", null).body()).contains(uploadId);

        store.failure = FailingStore.Failure.NONE;
        endpoint = endpoint(); // as after a restart: the staged upload is read back from the data folder
        FakeHttpResponse done = call("POST", "/data/big?uploadId=" + uploadId, complete);
        assertThat(done.status).as(done.body()).isEqualTo(200);
        assertThat(tag(done.body(), "ETag")).endsWith("-2&quot;");
        FakeHttpResponse object = call("GET", "/data/big", null);
        assertThat(object.body.size()).isEqualTo(part.length + 3);
        assertThat(call("GET", "/data?uploads", null).body()).doesNotContain(uploadId);
    }

    private static String tag(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(xml).isTrue();
        return m.group(1);
    }
}
