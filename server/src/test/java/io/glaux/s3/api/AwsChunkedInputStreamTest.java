package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsChunkedInputStreamTest {

    private static byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void signedChunksDecodeToTheData() throws IOException {
        byte[] data = data(200_000);
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(
                AwsChunked.encode(data, 65_536, true, Map.of())));
        assertThat(in.readAllBytes()).isEqualTo(data);
        assertThat(in.trailers()).isEmpty();
    }

    @Test
    void unsignedChunksWithTrailersExposeTheTrailers() throws IOException {
        byte[] data = data(1000);
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(
                AwsChunked.encode(data, 300, false, Map.of("x-amz-checksum-crc32", "AAAAAA=="))));
        assertThat(in.readAllBytes()).isEqualTo(data);
        assertThat(in.trailers()).containsEntry("x-amz-checksum-crc32", "AAAAAA==");
    }

    @Test
    void signedTrailersAreReadToo() throws IOException {
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(
                AwsChunked.encode(data(10), 8, true, Map.of("x-amz-checksum-sha256", "x"))));
        in.readAllBytes();
        assertThat(in.trailers()).containsKeys("x-amz-checksum-sha256", "x-amz-trailer-signature");
    }

    @Test
    void anEmptyBodyIsOneFinalChunk() throws IOException {
        AwsChunkedInputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(
                AwsChunked.encode(new byte[0], 8, true, Map.of())));
        assertThat(in.readAllBytes()).isEmpty();
    }

    @Test
    void aBodyCutOffIsIncompleteBody() {
        byte[] encoded = AwsChunked.encode(data(1000), 300, true, Map.of());
        byte[] cut = Arrays.copyOf(encoded, 500);
        assertThatThrownBy(() -> new AwsChunkedInputStream(new ByteArrayInputStream(cut)).readAllBytes())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
    }

    @Test
    void aChunkLongerThanDeclaredIsMalformed() {
        byte[] body = "3\r\nabcdef\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new AwsChunkedInputStream(new ByteArrayInputStream(body)).readAllBytes())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.getMessage()).contains("malformed"));
    }

    @Test
    void aChunkHeaderWithoutSizeIsMalformed() {
        byte[] body = "zz;chunk-signature=1\r\nabc\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new AwsChunkedInputStream(new ByteArrayInputStream(body)).readAllBytes())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
