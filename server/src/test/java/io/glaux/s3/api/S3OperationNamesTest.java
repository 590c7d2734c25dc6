package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3OperationNamesTest {

    private static String name(String method, String uri) {
        return S3OperationNames.of(FakeHttpRequest.of(method, uri).s3());
    }

    @Test
    void requestsAreNamedAsTheS3ApiReferenceNamesTheirOperations() {
        assertThat(name("GET", "/")).isEqualTo("ListBuckets");
        assertThat(name("PUT", "/b")).isEqualTo("CreateBucket");
        assertThat(name("GET", "/b")).isEqualTo("ListObjects");
        assertThat(name("GET", "/b?list-type=2&prefix=x")).isEqualTo("ListObjectsV2");
        assertThat(name("POST", "/b?delete")).isEqualTo("DeleteObjects");
        assertThat(name("GET", "/b?versioning")).isEqualTo("GetBucketVersioning");
        assertThat(name("DELETE", "/b?lifecycle")).isEqualTo("DeleteBucketLifecycle");
        assertThat(name("GET", "/b/k")).isEqualTo("GetObject");
        assertThat(name("HEAD", "/b/k")).isEqualTo("HeadObject");
        assertThat(name("PUT", "/b/dir/k")).isEqualTo("PutObject");
        assertThat(S3OperationNames.of(FakeHttpRequest.of("PUT", "/b/k").header("x-amz-copy-source", "/a/b").s3()))
                .isEqualTo("CopyObject");
        assertThat(name("POST", "/b/k?uploads")).isEqualTo("CreateMultipartUpload");
        assertThat(name("PUT", "/b/k?partNumber=1&uploadId=u")).isEqualTo("UploadPart");
        assertThat(S3OperationNames.of(FakeHttpRequest.of("PUT", "/b/k?partNumber=1&uploadId=u")
                .header("x-amz-copy-source", "/a/b").s3())).isEqualTo("UploadPartCopy");
        assertThat(name("POST", "/b/k?uploadId=u")).isEqualTo("CompleteMultipartUpload");
        assertThat(name("DELETE", "/b/k?uploadId=u")).isEqualTo("AbortMultipartUpload");
        assertThat(name("GET", "/b/k?tagging")).isEqualTo("GetObjectTagging");
        assertThat(name("PATCH", "/b/k")).isEqualTo(S3OperationNames.UNKNOWN);
        assertThat(S3OperationNames.ALL).contains("GetObject", "PutObject", "ListObjectsV2").doesNotContain("Unknown");
    }
}
