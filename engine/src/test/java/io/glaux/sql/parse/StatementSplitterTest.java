package io.glaux.sql.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        assertThat(StatementSplitter.split("SELECT ';' AS a; SELECT \"x;y\" FROM t;\n-- done; really\n"))
                .containsExactly("SELECT ';' AS a", "SELECT \"x;y\" FROM t");
    }

    @Test
    void keepsCommentsAndHiveEscapesInsideStatements() {
        assertThat(StatementSplitter.split("/* a; b */ CREATE TABLE t (a int) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY '\\;' LOCATION 's3://b/t/'; DROP TABLE t"))
                .containsExactly("/* a; b */ CREATE TABLE t (a int) ROW FORMAT DELIMITED FIELDS TERMINATED BY"
                        + " '\\;' LOCATION 's3://b/t/'", "DROP TABLE t");
    }

    @Test
    void dropsBlankAndCommentOnlyStatements() {
        assertThat(StatementSplitter.split(" ; -- nothing\n ;; SELECT 1")).containsExactly("SELECT 1");
    }
}
