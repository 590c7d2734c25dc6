package io.glaux.sql.vector;

import org.apache.arrow.memory.util.MemoryUtil;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Equality with one of a few strings ({@code = 'MAIL'}, {@code IN ('MAIL', 'SHIP')}), tested on a value's UTF-8
 * bytes as well as on a String: two strings are equal exactly when their UTF-8 bytes are. The values are compared in
 * turn, length first, so a list is meant to be short ({@link #MAX_VALUES}); a value of at most eight bytes is read
 * once into a word and compared with each listed value of its length as one.
 */
public final class Utf8Values implements Utf8Predicate {

    /** The most values a list tested on bytes holds; a longer one is a set of Strings. */
    public static final int MAX_VALUES = 16;

    private final Set<String> values;
    private final byte[][] utf8;
    /** Per listed value, its bytes as a little-endian word (of its first eight when longer). */
    private final long[] words;

    private Utf8Values(Collection<String> values) {
        this.values = Set.copyOf(values);
        this.utf8 = this.values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.words = new long[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            for (int b = 0; b < Math.min(Long.BYTES, utf8[i].length); b++) {
                words[i] |= (utf8[i][b] & 0xFFL) << (b << 3);
            }
        }
    }

    /** Equality with one of {@code values}: on bytes too when they are at most {@link #MAX_VALUES}. */
    public static Predicate<String> of(Collection<String> values) {
        if (values.size() <= MAX_VALUES) {
            return new Utf8Values(values);
        }
        Set<String> set = Set.copyOf(values);
        return set::contains;
    }

    @Override
    public boolean test(String value) {
        return values.contains(value);
    }

    /**
     * Whether the first {@code codePoints} code points of a value (all of it when shorter; none when
     * {@code codePoints} is not positive) are one of these values: {@code substr(c, 1, n) IN (...)} (TPC-H Q22's
     * country codes), with {@code prefix} the function as it applies to a String.
     */
    public Utf8Predicate ofPrefix(long codePoints, UnaryOperator<String> prefix) {
        return new Utf8Predicate() {
            @Override
            public boolean test(String value) {
                return values.contains(prefix.apply(value));
            }

            @Override
            public boolean testUtf8(long address, int length) {
                return Utf8Values.this.testUtf8(address, prefixEnd(address, length, codePoints));
            }
        };
    }

    /** Where the first {@code codePoints} code points of well-formed UTF-8 end: before the next lead byte. */
    private static int prefixEnd(long address, int length, long codePoints) {
        long seen = 0;
        for (int i = 0; i < length; i++) {
            if ((MemoryUtil.getByte(address + i) & 0xC0) != 0x80) {
                if (seen == codePoints) {
                    return i;
                }
                seen++;
            }
        }
        return codePoints <= 0 ? 0 : length;
    }

    @Override
    public boolean testUtf8(long address, int length) {
        if (length <= Long.BYTES) {
            long word = 0;
            for (int b = 0; b < length; b++) {
                word |= (MemoryUtil.getByte(address + b) & 0xFFL) << (b << 3);
            }
            for (int i = 0; i < utf8.length; i++) {
                if (utf8[i].length == length && words[i] == word) {
                    return true;
                }
            }
            return false;
        }
        for (byte[] value : utf8) {
            if (value.length == length && equal(value, address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(byte[] value, long address) {
        for (int i = 0; i < value.length; i++) {
            if (value[i] != MemoryUtil.getByte(address + i)) {
                return false;
            }
        }
        return true;
    }
}
