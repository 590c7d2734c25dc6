package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexpFunctionsTest {

    @Test
    void regexpLikeFindsAMatchAnywhere() {
        assertThat(value("SELECT regexp_like('1a 2b 14m', '\\d+b')")).isEqualTo(true);
        assertThat(value("SELECT regexp_like('1a 2b 14m', '^\\d+b')")).isEqualTo(false);
        assertThat(column("SELECT regexp_like(s, 'an+a') FROM t ORDER BY id")).containsExactly(true, false, null);
    }

    @Test
    void regexpExtractFollowsTrinoDocumentation() {
        assertThat(value("SELECT regexp_extract('1a 2b 14m', '\\d+')")).isEqualTo("1");
        assertThat(value("SELECT regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)")).isEqualTo("a");
    }

    @Test
    void regexpExtractIsNullWithoutMatchOrForAnUnmatchedGroup() {
        assertThat(value("SELECT regexp_extract('abc', '\\d+')")).isNull();
        assertThat(value("SELECT regexp_extract('abc', '(x)?abc', 1)")).isNull();
        assertThat(column("SELECT regexp_extract(s, '[a-z]+,([a-z]+)', 1) FROM t ORDER BY id"))
                .containsExactly("banana", null, null);
        assertThat(type("SELECT regexp_extract('abc', 'b')")).isEqualTo("VARCHAR");
    }

    @Test
    void regexpExtractRejectsAMissingGroup() {
        assertThatThrownBy(() -> value("SELECT regexp_extract('abc', '(b)', 2)"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("Pattern has 1 groups. Cannot access group 2");
    }

    @Test
    void regexpExtractAllCountAndSplitFollowTrinoDocumentation() {
        assertThat(value("SELECT regexp_extract_all('1a 2b 14m', '\\d+')")).isEqualTo(List.of("1", "2", "14"));
        assertThat(value("SELECT regexp_extract_all('1a 2b 14m', '(\\d+)([a-z]+)', 2)"))
                .isEqualTo(List.of("a", "b", "m"));
        assertThat(value("SELECT regexp_count('1a 2b 14m', '\\s*[a-z]+\\s*')")).isEqualTo(3L);
        assertThat(value("SELECT regexp_split('1a 2b 14m', '\\s*[a-z]+\\s*')"))
                .isEqualTo(List.of("1", "2", "14", ""));
    }

    @Test
    void regexpReplaceFollowsTrinoDocumentation() {
        assertThat(value("SELECT regexp_replace('1a 2b 14m', '\\d+[ab] ')")).isEqualTo("14m");
        assertThat(value("SELECT regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')")).isEqualTo("3ca 3cb 14m");
    }

    @Test
    void regexpReplaceSupportsNamedGroupsEscapedDollarAndNulls() {
        assertThat(value("SELECT regexp_replace('abc', '(?<x>b)', '[${x}]')")).isEqualTo("a[b]c");
        assertThat(value("SELECT regexp_replace('abc', 'b', '\\$')")).isEqualTo("a$c");
        assertThat(column("SELECT regexp_replace(s, '[aeiou]', '') FROM t ORDER BY id"))
                .containsExactly("ppl,bnn", "x", null);
        assertThatThrownBy(() -> value("SELECT regexp_replace('abc', '(b)', '$2')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Illegal replacement");
    }

    @Test
    void invalidPatternIsAFunctionError() {
        assertThatThrownBy(() -> value("SELECT regexp_like('abc', '(')")).isInstanceOf(GlauxException.class);
    }

    @Test
    void regexpPositionFindsTheNthMatchFromAStart() {
        String s = "'I have 23 apples, 5 pears and 13 oranges'";
        assertThat(value("SELECT regexp_position(" + s + ", '\\b\\d+\\b')")).isEqualTo(8);
        assertThat(value("SELECT regexp_position(" + s + ", '\\b\\d+\\b', 5)")).isEqualTo(8);
        assertThat(value("SELECT regexp_position(" + s + ", '\\b\\d+\\b', 5, 2)")).isEqualTo(19);
        assertThat(value("SELECT regexp_position(" + s + ", '\\b\\d+\\b', 5, 4)")).isEqualTo(-1);
        assertThat(value("SELECT regexp_position('äb', 'b')")).isEqualTo(2);
        assertThat(column("SELECT regexp_position(s, 'a') FROM t ORDER BY id")).containsExactly(1, -1, null);
        assertThatThrownBy(() -> value("SELECT regexp_position(s, 'a', 0) FROM t"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("start position cannot be smaller than 1");
    }

    @Test
    void regexpReplaceWithALambdaReplacesEachMatchByItsGroups() {
        assertThat(value("SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2]))"))
                .isEqualTo("New York");
        assertThat(value("SELECT regexp_replace('ab', '(a)|(b)', x -> coalesce(x[2], '-'))")).isEqualTo("-b");
        assertThat(value("SELECT regexp_replace(s, 'p+', x -> NULL) FROM t WHERE id = 1")).isEqualTo("ale,banana");
    }
}
