package io.glaux.sql.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternTest {

    /** Patterns of literal parts and % wildcards match exactly the strings Calcite's LIKE matches. */
    @Test
    void wildcardPatternsMatchAsCalcitesLike() {
        Random random = new Random(11);
        String alphabet = "ab%\n ";
        SqlFunctions.LikeFunction calcite = new SqlFunctions.LikeFunction();
        List<String> fixed = List.of("%special%requests%", "special%", "%requests", "%", "%%", "", "a%b%a", "ab",
                "%a%a%a%", "a%%b");
        for (int round = 0; round < 20_000; round++) {
            String pattern = round < fixed.size() * 200 ? fixed.get(round % fixed.size())
                    : randomText(random, "ab%", 1 + random.nextInt(6));
            String text = random.nextInt(10) == 0 ? "x special y requests z"
                    : randomText(random, alphabet.replace("%", "ab"), random.nextInt(9));
            Predicate<String> matches = LikePattern.of(pattern, null);
            assertThat(matches.test(text)).as("'%s' LIKE '%s'", text, pattern)
                    .isEqualTo(calcite.like(text, pattern));
        }
    }

    /**
     * On UTF-8 bytes (a dictionary's values not decoded), patterns of literal parts and % wildcards match exactly the
     * strings Calcite's LIKE matches, non-ASCII characters and a pattern without wildcard included, negated too.
     */
    @Test
    void wildcardPatternsMatchTheSameOnUtf8Bytes() {
        Random random = new Random(13);
        List<String> characters = List.of("a", "é", "€", "😀", " ", "b");
        SqlFunctions.LikeFunction calcite = new SqlFunctions.LikeFunction();
        List<String> fixed = List.of("%special%requests%", "%é%", "é", "", "%", "a%😀", "%€", "é%é", "%%b%");
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(256)) {
            for (int round = 0; round < 20_000; round++) {
                String pattern = round < fixed.size() * 200 ? fixed.get(round % fixed.size())
                        : randomCharacters(random, characters, List.of("%"), 1 + random.nextInt(5));
                String text = random.nextInt(10) == 0 ? "x special y requests z"
                        : randomCharacters(random, characters, List.of(), random.nextInt(7));
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                buffer.setBytes(0, utf8);
                Predicate<String> matches = LikePattern.of(pattern, null);
                assertThat(matches).isInstanceOf(Utf8Predicate.class);
                boolean expected = calcite.like(text, pattern);
                assertThat(((Utf8Predicate) matches).testUtf8(buffer.memoryAddress(), utf8.length))
                        .as("'%s' LIKE '%s'", text, pattern).isEqualTo(expected);
                assertThat(((Utf8Predicate) matches.negate()).testUtf8(buffer.memoryAddress(), utf8.length))
                        .as("'%s' NOT LIKE '%s'", text, pattern).isEqualTo(!expected);
            }
        }
    }

    /**
     * A part is found wherever it starts in values longer than a word, the value at any alignment, among bytes that
     * begin the part without continuing it (the search reads eight positions at a time for the part's first two
     * bytes).
     */
    @Test
    void aPartIsFoundWhereverItStartsInALongValue() {
        Random random = new Random(7);
        List<String> characters = List.of("a", "a", "b", "é", "€", "x");
        SqlFunctions.LikeFunction calcite = new SqlFunctions.LikeFunction();
        List<String> patterns = List.of("%ab%", "%aab%", "%aaaaaaaab%", "%€a%", "%ab%ba%", "x%ab%", "%ab%b");
        try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buffer = allocator.buffer(512)) {
            for (int round = 0; round < 20_000; round++) {
                String pattern = patterns.get(round % patterns.size());
                String text = randomCharacters(random, characters, List.of(), random.nextInt(48));
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                int offset = random.nextInt(8);
                buffer.setBytes(offset, utf8);
                Utf8Predicate matches = (Utf8Predicate) LikePattern.of(pattern, null);
                assertThat(matches.testUtf8(buffer.memoryAddress() + offset, utf8.length))
                        .as("'%s' LIKE '%s'", text, pattern).isEqualTo(calcite.like(text, pattern));
            }
        }
    }

    /** Single-character wildcards and escapes keep Calcite's LIKE. */
    @Test
    void underscoresAndEscapesAreCalcitesLike() {
        assertThat(LikePattern.of("a_c", null).test("abc")).isTrue();
        assertThat(LikePattern.of("a_c", null).test("abbc")).isFalse();
        assertThat(LikePattern.of("100!%", "!").test("100%")).isTrue();
        assertThat(LikePattern.of("100!%", "!").test("1000")).isFalse();
    }

    /** Characters (a code point each, some beyond 16 bits) and {@code extra}, drawn at random. */
    private static String randomCharacters(Random random, List<String> characters, List<String> extra, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(characters.size() + extra.size());
            text.append(pick < characters.size() ? characters.get(pick) : extra.get(pick - characters.size()));
        }
        return text.toString();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
