package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.rows;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The array functions without lambdas that build, cut or combine arrays. */
class ArrayCollectionFunctionsTest {

    @Test
    void arraySortPutsNullsLast() {
        assertThat(value("SELECT array_sort(ARRAY[3, NULL, 1, 2])")).isEqualTo(Arrays.asList(1, 2, 3, null));
        assertThat(value("SELECT array_sort(ARRAY['b', 'c', 'a'])")).isEqualTo(List.of("a", "b", "c"));
        assertThat(column("SELECT array_sort(nums) FROM t ORDER BY id"))
                .containsExactly(List.of(1, 2, 3), Arrays.asList(10, null), null);
    }

    @Test
    void sliceFromAOneBasedOrNegativeStart() {
        assertThat(value("SELECT slice(ARRAY[1, 2, 3, 4], 2, 2)")).isEqualTo(List.of(2, 3));
        assertThat(value("SELECT slice(ARRAY[1, 2, 3, 4], -3, 5)")).isEqualTo(List.of(2, 3, 4));
        assertThat(value("SELECT slice(ARRAY[1, 2, 3, 4], 5, 1)")).isEqualTo(List.of());
        assertThatThrownBy(() -> value("SELECT slice(ARRAY[1], 0, 1)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("SQL array indices start at 1");
        assertThatThrownBy(() -> value("SELECT slice(ARRAY[1], 1, -1)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("length must be greater than or equal to 0");
    }

    @Test
    void flattenSkipsNullArrays() {
        assertThat(value("SELECT flatten(ARRAY[ARRAY[1, 2], ARRAY[3], NULL])")).isEqualTo(List.of(1, 2, 3));
        assertThat(type("SELECT flatten(ARRAY[ARRAY[1, 2], ARRAY[3]])")).isEqualTo("INTEGER NOT NULL ARRAY NOT NULL");
    }

    @Test
    void setOperationsKeepFirstAppearanceOrderWithoutDuplicates() {
        assertThat(value("SELECT array_intersect(ARRAY[1, 2, 3, 3], ARRAY[3, 2, 4])")).isEqualTo(List.of(2, 3));
        assertThat(value("SELECT array_union(ARRAY[1, 2, 3], ARRAY[2, 3, 4, 4])")).isEqualTo(List.of(1, 2, 3, 4));
        assertThat(value("SELECT array_except(ARRAY[1, 2, 3, 1], ARRAY[2, 4])")).isEqualTo(List.of(1, 3));
        assertThat(value("SELECT array_union(ARRAY[1, NULL], ARRAY[NULL, 2])")).isEqualTo(Arrays.asList(1, null, 2));
        assertThat(column("SELECT array_except(tags, ARRAY['a']) FROM t ORDER BY id"))
                .containsExactly(List.of("b", "c"), List.of(), null);
    }

    @Test
    void arrayMaxAndMinAreNullWhenAnElementIsNull() {
        assertThat(value("SELECT array_max(ARRAY[1, 7, 3])")).isEqualTo(7);
        assertThat(value("SELECT array_max(ARRAY[1, NULL, 3])")).isNull();
        assertThat(value("SELECT array_min(ARRAY['b', 'a', 'c'])")).isEqualTo("a");
        assertThat(column("SELECT array_min(tags) FROM t ORDER BY id")).containsExactly("a", null, null);
    }

    @Test
    void arrayRemoveDropsEqualElements() {
        assertThat(value("SELECT array_remove(ARRAY[1, 2, 1, 3], 1)")).isEqualTo(List.of(2, 3));
        assertThat(value("SELECT array_remove(ARRAY[1, NULL, 3], 1)")).isEqualTo(Arrays.asList(null, 3));
        assertThat(value("SELECT array_remove(ARRAY[1, 2], CAST(NULL AS INTEGER))")).isNull();
    }

    @Test
    void arraysOverlapIsNullWhenOnlyNullsCouldMatch() {
        assertThat(value("SELECT arrays_overlap(ARRAY[1, 2], ARRAY[2, 3])")).isEqualTo(true);
        assertThat(value("SELECT arrays_overlap(ARRAY[1, 2], ARRAY[3, 4])")).isEqualTo(false);
        assertThat(value("SELECT arrays_overlap(ARRAY[1, NULL], ARRAY[3, 4])")).isNull();
        assertThat(value("SELECT arrays_overlap(ARRAY[1, NULL], ARRAY[1, 4])")).isEqualTo(true);
    }

    @Test
    void repeatMakesAnArrayAndChecksTheCount() {
        assertThat(value("SELECT repeat('a', 3)")).isEqualTo(List.of("a", "a", "a"));
        assertThat(value("SELECT repeat(ARRAY[1], 2)")).isEqualTo(List.of(List.of(1), List.of(1)));
        assertThat(value("SELECT repeat(CAST(NULL AS INTEGER), 2)")).isEqualTo(Arrays.asList(null, null));
        assertThatThrownBy(() -> value("SELECT repeat('a', -1)")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("count argument of repeat function must be greater than or equal to 0");
        assertThatThrownBy(() -> value("SELECT repeat('a', 10001)")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("must be less than or equal to 10000");
    }

    @Test
    void combinationsAndNgrams() {
        assertThat(value("SELECT combinations(ARRAY['foo', 'bar', 'baz'], 2)"))
                .isEqualTo(List.of(List.of("foo", "bar"), List.of("foo", "baz"), List.of("bar", "baz")));
        assertThat(value("SELECT combinations(ARRAY[1, 2, 2], 2)"))
                .isEqualTo(List.of(List.of(1, 2), List.of(1, 2), List.of(2, 2)));
        assertThat(value("SELECT combinations(ARRAY[1, 2], 3)")).isEqualTo(List.of());
        assertThatThrownBy(() -> value("SELECT combinations(ARRAY[1], 6)")).isInstanceOf(GlauxException.class);
        assertThat(value("SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2)"))
                .isEqualTo(List.of(List.of("foo", "bar"), List.of("bar", "baz"), List.of("baz", "foo")));
        assertThat(value("SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 5)"))
                .isEqualTo(List.of(List.of("foo", "bar", "baz", "foo")));
        assertThatThrownBy(() -> value("SELECT ngrams(ARRAY[1], 0)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("N must be positive");
    }

    @Test
    void zipPadsWithNullsIntoRows() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) value("SELECT zip(ARRAY[1, 2], ARRAY['1b', NULL, '3b'])");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly(1, "1b");
        assertThat(rows.get(1)).containsExactly(2, null);
        assertThat(rows.get(2)).containsExactly(null, "3b");
    }

    @Test
    void shuffleKeepsTheElements() {
        @SuppressWarnings("unchecked")
        List<Object> shuffled = (List<Object>) value("SELECT shuffle(ARRAY[1, 2, 3, 4])");
        assertThat(shuffled).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void sequenceOfIntegers() {
        assertThat(value("SELECT sequence(1, 5)")).isEqualTo(List.of(1L, 2L, 3L, 4L, 5L));
        assertThat(value("SELECT sequence(5, 1)")).isEqualTo(List.of(5L, 4L, 3L, 2L, 1L));
        assertThat(value("SELECT sequence(-1, 10, 3)")).isEqualTo(List.of(-1L, 2L, 5L, 8L));
        assertThat(type("SELECT sequence(1, 5)")).isEqualTo("BIGINT NOT NULL ARRAY NOT NULL");
    }

    @Test
    void sequenceOfDatesAndTimestamps() {
        assertThat(value("SELECT sequence(DATE '2021-01-01', DATE '2021-01-03')")).isEqualTo(List.of(
                java.time.LocalDate.parse("2021-01-01"), java.time.LocalDate.parse("2021-01-02"),
                java.time.LocalDate.parse("2021-01-03")));
        assertThat(value("SELECT sequence(DATE '2021-01-31', DATE '2021-05-01', INTERVAL '1' MONTH)").toString())
                .isEqualTo("[2021-01-31, 2021-02-28, 2021-03-31, 2021-04-30]");
        assertThat(value("SELECT sequence(TIMESTAMP '2021-01-01 00:00:00', TIMESTAMP '2021-01-01 03:00:00', "
                + "INTERVAL '90' MINUTE)").toString())
                .isEqualTo("[2021-01-01T00:00, 2021-01-01T01:30, 2021-01-01T03:00]");
    }

    @Test
    void sequenceErrors() {
        assertThatThrownBy(() -> value("SELECT sequence(1, 5, 0)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("step must not be zero");
        assertThatThrownBy(() -> value("SELECT sequence(5, 1, 1)")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("sequence stop value should be greater than or equal to start value");
        assertThatThrownBy(() -> value("SELECT sequence(1, 20000)")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("result of sequence function must not have more than 10000 entries");
        assertThatThrownBy(() -> value("SELECT sequence(DATE '2021-01-01', DATE '2021-01-02', INTERVAL '1' HOUR)"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("must be a day interval");
    }

    @Test
    void arrayAggHonoursOrderByInsideTheCall() {
        assertThat(value("SELECT array_agg(x ORDER BY x DESC) FROM (VALUES 3, 1, 2) AS v(x)"))
                .isEqualTo(List.of(3, 2, 1));
    }

    @Test
    void unnestWithOrdinalityNumbersTheElements() {
        assertThat(rows("SELECT id, v, i FROM t CROSS JOIN UNNEST(tags) WITH ORDINALITY AS u(v, i) "
                + "WHERE id = 1 ORDER BY i"))
                .containsExactly(List.of(1, "a", 1), List.of(1, "b", 2), List.of(1, "c", 3));
    }
}
