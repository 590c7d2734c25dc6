package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFunctionsTest {

    @Test
    void caseMappingGoesCodePointByCodePoint() {
        assertThat(value("SELECT upper('straße')")).isEqualTo("STRAßE");
        assertThat(value("SELECT lower('İ')")).isEqualTo("i");
        assertThat(value("SELECT lower('ÀB')")).isEqualTo("àb");
        assertThat(column("SELECT upper(s) FROM t ORDER BY id")).containsExactly("APPLE,BANANA", "X", null);
    }

    @Test
    void translateReplacesOrRemovesCharacters() {
        assertThat(value("SELECT translate('abcd', 'a', 'z')")).isEqualTo("zbcd");
        assertThat(value("SELECT translate('abcd', 'abc', 'z')")).isEqualTo("zd");
        assertThat(value("SELECT translate('Palhoça', 'ç', 'c')")).isEqualTo("Palhoca");
        assertThat(value("SELECT translate('abba', 'aa', 'xy')")).isEqualTo("xbbx");
        assertThat(column("SELECT translate(s, 'a', 'A') FROM t ORDER BY id"))
                .containsExactly("Apple,bAnAnA", "x", null);
    }

    @Test
    void normalizeTakesTheFormAsAKeywordOrText() {
        assertThat(value("SELECT normalize('e' || chr(769))")).isEqualTo("é");
        assertThat(value("SELECT normalize('ﬁ', NFKC)")).isEqualTo("fi");
        assertThat(value("SELECT length(normalize('é', 'NFD'))")).isEqualTo(2L);
        assertThatThrownBy(() -> value("SELECT normalize(s, 'NFX') FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Normalization form must be one of");
    }

    @Test
    void editDistancesCountCodePoints() {
        assertThat(value("SELECT levenshtein_distance('kitten', 'sitting')")).isEqualTo(3L);
        assertThat(value("SELECT levenshtein_distance('', 'abc')")).isEqualTo(3L);
        assertThat(value("SELECT levenshtein_distance('déjà', 'deja')")).isEqualTo(2L);
        assertThat(value("SELECT hamming_distance('abcde', 'abzde')")).isEqualTo(1L);
        assertThatThrownBy(() -> value("SELECT hamming_distance(s, 'ab') FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("must have the same length");
    }

    @Test
    void soundexCodesConsonantSounds() {
        assertThat(value("SELECT soundex('Robert')")).isEqualTo("R163");
        assertThat(value("SELECT soundex('Tymczak')")).isEqualTo("T522");
        assertThat(value("SELECT soundex('Ashcraft')")).isEqualTo("A261");
        assertThat(value("SELECT soundex('Pfister')")).isEqualTo("P236");
        assertThat(value("SELECT soundex('Lee')")).isEqualTo("L000");
        assertThat(value("SELECT soundex('')")).isEqualTo("");
    }

    @Test
    void luhnCheckValidatesCheckDigits() {
        assertThat(value("SELECT luhn_check('79927398713')")).isEqualTo(true);
        assertThat(value("SELECT luhn_check('79927398714')")).isEqualTo(false);
        assertThat(value("SELECT luhn_check('7992a')")).isEqualTo(false);
        assertThat(column("SELECT luhn_check(s) FROM t ORDER BY id")).containsExactly(false, false, null);
    }

    @Test
    void formatUsesJavasFormatterWithTrinosValues() {
        assertThat(value("SELECT format('%s%%', 123)")).isEqualTo("123%");
        assertThat(value("SELECT format('%.4f', pi())")).isEqualTo("3.1416");
        assertThat(value("SELECT format('%03d', 8)")).isEqualTo("008");
        assertThat(value("SELECT format('%,.2f', 1234567.89)")).isEqualTo("1,234,567.89");
        assertThat(value("SELECT format('%-7s,%7s', 'hello', 'world')")).isEqualTo("hello  ,  world");
        assertThat(value("SELECT format('%2$s %3$s %1$s', 'a', 'b', 'c')")).isEqualTo("b c a");
        assertThat(value("SELECT format('%1$tA, %1$tB %1$te, %1$tY', date '2006-07-04')"))
                .isEqualTo("Tuesday, July 4, 2006");
        assertThat(value("SELECT format('%tT', TIMESTAMP '2001-08-22 03:04:05.321')")).isEqualTo("03:04:05");
        assertThat(column("SELECT format('%s|%d', s, n) FROM t ORDER BY id"))
                .containsExactly("apple,banana|3", "x|-2", "null|null");
        assertThatThrownBy(() -> value("SELECT format('%d', s) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Invalid format string: %d");
    }
}
