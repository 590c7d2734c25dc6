package io.glaux.sql.function;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.rows;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate seam: a Glaux aggregate in every place Calcite plans an aggregate. Uses bool_and / bool_or. */
class GlauxAggregateTest {

    @Test
    void aggregatesWholeInputWithoutGroupBy() {
        assertThat(value("SELECT bool_and(flag) FROM t")).isEqualTo(false);
        assertThat(value("SELECT bool_or(flag) FROM t")).isEqualTo(true);
        assertThat(type("SELECT bool_and(flag) FROM t")).isEqualTo("BOOLEAN");
    }

    @Test
    void answersNullOverNoRows() {
        assertThat(value("SELECT bool_and(flag) FROM t WHERE id > 10")).isNull();
        assertThat(rows("SELECT bool_and(flag), count(*) FROM t WHERE id > 10"))
                .containsExactly(Arrays.asList(null, 0L));
    }

    @Test
    void aggregatesEachGroup() {
        assertThat(rows("SELECT id > 1, bool_or(flag) FROM t GROUP BY id > 1 ORDER BY 1"))
                .containsExactly(List.of(false, true), List.of(true, false));
    }

    @Test
    void runsAsWindowFunctionOverPartitions() {
        assertThat(column("SELECT bool_or(flag) OVER (PARTITION BY id > 1) FROM t ORDER BY id"))
                .containsExactly(true, false, false);
        assertThat(column("SELECT bool_and(flag) OVER (ORDER BY id) FROM t ORDER BY id"))
                .containsExactly(true, false, false);
    }

    @Test
    void acceptsDistinctAndFilter() {
        assertThat(value("SELECT bool_or(DISTINCT flag) FROM t")).isEqualTo(true);
        assertThat(value("SELECT bool_and(flag) FILTER (WHERE id = 1) FROM t")).isEqualTo(true);
    }

    @Test
    void refusesOperandsNoSignatureAccepts() {
        assertThatThrownBy(() -> value("SELECT bool_and(id) FROM t"))
                .hasStackTraceContaining("Cannot apply 'bool_and'");
    }
}
