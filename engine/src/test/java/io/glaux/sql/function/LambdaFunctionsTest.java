package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaFunctionsTest {

    @Test
    void transformAppliesTheLambdaToEachElementAndTypesTheResult() {
        assertThat(value("SELECT transform(ARRAY[5, 6], x -> x + 1)")).isEqualTo(List.of(6, 7));
        assertThat(value("SELECT transform(ARRAY[5, NULL, 6], x -> coalesce(x, 0) + 1)")).isEqualTo(List.of(6, 1, 7));
        assertThat(value("SELECT transform(ARRAY['x', 'abc', 'z'], x -> x || '0')"))
                .isEqualTo(List.of("x0", "abc0", "z0"));
        assertThat(type("SELECT transform(ARRAY[1, 2], x -> x > 1)")).isEqualTo("BOOLEAN ARRAY NOT NULL");
    }

    @Test
    void lambdaParametersTakeTheElementTypeOfColumns() {
        assertThat(column("SELECT transform(tags, x -> length(x)) FROM t ORDER BY id"))
                .containsExactly(List.of(1L, 1L, 1L), List.of(), null);
        assertThat(column("SELECT transform(nums, x -> x * 10) FROM t ORDER BY id"))
                .containsExactly(List.of(10, 20, 30), Arrays.asList(100, null), null);
    }

    @Test
    void aLambdaMayUseAColumnOfTheRow() {
        assertThat(column("SELECT transform(nums, x -> x * n) FROM t ORDER BY id"))
                .containsExactly(List.of(3L, 6L, 9L), Arrays.asList(-20L, null), null);
        assertThat(column("SELECT filter(nums, x -> x < n) FROM t ORDER BY id"))
                .containsExactly(List.of(1, 2), List.of(), null);
        assertThat(column("SELECT any_match(tags, x -> x = s) FROM t ORDER BY id"))
                .containsExactly(false, false, null);
        assertThat(column("SELECT transform(ARRAY[1, 2], x -> coalesce(n, 0) + x) FROM t ORDER BY id"))
                .containsExactly(List.of(4L, 5L), List.of(-1L, 0L), List.of(1L, 2L));
    }

    @Test
    void lambdasNest() {
        assertThat(value("SELECT transform(ARRAY[ARRAY[1, NULL, 2], ARRAY[3, NULL]], a -> filter(a, x -> x IS NOT NULL))"))
                .isEqualTo(List.of(List.of(1, 2), List.of(3)));
    }

    @Test
    void filterKeepsElementsWhereTheLambdaIsTrue() {
        assertThat(value("SELECT filter(ARRAY[5, -6, NULL, 7], x -> x > 0)")).isEqualTo(List.of(5, 7));
        assertThat(value("SELECT filter(ARRAY[5, NULL, 7, NULL], x -> x IS NOT NULL)")).isEqualTo(List.of(5, 7));
        assertThat(column("SELECT filter(tags, x -> x <> 'b') FROM t ORDER BY id"))
                .containsExactly(List.of("a", "c"), List.of(), null);
    }

    @Test
    void reduceFoldsWithTheStateTypeOfTheInitialValue() {
        assertThat(value("SELECT reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s)")).isEqualTo(75);
        assertThat(value("SELECT reduce(ARRAY[5, 20, NULL, 50], 0, (s, x) -> s + x, s -> s)")).isNull();
        assertThat(value("SELECT reduce(ARRAY[5, 20, NULL, 50], 0, (s, x) -> s + coalesce(x, 0), s -> s)"))
                .isEqualTo(75);
        assertThat(value("SELECT reduce(ARRAY[2147483647, 1], CAST(0 AS BIGINT), (s, x) -> s + x, s -> s)"))
                .isEqualTo(2147483648L);
        assertThat(value("SELECT reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s * 10)")).isEqualTo(60);
        assertThat(column("SELECT reduce(nums, 0, (s, x) -> s + coalesce(x, 0), s -> s) FROM t ORDER BY id"))
                .containsExactly(6, 10, null);
    }

    @Test
    void zipWithPadsTheShorterArrayWithNulls() {
        assertThat(value("SELECT zip_with(ARRAY[1, 2], ARRAY[3, 4], (x, y) -> x + y)")).isEqualTo(List.of(4, 6));
        assertThat(value("SELECT zip_with(ARRAY['a', 'b', 'c'], ARRAY['d', 'e', 'f'], (x, y) -> concat(x, y))"))
                .isEqualTo(List.of("ad", "be", "cf"));
        assertThat(value("SELECT zip_with(ARRAY[1, 2, 3], ARRAY[10], (x, y) -> coalesce(y, -x))"))
                .isEqualTo(List.of(10, -2, -3));
    }

    @Test
    void matchFunctionsUseThreeValuedLogic() {
        assertThat(value("SELECT all_match(ARRAY[5, 7, 9], x -> x % 2 = 1)")).isEqualTo(true);
        assertThat(value("SELECT any_match(ARRAY[5, 7, 9], x -> x > 8)")).isEqualTo(true);
        assertThat(value("SELECT none_match(ARRAY[5, 7, 9], x -> x < 0)")).isEqualTo(true);
        assertThat(value("SELECT all_match(ARRAY[5, NULL, 9], x -> x % 2 = 1)")).isNull();
        assertThat(value("SELECT all_match(ARRAY[4, NULL, 9], x -> x % 2 = 1)")).isEqualTo(false);
        assertThat(value("SELECT any_match(ARRAY[5, NULL], x -> x > 8)")).isNull();
        assertThat(value("SELECT any_match(ARRAY[9, NULL], x -> x > 8)")).isEqualTo(true);
        assertThat(value("SELECT none_match(ARRAY[1, NULL], x -> x > 8)")).isNull();
        assertThat(value("SELECT none_match(ARRAY[9, NULL], x -> x > 8)")).isEqualTo(false);
        assertThat(column("SELECT any_match(tags, x -> x = 'c') FROM t ORDER BY id")).containsExactly(true, false, null);
    }

    @Test
    void arraySortWithAComparator() {
        assertThat(value("SELECT array_sort(ARRAY[3, 2, 5, 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))"))
                .isEqualTo(List.of(5, 3, 2, 2, 1));
        assertThat(value("SELECT array_sort(ARRAY['bc', 'ab', 'dc'], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))"))
                .isEqualTo(List.of("dc", "bc", "ab"));
        assertThat(value("SELECT array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[4, 2, 1, 4], ARRAY[1, 2]], (x, y) -> "
                + "IF(cardinality(x) < cardinality(y), -1, IF(cardinality(x) = cardinality(y), 0, 1)))"))
                .isEqualTo(List.of(List.of(1, 2), List.of(2, 3, 1), List.of(4, 2, 1, 4)));
    }

    @Test
    void arraySortComparatorMustAnswerMinusOneZeroOrOne() {
        assertThatThrownBy(() -> value("SELECT array_sort(ARRAY[1, 2], (x, y) -> 5)"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("Lambda comparator must return either -1, 0, or 1");
    }

    @Test
    void mapFilterKeepsEntriesWhereTheLambdaIsTrue() {
        assertThat(value("SELECT map_filter(MAP['k1', 20, 'k2', 3, 'k3', 15], (k, v) -> v > 10)"))
                .isEqualTo(Map.of("k1", 20, "k3", 15));
        assertThat(column("SELECT map_filter(m, (k, v) -> k = 'b') FROM t ORDER BY id"))
                .containsExactly(Map.of("b", 2), Map.of(), null);
    }

    @Test
    void transformKeysAndValues() {
        assertThat(value("SELECT transform_keys(MAP[1, 'a', 2, 'b'], (k, v) -> k + 1)"))
                .isEqualTo(Map.of(2, "a", 3, "b"));
        assertThat(value("SELECT transform_keys(MAP['a', 1, 'b', 2], (k, v) -> v * v)")).isEqualTo(Map.of(1, 1, 4, 2));
        assertThat(value("SELECT transform_values(MAP[1, 10, 2, 20], (k, v) -> v + k)")).isEqualTo(Map.of(1, 11, 2, 22));
        assertThat(value("SELECT transform_values(MAP['a', 1, 'b', 2], (k, v) -> k || CAST(v AS VARCHAR))"))
                .isEqualTo(Map.of("a", "a1", "b", "b2"));
    }

    @Test
    void transformKeysRefusesDuplicateAndNullKeys() {
        assertThatThrownBy(() -> value("SELECT transform_keys(MAP[1, 'a', 2, 'b'], (k, v) -> 0)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Duplicate keys (0) are not allowed");
        assertThatThrownBy(() -> value("SELECT transform_keys(MAP[1, 'a'], (k, v) -> CAST(NULL AS INTEGER))"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("map key cannot be null");
    }

    @Test
    void aLambdaWithTheWrongNumberOfParametersIsRefused() {
        assertThatThrownBy(() -> value("SELECT transform(ARRAY[1], (x, y) -> x)"))
                .hasMessageContaining("transform");
    }
}
