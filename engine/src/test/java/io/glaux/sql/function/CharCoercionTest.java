package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino 368's TypeCoercion for char(n): the common super type of char(x) and char(y) is char(max(x, y)); a varchar
 * coerces to char (varchar(n) to char(n), unbounded varchar to char(65536)), never the other way.
 */
class CharCoercionTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, c char(4), v varchar(6)", "1,ab,xy  \n");

    @Test
    void unionOfCharsIsCharOfTheLongerLength() {
        // getCommonSuperTypeForChar: char(2) UNION char(4) is char(4); values show padded to 4.
        assertThat(g.rows("SELECT typeof(x), x FROM (SELECT CAST('a' AS char(2)) AS x"
                + " UNION ALL SELECT CAST('bcd' AS char(4))) ORDER BY x"))
                .containsExactly(List.of("char(4)", "a   "), List.of("char(4)", "bcd "));
    }

    @Test
    void coalesceAndCaseOfCharsAreCharOfTheLongerLength() {
        assertThat(g.rows("SELECT typeof(coalesce(CAST('a' AS char(2)), CAST('bcd' AS char(4)))),"
                + " coalesce(CAST(NULL AS char(2)), CAST('bcd' AS char(4))),"
                + " typeof(CASE WHEN id = 1 THEN CAST('a' AS char(3)) ELSE CAST('b' AS char(1)) END) FROM t"))
                .containsExactly(List.of("char(4)", "bcd ", "char(3)"));
    }

    @Test
    void charWithVarcharIsChar() {
        // A varchar(n) coerces to char(n): char(2) with a varchar(5) literal is char(5), char(4) with varchar(6) is
        // char(6); the varchar's trailing spaces do not count.
        assertThat(g.rows("SELECT typeof(x), x FROM (SELECT CAST('a' AS char(2)) AS x UNION ALL SELECT 'bcd  ')"
                + " ORDER BY x")).containsExactly(List.of("char(5)", "a    "), List.of("char(5)", "bcd  "));
        assertThat(g.rows("SELECT typeof(coalesce(c, v)), coalesce(c, v), typeof(coalesce(v, c)), coalesce(v, c),"
                + " typeof(CASE WHEN id = 1 THEN 'xy ' ELSE c END) FROM t"))
                .containsExactly(List.of("char(6)", "ab    ", "char(6)", "xy    ", "char(4)"));
    }

    @Test
    void charWithUnboundedVarcharIsChar65536() {
        assertThat(g.rows("SELECT typeof(coalesce(c, CAST('z' AS varchar))) FROM t"))
                .containsExactly(List.of("char(65536)"));
    }

    @Test
    void comparingWithAVarcharComparesAsChar() {
        // The varchar literal is coerced to char, so its trailing spaces do not count: 'ab' = 'ab ' as chars.
        assertThat(g.rows("SELECT c = 'ab', c = 'ab ', c = 'ab     ', c IN ('ab  ', 'zz'), c < 'ab ', c > 'a',"
                + " v = c FROM t")).containsExactly(List.of("true", "true", "true", "true", "false", "true",
                "false"));
    }
}
