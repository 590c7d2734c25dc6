package io.glaux.format.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecFactoryTest {

    private static final byte[] PAGE = "lineitem comments, repeated: ".repeat(200).getBytes(StandardCharsets.UTF_8);

    /** The compressed page inside a larger buffer, with other bytes before and after it, as a column chunk holds it. */
    private static BytesInput inChunk(CompressionCodecName codec) throws Exception {
        byte[] compressed = CodecFactory.compress(codec, PAGE);
        byte[] chunk = new byte[compressed.length + 20];
        Arrays.fill(chunk, (byte) 0x5A);
        System.arraycopy(compressed, 0, chunk, 7, compressed.length);
        return BytesInput.from(ByteBuffer.wrap(chunk, 7, compressed.length).slice());
    }

    private static CompressionCodecFactory.BytesInputDecompressor decompressor(CompressionCodecName codec) {
        return CodecFactory.INSTANCE.getDecompressor(codec);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP"})
    void aPageIsDecompressedFromThePartOfTheChunkItOccupies(CompressionCodecName codec) throws Exception {
        assertThat(decompressor(codec).decompress(inChunk(codec), PAGE.length).toByteArray()).isEqualTo(PAGE);
    }

    /** Snappy and zstd pages are decompressed where they lie in the chunk, and checked there. */
    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"SNAPPY", "ZSTD"})
    void aPageWhoseHeaderGivesAnotherSizeIsCorrupt(CompressionCodecName codec) throws Exception {
        assertThatThrownBy(() -> decompressor(codec).decompress(inChunk(codec), PAGE.length + 1))
                .hasMessageContaining("Corrupt " + codec + " page");
        assertThatThrownBy(() -> decompressor(codec).decompress(inChunk(codec), PAGE.length - 1))
                .hasMessageContaining("Corrupt " + codec + " page");
    }
}
