package io.glaux.s3.api;

import io.glaux.aws.auth.Authentication;
import io.glaux.aws.auth.Authenticator;
import io.glaux.aws.auth.FixedCredentialStore;
import io.glaux.aws.auth.SignedRequest;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An aws-chunked body signed chunk by chunk by the SDK's own signer ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} and
 * {@code ...-TRAILER} with a CRC32 trailer): every chunk's signature is checked as the body is decoded, and a single
 * changed byte of data, or of the trailer, is SignatureDoesNotMatch.
 */
class AwsChunkedSignatureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Authenticator AUTHENTICATOR = new Authenticator(new FixedCredentialStore(List.of(
            new SigningCredentials("AKIAALICE", "alice-secret", null, null, true, Principal.root("123456789012")))),
            true, "123456789012", CLOCK);

    private record Signed(SignedRequest request, byte[] body) {
    }

    private static Signed signChunked(byte[] data, boolean trailer) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                .uri(URI.create("http://127.0.0.1:4566/bucket/object.bin"))
                .putHeader("Content-Length", String.valueOf(data.length)).build();
        var signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsBasicCredentials.create("AKIAALICE", "alice-secret")).request(request)
                    .payload(ContentStreamProvider.fromByteArray(data))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true)
                    .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
            if (trailer) {
                r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32);
            }
        });
        byte[] body;
        try (InputStream in = signed.payload().orElseThrow().newStream()) {
            body = in.readAllBytes();
        }
        SdkHttpRequest sent = signed.request();
        Map<String, List<String>> headers = new LinkedHashMap<>(sent.headers());
        headers.putIfAbsent("Host", List.of("127.0.0.1:4566"));
        return new Signed(new SignedRequest("PUT", sent.encodedPath(), null, headers), body);
    }

    private static byte[] decode(Authentication authentication, byte[] body) throws IOException {
        try (AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body),
                authentication.chunks())) {
            return in.readAllBytes();
        }
    }

    private static byte[] data() {
        byte[] data = new byte[200_000]; // several of the SDK's 128 KiB chunks
        new Random(7).nextBytes(data);
        return data;
    }

    @Test
    void everyChunkOfAnSdkSignedBodyVerifies() throws IOException {
        for (boolean trailer : new boolean[] {false, true}) {
            Signed signed = signChunked(data(), trailer);
            Authentication authentication = AUTHENTICATOR.authenticateS3(signed.request());

            assertThat(authentication.chunks()).as("trailer %s", trailer).isNotNull();
            assertThat(authentication.chunks().trailer()).isEqualTo(trailer);
            assertThat(decode(authentication, signed.body())).isEqualTo(data());
        }
    }

    @Test
    void oneChangedByteOfChunkDataIsSignatureDoesNotMatch() throws IOException {
        Signed signed = signChunked(data(), false);
        Authentication authentication = AUTHENTICATOR.authenticateS3(signed.request());
        byte[] tampered = signed.body().clone();
        int firstData = indexOf(tampered, "\r\n".getBytes()) + 2;
        tampered[firstData + 1000] ^= 1;

        assertThatThrownBy(() -> decode(authentication, tampered)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void aChangedTrailerIsSignatureDoesNotMatch() throws IOException {
        Signed signed = signChunked(data(), true);
        Authentication authentication = AUTHENTICATOR.authenticateS3(signed.request());
        String body = new String(signed.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = body.indexOf("x-amz-checksum-crc32:") + "x-amz-checksum-crc32:".length();
        char changed = body.charAt(at) == 'A' ? 'B' : 'A';
        byte[] tampered = (body.substring(0, at) + changed + body.substring(at + 1))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> decode(authentication, tampered)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
