package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrayFunctionsTest {

    @Test
    void cardinalityOfArraysAndMaps() {
        assertThat(value("SELECT cardinality(ARRAY[1, 2, 3])")).isEqualTo(3L);
        assertThat(column("SELECT cardinality(tags) FROM t ORDER BY id")).containsExactly(3L, 0L, null);
        assertThat(column("SELECT cardinality(m) FROM t ORDER BY id")).containsExactly(2L, 0L, null);
        assertThat(type("SELECT cardinality(ARRAY[1])")).isEqualTo("BIGINT NOT NULL");
    }

    @Test
    void elementAtIsOneBasedNegativeFromTheEndAndNullOutside() {
        assertThat(value("SELECT element_at(ARRAY['a', 'b', 'c'], 1)")).isEqualTo("a");
        assertThat(value("SELECT element_at(ARRAY['a', 'b', 'c'], -1)")).isEqualTo("c");
        assertThat(value("SELECT element_at(ARRAY['a', 'b', 'c'], 4)")).isNull();
        assertThat(value("SELECT element_at(ARRAY['a', 'b', 'c'], -4)")).isNull();
        assertThat(column("SELECT element_at(nums, 2) FROM t ORDER BY id")).containsExactly(2, null, null);
        assertThat(type("SELECT element_at(ARRAY[1, 2], 1)")).isEqualTo("INTEGER");
    }

    @Test
    void elementAtZeroIsAnError() {
        assertThatThrownBy(() -> value("SELECT element_at(ARRAY[1], 0)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("SQL array indices start at 1");
    }

    @Test
    void elementAtOfMapIsTheValueOrNull() {
        assertThat(column("SELECT element_at(m, 'b') FROM t ORDER BY id")).containsExactly(2, null, null);
        assertThat(value("SELECT element_at(MAP['k', 10], 'k')")).isEqualTo(10);
        assertThat(value("SELECT element_at(MAP[1, 'one'], CAST(1 AS BIGINT))")).isEqualTo("one");
        assertThat(value("SELECT element_at(MAP['k', 10], 'x')")).isNull();
    }

    @Test
    void containsIsNullWhenNotFoundAmongNulls() {
        assertThat(value("SELECT contains(ARRAY[1, 2, 3], 2)")).isEqualTo(true);
        assertThat(value("SELECT contains(ARRAY[1, 2, 3], 5)")).isEqualTo(false);
        assertThat(value("SELECT contains(ARRAY[1, NULL], 5)")).isNull();
        assertThat(value("SELECT contains(ARRAY[1, NULL], 1)")).isEqualTo(true);
        assertThat(value("SELECT contains(ARRAY[1, 2], CAST(2 AS BIGINT))")).isEqualTo(true);
        assertThat(column("SELECT contains(tags, 'b') FROM t ORDER BY id")).containsExactly(true, false, null);
        assertThat(column("SELECT contains(nums, 3) FROM t ORDER BY id")).containsExactly(true, null, null);
    }

    @Test
    void arrayJoinSkipsOrReplacesNullsAndPrintsValuesAsVarchar() {
        assertThat(value("SELECT array_join(ARRAY[1, NULL, 3], ', ')")).isEqualTo("1, 3");
        assertThat(value("SELECT array_join(ARRAY[1, NULL, 3], ', ', 'n/a')")).isEqualTo("1, n/a, 3");
        assertThat(value("SELECT array_join(ARRAY[DATE '2024-01-02', DATE '2024-03-04'], '|')"))
                .isEqualTo("2024-01-02|2024-03-04");
        assertThat(value("SELECT array_join(ARRAY[TIMESTAMP '2024-01-02 03:04:05.600'], '|')"))
                .isEqualTo("2024-01-02 03:04:05.600");
        assertThat(column("SELECT array_join(tags, '-') FROM t ORDER BY id")).containsExactly("a-b-c", "", null);
    }

    @Test
    void arrayPositionDistinctAndReverse() {
        assertThat(value("SELECT array_position(ARRAY['a', 'b', 'a'], 'a')")).isEqualTo(1L);
        assertThat(value("SELECT array_position(ARRAY['a', 'b'], 'z')")).isEqualTo(0L);
        assertThat(value("SELECT array_distinct(ARRAY[1, 2, 1, 3, 2])")).isEqualTo(List.of(1, 2, 3));
        assertThat(value("SELECT reverse(ARRAY[1, 2, 3])")).isEqualTo(List.of(3, 2, 1));
    }
}
