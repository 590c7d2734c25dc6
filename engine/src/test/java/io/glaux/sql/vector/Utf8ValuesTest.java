package io.glaux.sql.vector;

import io.glaux.sql.function.StringFunctions;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IN list tested on a value's UTF-8 bytes answers as on the String, for values shorter and longer than a word,
 * empty and non-ASCII ones, values that differ from a listed one only in their last byte or only in length, and a
 * prefix of each ({@code substr(c, 1, n) IN (...)}); the bytes after a value are never read as part of it.
 */
class Utf8ValuesTest {

    private static final List<String> LISTED = List.of("13", "31", "", "MAIL", "café", "AIR REG", "TRUCKING",
            "DELIVER IN PERSON", "éé", "12345678");

    /** Strings near the listed ones: each of them, with a byte changed, cut short, made longer. */
    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of("1", "3", "133", "13 ", " 13", "MAIN", "MAILS", "cafe",
                "caf", "cafés", "AIR RE", "AIR REGX", "TRUCKINF", "TRUCKINGS", "DELIVER IN PERSOM", "é", "ééé",
                "12345679", "1234567", "123456789", "x"));
        candidates.addAll(LISTED);
        return candidates;
    }

    @Test
    void bytesAnswerAsTheStrings() {
        Utf8Values values = (Utf8Values) Utf8Values.of(LISTED);
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(64)) {
            for (String candidate : candidates()) {
                long address = at(buffer, candidate);
                int length = candidate.getBytes(StandardCharsets.UTF_8).length;
                assertThat(values.testUtf8(address, length)).as(candidate).isEqualTo(values.test(candidate))
                        .isEqualTo(LISTED.contains(candidate));
            }
        }
    }

    @Test
    void prefixesAnswerAsTheStrings() {
        Utf8Values values = (Utf8Values) Utf8Values.of(LISTED);
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(64)) {
            for (long codePoints : new long[] {0, 1, 2, 4, 7, 8, 17}) {
                Predicate<String> prefix = value -> LISTED.contains(StringFunctions.substr(value, 1, codePoints));
                Utf8Predicate bytes = values.ofPrefix(codePoints, value -> StringFunctions.substr(value, 1,
                        codePoints));
                for (String candidate : candidates()) {
                    long address = at(buffer, candidate);
                    int length = candidate.getBytes(StandardCharsets.UTF_8).length;
                    assertThat(bytes.testUtf8(address, length)).as(codePoints + " of " + candidate)
                            .isEqualTo(bytes.test(candidate)).isEqualTo(prefix.test(candidate));
                }
            }
        }
    }

    /** {@code value}'s bytes at the buffer's start, followed by bytes that would match if they were read. */
    private static long at(ArrowBuf buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.setBytes(0, bytes);
        byte[] after = "3ILNGE IN PERSON12345678".getBytes(StandardCharsets.UTF_8);
        buffer.setBytes(bytes.length, after);
        return buffer.memoryAddress();
    }
}
