package io.glaux.sql.schema;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Hive table column declared char(n) reads as Trino's char(n), with its padding semantics. */
class CharColumnTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id int, c char(4)", "1,ab\n2,ab  \n3,abcdef\n");

    @Test
    void valuesAreCutToTheLengthAndShownPadded() {
        // Trino's Hive connector: a char(4) value is cut to 4 characters and shows padded to 4.
        assertThat(g.rows("SELECT id, c, typeof(c) FROM t ORDER BY id")).containsExactly(
                List.of("1", "ab  ", "char(4)"), List.of("2", "ab  ", "char(4)"), List.of("3", "abcd", "char(4)"));
    }

    @Test
    void valuesEqualUnderPaddingGroupTogether() {
        // 'ab' and 'ab  ' are the same char(4) value.
        assertThat(g.rows("SELECT c, count(*) FROM t GROUP BY c ORDER BY c"))
                .containsExactly(List.of("ab  ", "2"), List.of("abcd", "1"));
    }

    @Test
    void describeAndCtasKeepCharN() {
        // DESCRIBE spells the column char(4); CTAS of a char column keeps char(4) in the catalog.
        assertThat(g.rows("DESCRIBE t")).anySatisfy(row -> assertThat(row.get(0)).contains("char(4)"));
        g.query("CREATE TABLE copy AS SELECT c FROM t");
        assertThat(g.rows("DESCRIBE copy")).anySatisfy(row -> assertThat(row.get(0)).contains("char(4)"));
        assertThat(g.rows("SELECT c FROM copy WHERE c = CAST('ab' AS char(2))"))
                .containsExactly(List.of("ab  "), List.of("ab  "));
    }
}
