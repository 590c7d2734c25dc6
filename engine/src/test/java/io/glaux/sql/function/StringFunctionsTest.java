package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringFunctionsTest {

    @Test
    void splitKeepsEmptyPartsAndHonoursTheLimit() {
        assertThat(value("SELECT split('a,b,,c,', ',')")).isEqualTo(List.of("a", "b", "", "c", ""));
        assertThat(value("SELECT split('a::b::c', '::', 2)")).isEqualTo(List.of("a", "b::c"));
        assertThat(value("SELECT split('abc', ',')")).isEqualTo(List.of("abc"));
        assertThat(column("SELECT split(s, ',') FROM t ORDER BY id"))
                .containsExactly(List.of("apple", "banana"), List.of("x"), null);
        assertThat(type("SELECT split('a,b', ',')")).isEqualTo("VARCHAR NOT NULL ARRAY NOT NULL");
    }

    @Test
    void splitRejectsEmptyDelimiterAndNonPositiveLimit() {
        assertThatThrownBy(() -> value("SELECT split('abc', '')")).isInstanceOf(GlauxException.class);
        assertThatThrownBy(() -> value("SELECT split('abc', 'b', 0)")).isInstanceOf(GlauxException.class);
    }

    @Test
    void splitPartIsOneBasedAndNullPastTheEnd() {
        assertThat(value("SELECT split_part('a,b,c', ',', 2)")).isEqualTo("b");
        assertThat(value("SELECT split_part('a,b,c', ',', 4)")).isNull();
    }

    @Test
    void strposIsOneBasedInCodePointsAndZeroWhenAbsent() {
        assertThat(value("SELECT strpos('high', 'ig')")).isEqualTo(2L);
        assertThat(value("SELECT strpos('high', 'x')")).isEqualTo(0L);
        assertThat(value("SELECT strpos('😀ab', 'a')")).isEqualTo(2L);
        assertThat(value("SELECT strpos('abcab', 'ab', 2)")).isEqualTo(4L);
        assertThat(value("SELECT strpos('abcab', 'ab', -1)")).isEqualTo(4L);
        assertThat(value("SELECT strpos('abcab', 'ab', 3)")).isEqualTo(0L);
        assertThat(column("SELECT strpos(s, 'banana') FROM t ORDER BY id")).containsExactly(7L, 0L, null);
    }

    @Test
    void concatWsSkipsNullsAndANullSeparatorGivesNull() {
        assertThat(value("SELECT concat_ws(',', 'a', NULL, 'b')")).isEqualTo("a,b");
        assertThat(value("SELECT concat_ws(NULL, 'a', 'b')")).isNull();
        assertThat(value("SELECT concat_ws('-', 'only')")).isEqualTo("only");
        assertThat(value("SELECT concat_ws('/', ARRAY['x', 'y'])")).isEqualTo("x/y");
        assertThat(column("SELECT concat_ws('|', s, 'z', s) FROM t ORDER BY id"))
                .containsExactly("apple,banana|z|apple,banana", "x|z|x", "z");
    }

    @Test
    void concatIsNullWhenAnyArgumentIsNull() {
        assertThat(value("SELECT concat('a', 'b', 'c')")).isEqualTo("abc");
        assertThat(column("SELECT concat('<', s, '>') FROM t ORDER BY id"))
                .containsExactly("<apple,banana>", "<x>", null);
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(value("SELECT length('héllo😀')")).isEqualTo(6L);
        assertThat(type("SELECT length('abc')")).isEqualTo("BIGINT NOT NULL");
        assertThat(column("SELECT length(s) FROM t ORDER BY id")).containsExactly(12L, 1L, null);
    }

    @Test
    void substrCountsFromOneAndFromTheEndForNegativeStarts() {
        assertThat(value("SELECT substr('Trino', 2)")).isEqualTo("rino");
        assertThat(value("SELECT substr('Trino', 2, 3)")).isEqualTo("rin");
        assertThat(value("SELECT substr('Trino', -3)")).isEqualTo("ino");
        assertThat(value("SELECT substr('Trino', -3, 2)")).isEqualTo("in");
        assertThat(value("SELECT substr('Trino', 0)")).isEqualTo("");
        assertThat(value("SELECT substr('Trino', 9)")).isEqualTo("");
        assertThat(value("SELECT substr('Trino', -9)")).isEqualTo("");
        assertThat(value("SELECT substr('Trino', 4, 100)")).isEqualTo("no");
        assertThat(value("SELECT substring('Trino', -2)")).isEqualTo("no");
        assertThat(value("SELECT substring('Trino' FROM 2 FOR 2)")).isEqualTo("ri");
        // Code points beyond 16 bits count as one character each.
        assertThat(value("SELECT substr('a😀b😀c', 2, 3)")).isEqualTo("😀b😀");
        assertThat(value("SELECT substr('a😀b', -2)")).isEqualTo("😀b");
        assertThat(value("SELECT substr('😀😀', 3)")).isEqualTo("");
    }

    @Test
    void trimRemovesWhitespaceOrTheGivenCharacters() {
        assertThat(value("SELECT trim('  \t x \n ')")).isEqualTo("x");
        assertThat(value("SELECT ltrim('  x  ')")).isEqualTo("x  ");
        assertThat(value("SELECT rtrim('  x  ')")).isEqualTo("  x");
        assertThat(value("SELECT trim(BOTH 'ab' FROM 'abxba')")).isEqualTo("x");
        assertThat(value("SELECT trim(LEADING 'a' FROM 'aax')")).isEqualTo("x");
        assertThat(value("SELECT ltrim('xxhixx', 'x')")).isEqualTo("hixx");
        assertThat(value("SELECT rtrim('xxhixx', 'x')")).isEqualTo("xxhi");
    }

    @Test
    void padsTruncateOrRepeatThePadding() {
        assertThat(value("SELECT lpad('7', 3, '0')")).isEqualTo("007");
        assertThat(value("SELECT rpad('ab', 5, 'xy')")).isEqualTo("abxyx");
        assertThat(value("SELECT lpad('abcdef', 3, '0')")).isEqualTo("abc");
        assertThatThrownBy(() -> value("SELECT lpad('a', 3, '')")).isInstanceOf(GlauxException.class);
    }

    @Test
    void reverseReplaceStartsWithLowerUpper() {
        assertThat(value("SELECT reverse('abc😀')")).isEqualTo("😀cba");
        assertThat(value("SELECT replace('abcabc', 'b')")).isEqualTo("acac");
        assertThat(value("SELECT replace('abcabc', 'b', 'XY')")).isEqualTo("aXYcaXYc");
        assertThat(value("SELECT starts_with('abc', 'ab')")).isEqualTo(true);
        assertThat(value("SELECT starts_with('abc', 'bc')")).isEqualTo(false);
        assertThat(value("SELECT ends_with('abc', 'bc')")).isEqualTo(true);
        assertThat(value("SELECT lower('ÀB') || upper('cd')")).isEqualTo("àbCD");
        assertThat(value("SELECT chr(65) || CAST(codepoint('a') AS VARCHAR)")).isEqualTo("A97");
    }
}
