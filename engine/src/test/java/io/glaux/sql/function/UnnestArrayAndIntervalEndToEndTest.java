package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UNNEST's multi-column forms, ARRAY[] widened to other arrays and intervals cast to varchar, through the whole
 * engine.
 */
class UnnestArrayAndIntervalEndToEndTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("n bigint", "1\n");

    @Test
    void unnestWithOrdinalityAndOfAMapGiveOneRowPerElement() {
        assertThat(g.rows("SELECT x, n FROM UNNEST(ARRAY['a', 'b']) WITH ORDINALITY AS t(x, n) ORDER BY n"))
                .containsExactly(List.of("a", "1"), List.of("b", "2"));
        assertThat(g.rows("SELECT k, v FROM UNNEST(MAP(ARRAY['a', 'b'], ARRAY[1, 2])) AS t(k, v) ORDER BY k"))
                .containsExactly(List.of("a", "1"), List.of("b", "2"));
        assertThat(g.rows("SELECT x FROM UNNEST(CAST(NULL AS array(integer))) AS u(x)")).isEmpty();
    }

    @Test
    void emptyArrayWidensToTheOtherElementsType() {
        assertThat(g.rows("SELECT flatten(ARRAY[ARRAY[1, 2], ARRAY[3], ARRAY[]])"))
                .containsExactly(List.of("[1, 2, 3]"));
        assertThat(g.rows("SELECT cardinality(ARRAY[ARRAY[], ARRAY[n]][1]) FROM t")).containsExactly(List.of("0"));
    }

    @Test
    void intervalsCastToVarcharAsTrinoPrintsThem() {
        assertThat(g.rows("SELECT CAST(INTERVAL '3' DAY - INTERVAL '2' HOUR AS varchar),"
                + " CAST(INTERVAL '14' MONTH AS varchar), CAST(parse_duration('42.8ms') AS varchar)"))
                .containsExactly(List.of("2 22:00:00.000", "1-2", "0 00:00:00.043"));
        assertThat(g.rows("SELECT INTERVAL '1' YEAR + INTERVAL '2' MONTH, INTERVAL '-90' MINUTE"))
                .containsExactly(List.of("1-2", "-0 01:30:00.000"));
    }
}
