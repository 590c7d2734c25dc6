package io.glaux.sql.schema;

import io.glaux.results.ColumnInfo;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Hive table column declared char(n) reads as Trino's char(n) (Trino's Hive connector maps Hive's CHAR(n) to
 * char(n)): values cut to n and held without trailing spaces, shown padded to n, compared with pad semantics.
 */
class CharColumnTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, c char(4)", "1,ab\n2,ab  \n3,abcdef\n4,\n");

    @Test
    void valuesAreCutToTheLengthAndShownPadded() {
        // Trino's Hive connector: a char(4) value is cut to 4 characters and shows padded to 4; typeof says char(4).
        assertThat(g.rows("SELECT id, c, typeof(c) FROM t WHERE id < 4 ORDER BY id")).containsExactly(
                List.of("1", "ab  ", "char(4)"), List.of("2", "ab  ", "char(4)"), List.of("3", "abcd", "char(4)"));
    }

    @Test
    void resultColumnIsChar() {
        // Athena's ColumnInfo for a char(4) column: Type char, Precision 4.
        ColumnInfo column = g.query("SELECT c FROM t").columns().get(0);
        assertThat(column.type()).isEqualTo("char");
        assertThat(column.precision()).isEqualTo(4);
    }

    @Test
    void valuesEqualUnderPaddingGroupTogether() {
        // Trino's char comparison ignores trailing spaces: 'ab' and 'ab  ' are one char(4) value.
        assertThat(g.rows("SELECT c, count(*) FROM t WHERE id < 4 GROUP BY c ORDER BY c"))
                .containsExactly(List.of("ab  ", "2"), List.of("abcd", "1"));
        assertThat(g.rows("SELECT id FROM t WHERE c = CAST('ab' AS char(2)) ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void describeAndShowCreateTableSpellCharN() {
        assertThat(g.rows("DESCRIBE t")).anySatisfy(row -> assertThat(row.get(0)).contains("char(4)"));
        assertThat(g.rows("SHOW CREATE TABLE t")).anySatisfy(row -> assertThat(row.get(0)).contains("char(4)"));
    }

    @Test
    void ctasOfACharColumnOrExpressionKeepsCharN() {
        // Trino's CTAS keeps the query's column types: char(4) from the column, char(3) from a cast.
        g.query("CREATE TABLE copy AS SELECT id, c, CAST('x' AS char(3)) AS x FROM t");
        assertThat(g.rows("SELECT c, typeof(c), x, typeof(x) FROM copy WHERE id = 1"))
                .containsExactly(List.of("ab  ", "char(4)", "x  ", "char(3)"));
        assertThat(g.rows("SELECT id FROM copy WHERE c = CAST('ab' AS char(2)) ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
    }
}
