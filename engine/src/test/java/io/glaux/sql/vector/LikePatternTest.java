package io.glaux.sql.vector;

import org.apache.calcite.runtime.SqlFunctions;
import org.junit.jupiter.api.Test;

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

    /** Single-character wildcards and escapes keep Calcite's LIKE. */
    @Test
    void underscoresAndEscapesAreCalcitesLike() {
        assertThat(LikePattern.of("a_c", null).test("abc")).isTrue();
        assertThat(LikePattern.of("a_c", null).test("abbc")).isFalse();
        assertThat(LikePattern.of("100!%", "!").test("100%")).isTrue();
        assertThat(LikePattern.of("100!%", "!").test("1000")).isFalse();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
