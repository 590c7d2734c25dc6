package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trino's {@code ||}: strings, varbinary, arrays, and an array with an element on either side. */
class ConcatOperatorTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void anElementIsAppendedOrPrepended() {
        // Trino's documented examples: ARRAY[1] || 2 is [1, 2]; 2 || ARRAY[1] is [2, 1].
        assertThat(g.rows("SELECT ARRAY[1] || 2, 2 || ARRAY[1], ARRAY['a'] || 'b', typeof(ARRAY[1, 2] || 3),"
                + " ARRAY[1.5] || 2"))
                .containsExactly(List.of("[1, 2]", "[2, 1]", "[a, b]", "array(integer)", "[1.5, 2.0]"));
    }

    @Test
    void aNullElementMakesTheResultNull() {
        assertThat(g.rows("SELECT a || x FROM (VALUES (ARRAY[1], 2), (ARRAY[3], NULL)) t(a, x)"))
                .containsExactly(List.of("[1, 2]"), Arrays.asList((String) null));
    }

    @Test
    void anArrayOfArraysTakesAnArrayAsItsElement() {
        assertThat(g.rows("SELECT ARRAY[ARRAY[1]] || ARRAY[2], ARRAY[1] || ARRAY[ARRAY[2]],"
                + " ARRAY[ARRAY[1]] || CAST(NULL AS array(integer))"))
                .containsExactly(Arrays.asList("[[1], [2]]", "[[1], [2]]", null));
    }

    @Test
    void stringsBinariesAndTwoArraysConcatenateAsBefore() {
        assertThat(g.rows("SELECT 'a' || 'b', typeof('a' || 'bc'), X'01' || X'02', ARRAY[1] || ARRAY[2, 3]"))
                .containsExactly(List.of("ab", "varchar(3)", "01 02", "[1, 2, 3]"));
    }

    @Test
    void anElementOfAnotherTypeIsRefused() {
        assertThat(g.run("SELECT 'a' || ARRAY[1]").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: line 1:8: Cannot apply '||' to arguments of type");
    }
}
