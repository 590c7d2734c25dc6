package io.glaux.format.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
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
    /**
     * The buffer's array, when it has one on a little-endian machine: whole bit-packed groups are then read from it
     * without a bounds check per read (the group loop keeps within {@code [position, end)}, which the constructor
     * checks against the buffer); else null.
     */
    private final byte[] array;
    private final int arrayOffset;
    private final int end;
    private final int bitWidth;
    private final int mask;
    /** In a bit-packed run, where its current group of eight values starts; else where the next header is. */
    private int position;
    private int runLeft;
    private boolean repeated;
    private int runValue;
    /** The next value's place in the current bit-packed group (0 to 7). */
    private int groupIndex;

    RleHybridDecoder(ByteBuffer bytes, int position, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetDecodingException("Bad bit width " + bitWidth);
        }
        if (position < 0 || position > end || end > bytes.limit()) {
            throw new ParquetDecodingException("RLE/bit-packed data [" + position + ", " + end
                    + ") past its page of " + bytes.limit() + " bytes");
        }
        this.bytes = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        boolean direct = bytes.hasArray() && MemoryUtil.LITTLE_ENDIAN;
        this.array = direct ? bytes.array() : null;
        this.arrayOffset = direct ? bytes.arrayOffset() : 0;
        this.position = position;
        this.end = end;
        this.bitWidth = bitWidth;
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    }

    /** The largest value the bit width can hold. */
    long largestValue() {
        return Integer.toUnsignedLong(mask);
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
                unpack(out, offset + done, n);
            }
            runLeft -= n;
            done += n;
        }
    }

    /**
     * {@code n} values of a bit-packed run: whole groups of eight (which take {@link #bitWidth} bytes) where the data
     * holds eight bytes past them, then the rest value by value.
     */
    private void unpack(int[] out, int at, int n) {
        int i = 0;
        while (i < n && groupIndex != 0) {
            out[at + i++] = valueInGroup();
        }
        // Each common width gets a copy of the group loop in which it is a constant, so its shifts and offsets are.
        i = switch (bitWidth) {
            case 1 -> unpackGroups(1, out, at, i, n);
            case 2 -> unpackGroups(2, out, at, i, n);
            case 3 -> unpackGroups(3, out, at, i, n);
            case 4 -> unpackGroups(4, out, at, i, n);
            case 5 -> unpackGroups(5, out, at, i, n);
            case 6 -> unpackGroups(6, out, at, i, n);
            case 7 -> unpackGroups(7, out, at, i, n);
            case 8 -> unpackGroups(8, out, at, i, n);
            case 9 -> unpackGroups(9, out, at, i, n);
            case 10 -> unpackGroups(10, out, at, i, n);
            case 11 -> unpackGroups(11, out, at, i, n);
            case 12 -> unpackGroups(12, out, at, i, n);
            case 13 -> unpackGroups(13, out, at, i, n);
            case 14 -> unpackGroups(14, out, at, i, n);
            case 15 -> unpackGroups(15, out, at, i, n);
            case 16 -> unpackGroups(16, out, at, i, n);
            case 17 -> unpackGroups(17, out, at, i, n);
            case 18 -> unpackGroups(18, out, at, i, n);
            case 19 -> unpackGroups(19, out, at, i, n);
            case 20 -> unpackGroups(20, out, at, i, n);
            default -> unpackGroups(bitWidth, out, at, i, n);
        };
        while (i < n) {
            out[at + i++] = valueInGroup();
        }
    }

    /**
     * Whole groups of eight values from {@code out[at + i]} on while {@code n} allows: up to 8 bits wide from one
     * little-endian long read, wider values each from a read at its first byte. Returns the new {@code i}.
     */
    private int unpackGroups(int width, int[] out, int at, int i, int n) {
        int valueMask = width == 32 ? -1 : (1 << width) - 1;
        int from = position;
        int last = end - width - Long.BYTES;
        while (n - i >= 8 && from <= last) {
            if (width <= 8) {
                long word = longAt(from);
                for (int k = 0; k < 8; k++) {
                    out[at + i + k] = (int) (word >>> (k * width)) & valueMask;
                }
            } else {
                for (int k = 0; k < 8; k++) {
                    int bit = k * width;
                    out[at + i + k] = (int) (longAt(from + (bit >>> 3)) >>> (bit & 7)) & valueMask;
                }
            }
            from += width;
            i += 8;
        }
        position = from;
        return i;
    }

    /** The little-endian long at {@code index}, which with its eight bytes lies within {@code [position, end)}. */
    private long longAt(int index) {
        return array != null ? MemoryUtil.getLong(array, arrayOffset + index) : bytes.getLong(index);
    }

    /** The current group's next value (bytes past the data read as zeros), moving on to the next group after eight. */
    private int valueInGroup() {
        int bit = groupIndex * bitWidth;
        int from = position + (bit >>> 3);
        long word;
        if (from + Long.BYTES <= end) {
            word = bytes.getLong(from);
        } else {
            word = 0;
            for (int b = 0; b < Long.BYTES && from + b < end; b++) {
                word |= (bytes.get(from + b) & 0xffL) << (8 * b);
            }
        }
        if (++groupIndex == 8) {
            groupIndex = 0;
            position += bitWidth;
        }
        return (int) (word >>> (bit & 7)) & mask;
    }

    private void readHeader() {
        // A bit-packed run is whole groups, so it ends where its last group does.
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
        groupIndex = 0;
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
