package io.glaux.format.parquet;

import java.nio.ByteBuffer;

/**
 * UTF-8 text as bytes, without decoding it to Java strings: well-formedness as Java's UTF-8 decoder judges it (no
 * overlong forms, no surrogates, nothing above U+10FFFF), and cutting to a number of code points. Ranges are absolute
 * indexes {@code [from, to)} into a buffer.
 */
final class Utf8Bytes {

    private Utf8Bytes() {
    }

    /** Whether no byte of {@code [from, to)} has its high bit set (plain ASCII, so well-formed UTF-8). */
    static boolean isAscii(ByteBuffer bytes, int from, int to) {
        int i = from;
        long seen = 0;
        for (; to - i >= Long.BYTES; i += Long.BYTES) {
            seen |= bytes.getLong(i);
        }
        for (; i < to; i++) {
            seen |= bytes.get(i);
        }
        return (seen & 0x8080808080808080L) == 0;
    }

    static boolean isWellFormed(ByteBuffer bytes, int from, int to) {
        int i = from;
        // ASCII eight bytes at a time: no byte with its high bit set.
        while (to - i >= Long.BYTES && (bytes.getLong(i) & 0x8080808080808080L) == 0) {
            i += Long.BYTES;
        }
        while (i < to && bytes.get(i) >= 0) {
            i++;
        }
        while (i < to) {
            int lead = bytes.get(i) & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                length = 2;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                length = 3;
                if (lead == 0xe0) {
                    low = 0xa0;
                } else if (lead == 0xed) {
                    high = 0x9f;
                }
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                length = 4;
                if (lead == 0xf0) {
                    low = 0x90;
                } else if (lead == 0xf4) {
                    high = 0x8f;
                }
            } else {
                return false;
            }
            if (to - i < length) {
                return false;
            }
            int second = bytes.get(i + 1) & 0xff;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes.get(i + k) & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** The end of the first {@code codePoints} code points of well-formed text in {@code [from, to)}. */
    static int prefixEnd(ByteBuffer bytes, int from, int to, int codePoints) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            if ((bytes.get(i) & 0xc0) != 0x80) {
                if (seen == codePoints) {
                    return i;
                }
                seen++;
            }
        }
        return to;
    }

    /** The end of {@code [from, to)} without its trailing spaces (U+0020). */
    static int trimTrailingSpaces(ByteBuffer bytes, int from, int to) {
        int end = to;
        while (end > from && bytes.get(end - 1) == ' ') {
            end--;
        }
        return end;
    }
}
