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

    @Test
    void quotedSemicolonsOfEveryKindStayInsideTheirStatement() {
        String script = """
                -- leading comment; not a statement
                SELECT 'a;b', "c;d", `e;f` FROM t; /* block; comment */ SELECT 1
                ;
                SELECT 'it''s; fine', 'back\\\\'; SELECT 'esc\\'; still' ;;
                SELECT 2 -- trailing; comment
                """;
        assertThat(StatementSplitter.split(script)).containsExactly(
                "-- leading comment; not a statement\nSELECT 'a;b', \"c;d\", `e;f` FROM t",
                "/* block; comment */ SELECT 1",
                "SELECT 'it''s; fine', 'back\\\\'",
                "SELECT 'esc\\'; still'",
                "SELECT 2 -- trailing; comment");
    }

    @Test
    void leadingCommentsCanBeStripped() {
        assertThat(StatementSplitter.stripLeadingComments("-- a\n/* b */\n  SELECT 1 -- c")).isEqualTo("SELECT 1 -- c");
        assertThat(StatementSplitter.stripLeadingComments("-- only")).isEmpty();
    }
}
