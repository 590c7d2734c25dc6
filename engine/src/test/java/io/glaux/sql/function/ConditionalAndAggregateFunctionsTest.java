package io.glaux.sql.function;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.rows;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionalAndAggregateFunctionsTest {

    @Test
    void ifChoosesABranchAndDefaultsToNull() {
        assertThat(value("SELECT if(1 < 2, 'yes', 'no')")).isEqualTo("yes");
        assertThat(value("SELECT if(1 > 2, 'yes')")).isNull();
        assertThat(column("SELECT if(flag, 'on', 'off') FROM t ORDER BY id")).containsExactly("on", "off", "off");
        assertThat(type("SELECT if(1 < 2, 'yes', 'no')")).isEqualTo("VARCHAR(3) NOT NULL");
    }

    @Test
    void coalesceAndNullifAreCalcites() {
        assertThat(value("SELECT coalesce(NULL, 2, 3)")).isEqualTo(2);
        assertThat(column("SELECT coalesce(s, 'none') FROM t ORDER BY id"))
                .containsExactly("apple,banana", "x", "none");
        assertThat(value("SELECT nullif(1, 1)")).isNull();
        assertThat(value("SELECT nullif(1, 2)")).isEqualTo(1);
    }

    @Test
    void greatestAndLeastAreNullWhenAnyArgumentIsNull() {
        assertThat(value("SELECT greatest(1, 5, 3)")).isEqualTo(5);
        assertThat(value("SELECT least(1, 5, 3)")).isEqualTo(1);
        assertThat(value("SELECT greatest(1, NULL, 3)")).isNull();
        assertThat(value("SELECT greatest('apple', 'pear')")).isEqualTo("pear");
        assertThat(value("SELECT least(DATE '2024-01-02', DATE '2023-05-06')")).isEqualTo(LocalDate.parse("2023-05-06"));
        assertThat(value("SELECT greatest(1.5, 2)").toString()).isEqualTo("2.0");
        assertThat(column("SELECT greatest(n, 0) FROM t ORDER BY id")).containsExactly(3L, 0L, null);
    }

    @Test
    void countIfCountsTrueRowsAndIsZeroOverNoRows() {
        assertThat(value("SELECT count_if(flag) FROM t")).isEqualTo(1L);
        assertThat(value("SELECT count_if(n > -5) FROM t")).isEqualTo(2L);
        assertThat(value("SELECT count_if(flag) FROM t WHERE id > 10")).isEqualTo(0L);
        assertThat(rows("SELECT id > 1, count_if(x > 0) FROM t GROUP BY id > 1 ORDER BY 1"))
                .containsExactly(List.of(false, 1L), List.of(true, 0L));
    }

    @Test
    void approxDistinctCountsDistinctNonNullValues() {
        assertThat(value("SELECT approx_distinct(s) FROM t")).isEqualTo(2L);
        assertThat(value("SELECT approx_distinct(id % 2, 0.01) FROM t")).isEqualTo(2L);
        assertThat(value("SELECT approx_distinct(s) FROM t WHERE id > 10")).isEqualTo(0L);
        assertThat(type("SELECT approx_distinct(s) FROM t")).isEqualTo("BIGINT NOT NULL");
    }

    @Test
    void arbitraryReturnsANonNullValueOfTheGroup() {
        assertThat(value("SELECT arbitrary(s) FROM t")).isIn("apple,banana", "x");
        assertThat(value("SELECT arbitrary(s) FROM t WHERE id = 3")).isNull();
    }

    @Test
    void countIfWorksAsAWindowFunction() {
        assertThat(column("SELECT count_if(flag) OVER (ORDER BY id) FROM t ORDER BY id"))
                .containsExactly(1L, 1L, 1L);
    }
}
