package io.glaux.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsThatEndStatements() {
        String script = """
                -- leading comment; not a statement
                SELECT 'a;b', "c;d", `e;f` FROM t; /* block; comment */ SELECT 1
                ;
                SELECT 'it''s; fine', 'back\\\\'; SELECT 'esc\\'; still' ;;
                SELECT 2 -- trailing; comment
                """;

        assertThat(SqlScript.split(script)).containsExactly(
                "SELECT 'a;b', \"c;d\", `e;f` FROM t",
                "SELECT 1",
                "SELECT 'it''s; fine', 'back\\\\'",
                "SELECT 'esc\\'; still'",
                "SELECT 2");
    }

    @Test
    void emptyScriptHasNoStatements() {
        assertThat(SqlScript.split(" \n-- only a comment\n;\n")).isEmpty();
    }
}
