package io.glaux.format.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;

/**
 * Well-formed UTF-8 as the JDK's strict decoder accepts it (Unicode's table of well-formed byte sequences: no overlong
 * forms, no surrogates, nothing above U+10FFFF), and the error both text paths raise for anything else, so that reading
 * an object as characters or as bytes fails the same way at the same offset.
 */
public final class Utf8Check {

    /** Eight bytes at a time, to skip ASCII quickly. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Check() {
    }

    /**
     * The index of the first byte in [from, to) that does not start a well-formed sequence ending before {@code to},
     * or -1 when every byte does. This is where the JDK decoder stops: the bytes before it decode.
     */
    public static int firstMalformed(byte[] bytes, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** The length of the well-formed multi-byte sequence at {@code at}, or 0. */
    private static int sequenceLength(byte[] bytes, int at, int to) {
        int lead = bytes[at] & 0xff;
        if (lead >= 0xc2 && lead <= 0xdf) {
            return at + 1 < to && continuation(bytes[at + 1]) ? 2 : 0;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            if (at + 2 >= to) {
                return 0;
            }
            int second = bytes[at + 1] & 0xff;
            int low = lead == 0xe0 ? 0xa0 : 0x80;
            int high = lead == 0xed ? 0x9f : 0xbf;
            return second >= low && second <= high && continuation(bytes[at + 2]) ? 3 : 0;
        }
        if (lead >= 0xf0 && lead <= 0xf4) {
            if (at + 3 >= to) {
                return 0;
            }
            int second = bytes[at + 1] & 0xff;
            int low = lead == 0xf0 ? 0x90 : 0x80;
            int high = lead == 0xf4 ? 0x8f : 0xbf;
            return second >= low && second <= high && continuation(bytes[at + 2]) && continuation(bytes[at + 3])
                    ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /** The error for malformed bytes starting at {@code offset} of the (decompressed) object. */
    static CharacterCodingException malformedAt(long offset) {
        String message = "Invalid UTF-8 byte sequence at byte offset " + offset;
        return new CharacterCodingException() {
            @Override
            public String getMessage() {
                return message;
            }
        };
    }
}
