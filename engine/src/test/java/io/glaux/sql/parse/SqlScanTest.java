package io.glaux.sql.parse;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class SqlScanTest {

    @Test
    void aDoubledQuoteDoesNotCloseAString() {
        String sql = "'it''s', x";
        assertThat(SqlScan.quotedEnd(sql, 0)).isEqualTo(7);
        assertThat(SqlScan.quotedEnd("'open", 0)).isEqualTo(-1);
        assertThat(SqlScan.quotedEnd("\"a\"\"b\" c", 0)).isEqualTo(6);
    }

    @Test
    void backslashEscapesOnlyWhenAsked() {
        String sql = "'a\\'b' c";
        assertThat(SqlScan.quotedEnd(sql, 0, true)).isEqualTo(6);
        assertThat(SqlScan.quotedEnd(sql, 0, false)).isEqualTo(4);
    }

    @Test
    void commentsEndAtTheirNewlineOrClose() {
        assertThat(SqlScan.commentEnd("-- note\nSELECT", 0)).isEqualTo(7);
        assertThat(SqlScan.commentEnd("/* a */ b", 0)).isEqualTo(7);
        assertThat(SqlScan.commentEnd("/* open", 0)).isEqualTo(7);
        assertThat(SqlScan.commentEnd("a - b", 2)).isEqualTo(2);
    }

    @Test
    void skipStepsOverStringsIdentifiersAndCommentsOnly() {
        assertThat(SqlScan.skip("`a b` c", 0)).isEqualTo(5);
        assertThat(SqlScan.skip("'unclosed", 0)).isEqualTo(9);
        assertThat(SqlScan.skip("abc", 0)).isEqualTo(0);
    }

    @Test
    void splitsAtTopLevelSeparatorsOnly() {
        assertThat(SqlScan.splitTopLevel("a, f(b, c), ARRAY[d, e], 'x, y', /* , */ z", ','))
                .containsExactly("a", " f(b, c)", " ARRAY[d, e]", " 'x, y'", " /* , */ z");
        assertThat(SqlScan.splitTopLevel("", ',')).containsExactly("");
        assertThat(SqlScan.topLevelIndexOf("f(a, b), c", ',', 0, 10)).isEqualTo(7);
        assertThat(SqlScan.topLevelIndexOf("f(a, b)", ',', 0, 7)).isEqualTo(7);
    }

    @Test
    void matchingBracketSkipsQuotedBrackets() {
        String sql = "f(a, ')', [b, (c)]) + 1";
        assertThat(SqlScan.matching(sql, 1)).isEqualTo(18);
        assertThat(SqlScan.matching(sql, 10)).isEqualTo(17);
        assertThat(SqlScan.matching("f(a", 1)).isEqualTo(-1);
        assertThat(SqlScan.matching("(\"x)\")", 0)).isEqualTo(5);
    }
}
