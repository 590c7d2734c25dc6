package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPayloadTest {

    private static final byte[] BODY = "hello, integrity".getBytes(StandardCharsets.UTF_8);

    private static FakeHttpRequest put() {
        return FakeHttpRequest.of("PUT", "/data/key").body(BODY);
    }

    /** Reads the body through the payload and verifies it. */
    private static RequestPayload.Verified readAndVerify(FakeHttpRequest http) throws IOException {
        RequestPayload payload = RequestPayload.of(http.s3());
        try (InputStream in = payload.open()) {
            assertThat(in.readAllBytes()).isEqualTo(BODY);
        }
        return payload.verify();
    }

    private static String code(Throwable error) {
        return ((S3Exception) error).code();
    }

    private static byte[] digest(String algorithm, byte[] data) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    @Test
    void aPlainBodyHasItsMd5AsEtag() throws Exception {
        RequestPayload.Verified verified = readAndVerify(put());
        assertThat(verified.md5Hex()).isEqualTo(HexFormat.of().formatHex(digest("MD5", BODY)));
        assertThat(verified.size()).isEqualTo(BODY.length);
        assertThat(verified.checksums()).isEmpty();
    }

    @Test
    void theContentSha256IsChecked() throws Exception {
        String right = HexFormat.of().formatHex(digest("SHA-256", BODY));
        readAndVerify(put().header("x-amz-content-sha256", right));
        String wrong = HexFormat.of().formatHex(digest("SHA-256", "other".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> readAndVerify(put().header("x-amz-content-sha256", wrong)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("XAmzContentSHA256Mismatch"))
                .satisfies(e -> assertThat(((S3Exception) e).details())
                        .containsEntry("ClientComputedContentSHA256", wrong)
                        .containsEntry("S3ComputedContentSHA256", right));
    }

    @Test
    void unsignedPayloadIsNotChecked() throws Exception {
        readAndVerify(put().header("x-amz-content-sha256", "UNSIGNED-PAYLOAD"));
    }

    @Test
    void aContentSha256ThatIsNoneOfTheAllowedValuesIsInvalidArgument() {
        assertThatThrownBy(() -> RequestPayload.of(put().header("x-amz-content-sha256", "abc").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidArgument"));
    }

    @Test
    void contentMd5IsCheckedAndMustBeValid() throws Exception {
        String right = Base64.getEncoder().encodeToString(digest("MD5", BODY));
        readAndVerify(put().header("Content-MD5", right));
        String wrong = Base64.getEncoder().encodeToString(digest("MD5", new byte[1]));
        assertThatThrownBy(() -> readAndVerify(put().header("Content-MD5", wrong)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"));
        assertThatThrownBy(() -> RequestPayload.of(put().header("Content-MD5", "bm90LW1kNQ==").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidDigest"));
        assertThatThrownBy(() -> RequestPayload.of(put().header("Content-MD5", "***").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidDigest"));
    }

    @Test
    void aChecksumHeaderIsVerifiedAndKept() throws Exception {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            RequestPayload.Verified verified = readAndVerify(put().header(algorithm.header(), algorithm.of(BODY))
                    .header("x-amz-sdk-checksum-algorithm", algorithm.name()));
            assertThat(verified.checksums()).containsExactly(Map.entry(algorithm.name(), algorithm.of(BODY)));
        }
    }

    @Test
    void aWrongChecksumIsBadDigestNamingTheAlgorithm() {
        String other = ChecksumAlgorithm.CRC32.of(new byte[3]);
        assertThatThrownBy(() -> readAndVerify(put().header("x-amz-checksum-crc32", other)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"))
                .hasMessage("The CRC32 you specified did not match the calculated checksum.");
    }

    @Test
    void checksumHeadersMustBeOneWellFormedSupportedValue() {
        assertThatThrownBy(() -> RequestPayload.of(put().header("x-amz-checksum-crc32", "AAAA").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
        assertThatThrownBy(() -> RequestPayload.of(put().header("x-amz-checksum-crc32", "AAAAAA==")
                .header("x-amz-checksum-sha1", ChecksumAlgorithm.SHA1.of(BODY)).s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
        assertThatThrownBy(() -> RequestPayload.of(put().header("x-amz-checksum-md5", "AAAAAA==").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
        assertThatThrownBy(() -> RequestPayload.of(put().header("x-amz-sdk-checksum-algorithm", "CRC32").s3()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
    }

    @Test
    void awsChunkedBodiesAreDecodedAndTheirTrailingChecksumVerified() throws Exception {
        String crc = ChecksumAlgorithm.CRC32.of(BODY);
        FakeHttpRequest http = FakeHttpRequest.of("PUT", "/data/key")
                .body(AwsChunked.encode(BODY, 5, true, Map.of("x-amz-checksum-crc32", crc)))
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", String.valueOf(BODY.length))
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .header("x-amz-sdk-checksum-algorithm", "CRC32");
        RequestPayload payload = RequestPayload.of(http.s3());
        assertThat(payload.checksumInTrailer()).isTrue();
        RequestPayload.Verified verified = readAndVerify(http);
        assertThat(verified.checksums()).containsEntry("CRC32", crc);
    }

    @Test
    void aWrongTrailingChecksumIsBadDigest() {
        FakeHttpRequest http = FakeHttpRequest.of("PUT", "/data/key")
                .body(AwsChunked.encode(BODY, 5, false, Map.of("x-amz-checksum-crc32c",
                        ChecksumAlgorithm.CRC32C.of(new byte[1]))))
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", String.valueOf(BODY.length))
                .header("x-amz-trailer", "x-amz-checksum-crc32c");
        assertThatThrownBy(() -> readAndVerify(http)).satisfies(e -> assertThat(code(e)).isEqualTo("BadDigest"));
    }

    @Test
    void aDecodedLengthThatDisagreesIsIncompleteBody() {
        FakeHttpRequest http = FakeHttpRequest.of("PUT", "/data/key")
                .body(AwsChunked.encode(BODY, 5, true, Map.of()))
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                .header("x-amz-decoded-content-length", String.valueOf(BODY.length + 1));
        assertThatThrownBy(() -> readAndVerify(http)).satisfies(e -> assertThat(code(e)).isEqualTo("IncompleteBody"));
    }

    @Test
    void awsChunkedWithoutDecodedLengthIsMissingContentLength() {
        FakeHttpRequest http = put().header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        assertThatThrownBy(() -> RequestPayload.of(http.s3()))
                .satisfies(e -> assertThat(((S3Exception) e).status()).isEqualTo(411));
    }

    @Test
    void aMissingAnnouncedTrailerIsInvalidRequest() {
        FakeHttpRequest http = FakeHttpRequest.of("PUT", "/data/key")
                .body(AwsChunked.encode(BODY, 5, false, Map.of()))
                .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .header("x-amz-decoded-content-length", String.valueOf(BODY.length))
                .header("x-amz-trailer", "x-amz-checksum-sha256");
        assertThatThrownBy(() -> readAndVerify(http)).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidRequest"));
    }
}
