package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3RequestTest {

    @Test
    void pathStyleSplitsBucketAndDecodedKey() {
        S3Request request = FakeHttpRequest.of("GET", "/data/a%20b/c+d%2Fe%23f.txt").s3();
        assertThat(request.bucket()).isEqualTo("data");
        assertThat(request.key()).isEqualTo("a b/c+d/e#f.txt");
        assertThat(request.resource()).isEqualTo("/data/a b/c+d/e#f.txt");
    }

    @Test
    void serviceAndBucketLevelsHaveNoBucketOrKey() {
        assertThat(FakeHttpRequest.of("GET", "/").s3().bucket()).isNull();
        S3Request bucket = FakeHttpRequest.of("GET", "/data/").s3();
        assertThat(bucket.bucket()).isEqualTo("data");
        assertThat(bucket.key()).isNull();
    }

    @Test
    void keysKeepDotSegmentsEmptySegmentsAndTrailingSlashes() {
        assertThat(FakeHttpRequest.of("GET", "/data/../x//y/").s3().key()).isEqualTo("../x//y/");
    }

    @Test
    void virtualHostNamesTheBucket() {
        S3Request request = FakeHttpRequest.of("GET", "/dir/key").header("Host", "data.localhost:4566").s3();
        assertThat(request.bucket()).isEqualTo("data");
        assertThat(request.key()).isEqualTo("dir/key");
        S3Request endpoint = FakeHttpRequest.of("GET", "/data/key").header("Host", "s3.localhost:4566").s3();
        assertThat(endpoint.bucket()).isEqualTo("data");
    }

    @Test
    void queryParametersAreDecodedWithPlusAsSpace() {
        S3Request request = FakeHttpRequest.of("GET", "/data?list-type=2&prefix=a+b%2Fc&delimiter=%2F&versions")
                .s3();
        assertThat(request.query("prefix")).isEqualTo("a b/c");
        assertThat(request.query("delimiter")).isEqualTo("/");
        assertThat(request.hasQuery("versions")).isTrue();
        assertThat(request.query("versions")).isEmpty();
        assertThat(request.query("marker")).isNull();
    }

    @Test
    void malformedPercentEncodingOrUtf8IsInvalidUri() {
        assertThatThrownBy(() -> FakeHttpRequest.of("GET", "/data/a%zz").s3())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidURI"));
        assertThatThrownBy(() -> FakeHttpRequest.of("GET", "/data/a%ff%fe").s3())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidURI"));
        assertThatThrownBy(() -> FakeHttpRequest.of("GET", "/data/a%2").s3())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
