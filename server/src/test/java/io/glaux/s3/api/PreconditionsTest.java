package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTest {

    private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00.250Z");
    private static final ObjectInfo OBJECT = new ObjectInfo("data", "key", 10, MODIFIED, "abc");
    private static final String BEFORE = "Tue, 30 Apr 2024 10:00:00 GMT";
    private static final String SAME = "Wed, 01 May 2024 10:00:00 GMT";

    private static boolean notModified(String... headers) {
        FakeHttpRequest http = FakeHttpRequest.of("GET", "/data/key");
        for (int i = 0; i < headers.length; i += 2) {
            http.header(headers[i], headers[i + 1]);
        }
        return Preconditions.notModified(http.s3(), OBJECT);
    }

    @Test
    void ifMatchAndIfUnmodifiedSince() {
        assertThat(notModified("If-Match", "\"abc\"")).isFalse();
        assertThat(notModified("If-Match", "*")).isFalse();
        assertThatThrownBy(() -> notModified("If-Match", "\"xyz\""))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> notModified("If-Unmodified-Since", BEFORE)).isInstanceOf(S3Exception.class);
        assertThat(notModified("If-Unmodified-Since", SAME)).isFalse();
        // S3: If-Match true and If-Unmodified-Since false is 200.
        assertThat(notModified("If-Match", "\"abc\"", "If-Unmodified-Since", BEFORE)).isFalse();
    }

    @Test
    void ifNoneMatchAndIfModifiedSince() {
        assertThat(notModified("If-None-Match", "\"abc\"")).isTrue();
        assertThat(notModified("If-None-Match", "\"xyz\"")).isFalse();
        assertThat(notModified("If-Modified-Since", SAME)).isTrue();
        assertThat(notModified("If-Modified-Since", BEFORE)).isFalse();
        // S3: If-None-Match false (it matches) and If-Modified-Since true is 304.
        assertThat(notModified("If-None-Match", "\"abc\"", "If-Modified-Since", BEFORE)).isTrue();
        assertThat(notModified("If-Modified-Since", "not a date")).isFalse();
    }

    @Test
    void copySourceConditionsAllFailWith412() {
        FakeHttpRequest http = FakeHttpRequest.of("PUT", "/data/copy")
                .header("x-amz-copy-source-if-none-match", "\"abc\"");
        assertThatThrownBy(() -> Preconditions.checkCopySource(http.s3(), OBJECT))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(412));
        Preconditions.checkCopySource(FakeHttpRequest.of("PUT", "/data/copy")
                .header("x-amz-copy-source-if-match", "\"abc\"").s3(), OBJECT);
    }

    @Test
    void conditionalWrites() {
        S3Request ifNoneMatch = FakeHttpRequest.of("PUT", "/data/key").header("If-None-Match", "*").s3();
        Preconditions.checkWrite(ifNoneMatch, null);
        assertThatThrownBy(() -> Preconditions.checkWrite(ifNoneMatch, OBJECT))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(412));
        S3Request ifMatch = FakeHttpRequest.of("PUT", "/data/key").header("If-Match", "\"abc\"").s3();
        Preconditions.checkWrite(ifMatch, OBJECT);
        assertThatThrownBy(() -> Preconditions.checkWrite(ifMatch, null))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("NoSuchKey"));
    }
}
