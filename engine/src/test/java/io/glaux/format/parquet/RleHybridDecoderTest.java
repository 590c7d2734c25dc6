package io.glaux.format.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk decoder reads back what parquet-column's own encoder wrote, at every bit width, in reads of any size. */
class RleHybridDecoderTest {

    @Test
    void readsWhatParquetsEncoderWrote() throws Exception {
        Random random = new Random(7);
        for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
            int[] values = new int[5_000];
            long bound = 1L << bitWidth;
            for (int i = 0; i < values.length; ) {
                int value = bitWidth == 0 ? 0 : (int) (random.nextLong() & (bound - 1));
                int run = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1;
                for (int k = 0; k < run && i < values.length; k++) {
                    values[i++] = value;
                }
            }
            ByteBuffer encoded;
            try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
                    HeapByteBufferAllocator.getInstance())) {
                for (int value : values) {
                    encoder.writeInt(value);
                }
                encoded = encoder.toBytes().toByteBuffer();
            }
            RleHybridDecoder decoder = new RleHybridDecoder(encoded, encoded.position(), encoded.limit(), bitWidth);
            int[] decoded = new int[values.length];
            for (int offset = 0; offset < values.length; ) {
                int n = Math.min(values.length - offset, 1 + random.nextInt(300));
                decoder.read(decoded, offset, n);
                offset += n;
            }
            assertThat(decoded).as("bit width %d", bitWidth).isEqualTo(values);
        }
    }

    /**
     * Values without repeats (bit-packed groups only, read eight at a time) from the middle of a buffer whose bytes
     * around them are not theirs: nothing before the start or past the end is read into a value.
     */
    @Test
    void readsBitPackedGroupsWithinTheirRangeOfALargerBuffer() throws Exception {
        Random random = new Random(11);
        for (int bitWidth = 1; bitWidth <= 32; bitWidth++) {
            int[] values = new int[1_003];
            for (int i = 0; i < values.length; i++) {
                values[i] = (int) (random.nextLong() & ((1L << bitWidth) - 1));
            }
            byte[] encoded;
            try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20,
                    HeapByteBufferAllocator.getInstance())) {
                for (int value : values) {
                    encoder.writeInt(value);
                }
                encoded = encoder.toBytes().toByteArray();
            }
            byte[] padded = new byte[encoded.length + 40];
            java.util.Arrays.fill(padded, (byte) 0xff);
            System.arraycopy(encoded, 0, padded, 5, encoded.length);
            // The last: a buffer that starts 7 bytes into a larger array (its groups are read from the array).
            byte[] shifted = new byte[padded.length + 14];
            java.util.Arrays.fill(shifted, (byte) 0xff);
            System.arraycopy(padded, 0, shifted, 7, padded.length);
            for (ByteBuffer buffer : java.util.List.of(ByteBuffer.wrap(padded),
                    ByteBuffer.allocateDirect(padded.length).put(padded).flip(),
                    ByteBuffer.wrap(shifted, 7, padded.length).slice())) {
                RleHybridDecoder decoder = new RleHybridDecoder(buffer, 5, 5 + encoded.length, bitWidth);
                int[] decoded = new int[values.length];
                decoder.read(decoded, 0, 3);
                decoder.read(decoded, 3, values.length - 3);
                assertThat(decoded).as("bit width %d", bitWidth).isEqualTo(values);
            }
        }
    }

    /** Data said to reach past its page (a corrupt length) fails before any of it is read. */
    @Test
    void failsOnDataPastItsBuffer() {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[64], 8, 16).slice();
        assertThatThrownBy(() -> new RleHybridDecoder(bytes, 0, 17, 12))
                .isInstanceOf(ParquetDecodingException.class).hasMessageContaining("past its page");
        assertThatThrownBy(() -> new RleHybridDecoder(bytes, 9, 8, 12)).isInstanceOf(ParquetDecodingException.class);
    }

    @Test
    void failsOnDataThatEndsBeforeItsValues() {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {(byte) 0x08});
        RleHybridDecoder decoder = new RleHybridDecoder(bytes, 0, 1, 8);
        assertThatThrownBy(() -> decoder.read(new int[4], 0, 4)).isInstanceOf(ParquetDecodingException.class);
    }
}
