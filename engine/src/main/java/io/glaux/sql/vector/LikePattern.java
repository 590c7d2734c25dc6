package io.glaux.sql.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.calcite.runtime.SqlFunctions;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A LIKE pattern as a test of strings. A pattern of literal parts between {@code %} wildcards (TPC-H Q13's
 * {@code '%special%requests%'}) is matched by finding its parts in order, without a regular expression: Calcite's
 * LIKE translates the pattern to one, whose backtracking costs microseconds a string, and a dictionary of a million
 * comments is matched for each query. Such a pattern is matched on UTF-8 bytes too ({@link Utf8Predicate}): a
 * character sequence is found in a string exactly where its UTF-8 bytes are found in the string's, so a dictionary
 * read for one query (a live table's) is matched without decoding a String per value. Patterns with {@code _} or an
 * escape character go to Calcite's LIKE.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** A test of whether a string matches {@code pattern} (with {@code escape}, or null for none). */
    public static Predicate<String> of(String pattern, String escape) {
        if (escape != null || pattern.indexOf('_') >= 0) {
            SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
            return escape == null ? text -> like.like(text, pattern) : text -> like.like(text, pattern, escape);
        }
        return new Parts(pattern.split("%", -1));
    }

    /** Literal parts between {@code %} wildcards: the first a prefix, the last a suffix, the others in order. */
    private static final class Parts implements Utf8Predicate {
        /** A word is read with its first byte lowest on little-endian machines (x86-64, ARM64). */
        private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGH_BITS = 0x8080808080808080L;

        private final String[] parts;
        private final byte[][] bytes;
        private final int minLength;

        Parts(String[] parts) {
            this.parts = parts;
            this.bytes = new byte[parts.length][];
            int length = 0;
            for (int i = 0; i < parts.length; i++) {
                bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
                length += bytes[i].length;
            }
            this.minLength = length;
        }

        @Override
        public boolean test(String text) {
            if (parts.length == 1) {
                return parts[0].equals(text);
            }
            String first = parts[0];
            String last = parts[parts.length - 1];
            if (!text.startsWith(first)) {
                return false;
            }
            int position = first.length();
            for (int i = 1; i < parts.length - 1; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                int found = text.indexOf(parts[i], position);
                if (found < 0) {
                    return false;
                }
                position = found + parts[i].length();
            }
            return text.length() - last.length() >= position && text.endsWith(last);
        }

        @Override
        public boolean testUtf8(long address, int length) {
            if (length < minLength || parts.length == 1 && length != minLength) {
                return false;
            }
            byte[] first = bytes[0];
            if (!equalAt(address, first)) {
                return false;
            }
            if (parts.length == 1) {
                return true; // the whole value, its length checked above
            }
            int position = first.length;
            for (int i = 1; i < bytes.length - 1; i++) {
                byte[] part = bytes[i];
                if (part.length == 0) {
                    continue;
                }
                int found = indexOf(address, length, part, position);
                if (found < 0) {
                    return false;
                }
                position = found + part.length;
            }
            byte[] last = bytes[bytes.length - 1];
            return length - last.length >= position && equalAt(address + length - last.length, last);
        }

        private static boolean equalAt(long address, byte[] part) {
            for (int i = 0; i < part.length; i++) {
                if (MemoryUtil.getByte(address + i) != part[i]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Where {@code part} first starts in the value at or after {@code from}, or -1. The value is searched eight
         * positions at a time for the part's first two bytes (the bytes of two overlapping words equal to them found
         * at once, SWAR), and the part is compared where both are; the last positions one at a time.
         */
        private static int indexOf(long address, int length, byte[] part, int from) {
            int end = length - part.length;
            int at = from;
            if (LITTLE_ENDIAN && part.length >= 2) {
                long first = (part[0] & 0xFFL) * ONES;
                long second = (part[1] & 0xFFL) * ONES;
                for (; at <= end && at + 1 + Long.BYTES <= length; at += Long.BYTES) {
                    long differsFirst = MemoryUtil.getLong(address + at) ^ first;
                    long differsSecond = MemoryUtil.getLong(address + at + 1) ^ second;
                    // A byte's high bit is set where it equals the byte sought, and at times above such a byte
                    // where it does not: each position is checked.
                    long both = (differsFirst - ONES) & ~differsFirst & (differsSecond - ONES) & ~differsSecond
                            & HIGH_BITS;
                    for (; both != 0; both &= both - 1) {
                        int candidate = at + (Long.numberOfTrailingZeros(both) >>> 3);
                        if (candidate > end) {
                            return -1;
                        }
                        if (equalAt(address + candidate, part)) {
                            return candidate;
                        }
                    }
                }
            }
            byte head = part[0];
            for (; at <= end; at++) {
                if (MemoryUtil.getByte(address + at) == head && equalAt(address + at, part)) {
                    return at;
                }
            }
            return -1;
        }
    }
}
