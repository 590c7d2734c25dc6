package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trino 368's operations on char(n): ||, LIKE, and the string functions that have a char version. */
class CharOperationsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, c char(4)", "1,ab\n2,abcd\n");

    @Test
    void concatenatingCharsIsCharOfTheSummedLength() {
        // StringFunctions.concat(char(x), char(y)): char(x + y), the left value padded to x, then the right value.
        assertThat(g.rows("SELECT typeof(CAST('a' AS char(3)) || CAST('b' AS char(2))),"
                + " CAST('a' AS char(3)) || CAST('b' AS char(2)),"
                + " CAST('a' AS char(3)) || CAST('b' AS char(2)) = CAST('a  b' AS char(4))"))
                .containsExactly(List.of("char(5)", "a  b ", "true"));
    }

    @Test
    void concatenatingACharAndAVarcharCoercesTheVarcharToChar() {
        // A varchar(n) operand coerces to char(n): c || 'x' is char(5), 'xy' || c is char(6).
        assertThat(g.rows("SELECT typeof(c || 'x'), c || 'x', typeof('xy' || c), 'xy' || c, c || c FROM t"
                + " ORDER BY id")).containsExactly(
                List.of("char(5)", "ab  x", "char(6)", "xyab  ", "ab  ab  "),
                List.of("char(5)", "abcdx", "char(6)", "xyabcd", "abcdabcd"));
        // An empty right operand gives the left value: char(3) 'a'.
        assertThat(g.rows("SELECT CAST('a' AS char(3)) || '', typeof(CAST('a' AS char(3)) || '')"))
                .containsExactly(List.of("a  ", "char(3)"));
    }

    @Test
    void likeMatchesTheValuePaddedToItsLength() {
        // LikeFunctions.likeChar pads the value to x before matching: 'ab' as char(4) is 'ab  '.
        assertThat(g.rows("SELECT c LIKE 'ab', c LIKE 'ab%', c LIKE 'ab  ', c LIKE '%b', c NOT LIKE 'ab',"
                + " c LIKE 'a_  ' FROM t ORDER BY id")).containsExactly(
                List.of("false", "true", "true", "false", "true", "true"),
                List.of("false", "true", "false", "false", "true", "false"));
    }

    @Test
    void trimFunctionsKeepChar() {
        // trim, ltrim, rtrim of char(x) are char(x) (StringFunctions.charTrim, charLeftTrim, charRightTrim).
        assertThat(g.rows("SELECT typeof(trim(CAST(' x ' AS char(4)))), trim(CAST(' x ' AS char(4))),"
                + " typeof(ltrim(CAST('  a' AS char(4)))), ltrim(CAST('  a' AS char(4))),"
                + " typeof(rtrim(CAST('a' AS char(4)))), rtrim(CAST('ab' AS char(4)), 'b') = CAST('a' AS char(1)),"
                + " typeof(trim('  v  '))"))
                .containsExactly(List.of("char(4)", "x   ", "char(4)", "a   ", "char(4)", "true", "varchar"));
    }

    @Test
    void substrLowerAndUpperKeepChar() {
        // substr, lower and upper of char(x) are char(x); substr(c, start, length) drops trailing spaces
        // (StringFunctions.charSubstr), so 'a ' from 'a b' equals char 'a'.
        assertThat(g.rows("SELECT typeof(substr(c, 2)), substr(c, 2), upper(c), typeof(lower(c)),"
                + " substr(CAST('a b' AS char(4)), 1, 2) = CAST('a' AS char(1)) FROM t ORDER BY id"))
                .containsExactly(List.of("char(4)", "b   ", "AB  ", "char(4)", "true"),
                        List.of("char(4)", "bcd ", "ABCD", "char(4)", "true"));
    }
}
