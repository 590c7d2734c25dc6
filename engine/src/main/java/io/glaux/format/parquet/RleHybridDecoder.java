package io.glaux.format.parquet;

import org.apache.parquet.io.ParquetDecodingException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE/bit-packing hybrid encoding (definition levels, dictionary ids) many values at a time: a run
 * header (unsigned varint) whose low bit tells a repeated run (count, then the value in ceil(width/8) little-endian
 * bytes) from bit-packed groups of eight values (least significant bit first). Reads {@code [position, end)} of a
 * buffer; a last bit-packed group cut short of its padding reads as zeros.
 */
final class RleHybridDecoder {

    private final ByteBuffer bytes;
    private final int end;
    private final int bitWidth;
    private final int mask;
    private int position;
    private int runLeft;
    private boolean repeated;
    private int runValue;
    private long bits;
    private int bitCount;

    RleHybridDecoder(ByteBuffer bytes, int position, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetDecodingException("Bad bit width " + bitWidth);
        }
        this.bytes = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.position = position;
        this.end = end;
        this.bitWidth = bitWidth;
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    }

    /** Reads the next {@code count} values into {@code out[offset..]}. */
    void read(int[] out, int offset, int count) {
        int done = 0;
        while (done < count) {
            if (runLeft == 0) {
                readHeader();
            }
            int n = Math.min(count - done, runLeft);
            if (repeated) {
                Arrays.fill(out, offset + done, offset + done + n, runValue);
            } else {
                for (int i = 0; i < n; i++) {
                    if (bitCount < bitWidth) {
                        refill();
                    }
                    out[offset + done + i] = (int) bits & mask;
                    bits >>>= bitWidth;
                    bitCount -= bitWidth;
                }
            }
            runLeft -= n;
            done += n;
        }
    }

    /**
     * Tops the bit buffer up to at least {@link #bitWidth} bits: whole bytes from one little-endian long read where
     * eight bytes are left, else byte by byte (zeros past the end).
     */
    private void refill() {
        if (position + Long.BYTES <= end) {
            int take = (Long.SIZE - 8 - bitCount) >>> 3;
            long word = bytes.getLong(position);
            bits |= (word & ((1L << (take << 3)) - 1)) << bitCount;
            position += take;
            bitCount += take << 3;
            return;
        }
        while (bitCount < bitWidth) {
            bits |= (position < end ? bytes.get(position) & 0xffL : 0L) << bitCount;
            position++;
            bitCount += 8;
        }
    }

    private void readHeader() {
        // A bit-packed run ends on a byte boundary: whole bytes read ahead of it belong to what follows.
        position -= bitCount >>> 3;
        int header = 0;
        int shift = 0;
        while (true) {
            if (position >= end) {
                throw new ParquetDecodingException("RLE/bit-packed data ends before its values");
            }
            int b = bytes.get(position++);
            header |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 28) {
                throw new ParquetDecodingException("Bad RLE/bit-packed run header");
            }
        }
        bits = 0;
        bitCount = 0;
        if ((header & 1) == 0) {
            repeated = true;
            runLeft = header >>> 1;
            int value = 0;
            for (int i = 0; i < (bitWidth + 7) / 8; i++) {
                if (position >= end) {
                    throw new ParquetDecodingException("RLE run ends before its value");
                }
                value |= (bytes.get(position++) & 0xff) << (8 * i);
            }
            runValue = value;
        } else {
            repeated = false;
            runLeft = (header >>> 1) * 8;
        }
    }
}
