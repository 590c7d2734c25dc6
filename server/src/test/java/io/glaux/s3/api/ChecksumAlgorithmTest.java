package io.glaux.s3.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumAlgorithmTest {

    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static String hex(ChecksumAlgorithm algorithm) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(algorithm.of(CHECK)));
    }

    @Test
    void checkValuesOfTheCatalogueOfCrcs() {
        assertThat(hex(ChecksumAlgorithm.CRC32)).isEqualTo("cbf43926");
        assertThat(hex(ChecksumAlgorithm.CRC32C)).isEqualTo("e3069283");
        assertThat(hex(ChecksumAlgorithm.CRC64NVME)).isEqualTo("ae8b14860a799888");
    }

    @Test
    void shaDigestsAreTheJdks() {
        assertThat(hex(ChecksumAlgorithm.SHA256))
                .isEqualTo("15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225");
        assertThat(hex(ChecksumAlgorithm.SHA1)).isEqualTo("f7c3bc1d808e04732adf679965ccc34ca7ae3441");
    }

    @Test
    void namesHeadersAndWellFormedValues() {
        assertThat(ChecksumAlgorithm.named("crc32c")).isEqualTo(ChecksumAlgorithm.CRC32C);
        assertThat(ChecksumAlgorithm.named("md5")).isNull();
        assertThat(ChecksumAlgorithm.SHA1.header()).isEqualTo("x-amz-checksum-sha1");
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("y/Q5Jg==")).isTrue();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("y/Q5JgAA")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("not base64!")).isFalse();
    }
}
