package io.glaux.sql.function;

import io.glaux.results.ColumnInfo;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's char(n): values held without trailing spaces, compared with pad semantics, shown padded to n (in the
 * result object and its column types, as Athena's GetQueryResults gives them).
 */
class CharTypeTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void castPadsToTheLengthAndTypeofSaysChar() {
        // Trino: CAST('ab' AS char(4)) is 'ab  ' of type char(4); char alone is char(1).
        assertThat(g.rows("SELECT CAST('ab' AS char(4)), typeof(CAST('ab' AS char(4))), typeof(CAST('a' AS char))"))
                .containsExactly(List.of("ab  ", "char(4)", "char(1)"));
    }

    @Test
    void resultColumnIsCharWithItsLengthAsPrecision() {
        // Athena's ColumnInfo for a char(4) column: Type char, Precision 4.
        ColumnInfo column = g.query("SELECT CAST('ab' AS char(4)) AS c").columns().get(0);
        assertThat(column.type()).isEqualTo("char");
        assertThat(column.precision()).isEqualTo(4);
    }

    @Test
    void explicitCastTruncatesALongerValue() {
        // Trino's varchar-to-char cast cuts the value to n characters rather than failing.
        assertThat(g.rows("SELECT CAST('abcdef' AS char(3)), TRY_CAST('abcdef' AS char(3))"))
                .containsExactly(List.of("abc", "abc"));
    }

    @Test
    void comparisonIgnoresTrailingSpaces() {
        // Trino CharOperators: char values compare as if padded, so char(4) 'ab' equals char(3) 'ab '.
        assertThat(g.rows("SELECT CAST('ab' AS char(4)) = CAST('ab ' AS char(3)),"
                + " CAST('ab' AS char(4)) < CAST('abc' AS char(3)),"
                + " CAST('ab' AS char(4)) IN (CAST('x' AS char(2)), CAST('ab' AS char(2)))"))
                .containsExactly(List.of("true", "true", "true"));
    }

    @Test
    void valuesEqualUnderPaddingGroupTogether() {
        // GROUP BY and DISTINCT on char: 'a' and 'a  ' are the same char(3) value.
        assertThat(g.rows("SELECT c, count(*) FROM (VALUES CAST('a' AS char(3)), CAST('a  ' AS char(3)),"
                + " CAST('b' AS char(3))) AS t(c) GROUP BY c ORDER BY c"))
                .containsExactly(List.of("a  ", "2"), List.of("b  ", "1"));
        assertThat(g.rows("SELECT DISTINCT c FROM (VALUES CAST('x ' AS char(2)), CAST('x' AS char(2))) AS t(c)"))
                .containsExactly(List.of("x "));
    }

    @Test
    void joinOnCharKeysMatchesAcrossLengths() {
        // Trino coerces char(2) and char(4) to char(4) to compare; padding does not matter.
        assertThat(g.rows("SELECT l.k, r.v FROM (VALUES CAST('ab' AS char(2))) AS l(k)"
                + " JOIN (VALUES (CAST('ab' AS char(4)), 1)) AS r(k, v) ON l.k = r.k"))
                .containsExactly(List.of("ab", "1"));
    }

    @Test
    void castToVarcharPadsToTheLength() {
        // Trino 368's char-to-varchar cast pads the value to n (Chars.padSpaces), to the varchar's length if shorter.
        assertThat(g.rows("SELECT CAST(CAST('ab' AS char(4)) AS varchar),"
                + " length(CAST(CAST('ab' AS char(4)) AS varchar)), CAST(CAST('abc' AS char(5)) AS varchar(2)),"
                + " length(CAST(c AS varchar)) FROM (VALUES CAST('x' AS char(3))) AS t(c)"))
                .containsExactly(List.of("ab  ", "4", "ab", "3"));
    }

    @Test
    void lengthOfACharIsItsDeclaredLength() {
        // Trino's length(char(x)) is x, whatever the padding.
        assertThat(g.rows("SELECT length(CAST('ab' AS char(5))), length(c)"
                + " FROM (VALUES CAST('abc' AS char(3))) AS t(c)"))
                .containsExactly(List.of("5", "3"));
    }
}
