package io.glaux.format;

/**
 * Bytes [{@code offset}, {@code offset + length}) of one object: the part of it one reader reads when an object is
 * read in parts by several threads (a Hive split). A format reader decides which rows a range holds (the row groups
 * whose middle lies in it, the lines that start in it), so that the ranges it gives for an object read each row once.
 */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Not a byte range: offset " + offset + ", length " + length);
        }
    }

    /** All of an object of {@code size} bytes. */
    public static ByteRange whole(long size) {
        return new ByteRange(0, size);
    }

    /** Where the range ends (exclusive). */
    public long end() {
        return offset + length;
    }

    /** Whether the range is all of an object of {@code size} bytes. */
    public boolean covers(long size) {
        return offset == 0 && length >= size;
    }
}
