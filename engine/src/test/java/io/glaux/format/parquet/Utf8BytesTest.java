package io.glaux.format.parquet;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Well-formed UTF-8 as Java's decoder judges it, wherever in a long ASCII run the first other byte falls. */
class Utf8BytesTest {

    @Test
    void aBadByteAnywhereAfterAsciiIsFound() {
        for (int prefix = 0; prefix < 20; prefix++) {
            for (int offset = 0; offset < 3; offset++) {
                byte[] text = ("x".repeat(offset) + "a".repeat(prefix)).getBytes(StandardCharsets.US_ASCII);
                assertThat(wellFormed(text, offset, 0xff)).as("prefix %d offset %d", prefix, offset).isFalse();
                assertThat(wellFormed(text, offset, 0xc0, 0x80)).as("overlong").isFalse();
                assertThat(wellFormed(text, offset, 0xed, 0xa0, 0x80)).as("surrogate").isFalse();
                assertThat(wellFormed(text, offset, 0xc3, 0xa9)).as("é").isTrue();
                assertThat(wellFormed(text, offset, 0xf0, 0x9f, 0x98, 0x80)).as("emoji").isTrue();
                assertThat(wellFormed(text, offset, 0xe2, 0x82)).as("cut short").isFalse();
                assertThat(wellFormed(text, offset)).as("ASCII alone").isTrue();
            }
        }
    }

    @Test
    void onlyTheRangeIsJudged() {
        byte[] bytes = "0123456789abcdef\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(Utf8Bytes.isWellFormed(buffer, 0, 16)).isTrue();
        assertThat(Utf8Bytes.isWellFormed(buffer, 3, 17)).isFalse();
        assertThat(Utf8Bytes.isWellFormed(buffer, 16, 16)).isTrue();
    }

    /**
     * A page of plain values is taken as ASCII only when no byte of its range has the high bit set, wherever it falls
     * (in a whole word or in the tail); bytes outside the range are not looked at.
     */
    @Test
    void asciiOnlyWithoutAHighBitAnywhereInTheRange() {
        for (int length = 0; length < 27; length++) {
            byte[] bytes = new byte[length + 4];
            java.util.Arrays.fill(bytes, (byte) 'a');
            bytes[0] = (byte) 0xc3;
            bytes[bytes.length - 1] = (byte) 0x80;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            assertThat(Utf8Bytes.isAscii(buffer, 2, 2 + length)).as("length %d", length).isTrue();
            for (int at = 2; at < 2 + length; at++) {
                bytes[at] = (byte) 0xa9;
                assertThat(Utf8Bytes.isAscii(buffer, 2, 2 + length)).as("length %d, high byte at %d", length, at)
                        .isFalse();
                bytes[at] = 0x7f;
            }
        }
    }

    /** Whether {@code ascii[offset..]} followed by {@code tail} is well formed, judged from {@code offset} on. */
    private static boolean wellFormed(byte[] ascii, int offset, int... tail) {
        byte[] bytes = new byte[ascii.length + tail.length + 5];
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        for (int i = 0; i < tail.length; i++) {
            bytes[ascii.length + i] = (byte) tail[i];
        }
        // Bytes after the range are not judged.
        bytes[bytes.length - 1] = (byte) 0xff;
        return Utf8Bytes.isWellFormed(ByteBuffer.wrap(bytes), offset, ascii.length + tail.length);
    }
}
