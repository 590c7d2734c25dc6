package io.glaux.sql.function;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambdas over ARRAY[] and row parameters, and array concatenation, through the whole engine (the planner's rewrites
 * of lambda parameters included), with Trino's documented examples.
 */
class LambdaAndArrayConcatEndToEndTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("n bigint", "1\n");

    private static final List<String> NULL = java.util.Collections.singletonList(null);

    @Test
    void lambdasOverAnEmptyArrayAnswerEmptyOrTheInitialState() {
        assertThat(g.rows("SELECT transform(ARRAY[], x -> x + 1)")).containsExactly(List.of("[]"));
        assertThat(g.rows("SELECT reduce(ARRAY[], 0, (s, x) -> s + x, s -> s)")).containsExactly(List.of("0"));
        assertThat(g.rows("SELECT transform_keys(MAP(ARRAY[], ARRAY[]), (k, v) -> k + 1)"))
                .containsExactly(List.of("{}"));
        assertThat(g.rows("SELECT transform(ARRAY[NULL], x -> x + 1)")).containsExactly(List.of("[null]"));
    }

    @Test
    void reduceKeepsARowStateReadByFieldName() {
        assertThat(g.rows("SELECT reduce(ARRAY[5, 6, 10, 20], CAST(ROW(0.0, 0) AS ROW(sum DOUBLE, count INTEGER)),"
                + " (s, x) -> CAST(ROW(x + s.sum, s.count + 1) AS ROW(sum DOUBLE, count INTEGER)),"
                + " s -> IF(s.count = 0, NULL, s.sum / s.count))")).containsExactly(List.of("10.25"));
        assertThat(g.rows("SELECT transform(ARRAY[CAST(ROW(1.0, 2) AS ROW(sum DOUBLE, count INTEGER))],"
                + " s -> IF(s.count = 0, NULL, s.sum / s.count))")).containsExactly(List.of("[0.5]"));
    }

    @Test
    void concatJoinsArraysAndAddsElements() {
        assertThat(g.rows("SELECT concat(ARRAY[1, 2], ARRAY[3], ARRAY[4, 5])"))
                .containsExactly(List.of("[1, 2, 3, 4, 5]"));
        assertThat(g.rows("SELECT concat(ARRAY[1, 2], 3), concat(0, ARRAY[1, 2])"))
                .containsExactly(List.of("[1, 2, 3]", "[0, 1, 2]"));
        assertThat(g.rows("SELECT ARRAY[1, 2] || ARRAY[3]")).containsExactly(List.of("[1, 2, 3]"));
    }

    @Test
    void lambdasUseSeveralColumnsOfTheRow() {
        assertThat(g.rows("SELECT transform(a, x -> x * b + c) FROM (VALUES (ARRAY[1, 2], 10, 5)) t(a, b, c)"))
                .containsExactly(List.of("[15, 25]"));
        assertThat(g.rows("SELECT filter(a, x -> x > b AND x < c)"
                + " FROM (VALUES (ARRAY[1, 2, 3, 4], 1, 4)) t(a, b, c)")).containsExactly(List.of("[2, 3]"));
        assertThat(g.rows("SELECT any_match(a, x -> x = b OR x = c), none_match(a, x -> x IN (b, c))"
                + " FROM (VALUES (ARRAY[1, 2, 3, 4], 7, 4)) t(a, b, c)")).containsExactly(List.of("true", "false"));
        assertThat(g.rows("SELECT transform(ARRAY['p', 'q'],"
                + " x -> concat(x, CAST(n AS varchar), CAST(n + 1 AS varchar))) FROM t"))
                .containsExactly(List.of("[p12, q12]"));
    }

    @Test
    void twoParameterLambdasUseColumnsOfTheRow() {
        assertThat(g.rows("SELECT transform_values(m, (k, v) -> v * r), transform_keys(m, (k, v) -> k || s),"
                + " map_filter(m, (k, v) -> v > r / 10)"
                + " FROM (VALUES (MAP(ARRAY['a', 'b'], ARRAY[1, 2]), 10, '_x')) t(m, r, s)"))
                .containsExactly(List.of("{a=10, b=20}", "{a_x=1, b_x=2}", "{b=2}"));
        // Each row's own values: the captured columns travel with the row.
        assertThat(g.rows("SELECT zip_with(a, b, (x, y) -> x + y + c + d) FROM (VALUES (ARRAY[1], ARRAY[2], 10, 1000),"
                + " (ARRAY[3], ARRAY[4], 20, 2000)) t(a, b, c, d)"))
                .containsExactly(List.of("[1013]"), List.of("[2027]"));
        // A comparator by distance from a column's value.
        assertThat(g.rows("SELECT array_sort(a, (x, y) -> IF(abs(x - p) < abs(y - p), -1,"
                + " IF(abs(x - p) = abs(y - p), 0, 1))) FROM (VALUES (ARRAY[1, 5, 9], 6)) t(a, p)"))
                .containsExactly(List.of("[5, 9, 1]"));
        assertThat(g.rows("SELECT transform_values(m, (k, v) -> v + n) FROM (VALUES MAP(ARRAY[1], ARRAY[2])) v(m), t"))
                .containsExactly(List.of("{1=3}"));
    }

    @Test
    void mapZipWithMergesTwoMapsKeyByKey() {
        assertThat(g.rows("SELECT map_zip_with(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']),"
                + " MAP(ARRAY[1, 2, 3], ARRAY['d', 'e', 'f']), (k, v1, v2) -> concat(v1, v2))"))
                .containsExactly(List.of("{1=ad, 2=be, 3=cf}"));
        assertThat(g.rows("SELECT map_zip_with(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a', 'b'], ARRAY[10, 20]),"
                + " (k, x, y) -> coalesce(x, 0) + y)")).containsExactly(List.of("{a=11, b=20}"));
        assertThat(g.rows("SELECT typeof(map_zip_with(MAP(ARRAY['k1', 'k2'], ARRAY[1, 2]),"
                + " MAP(ARRAY['k2', 'k3'], ARRAY[4, 9]), (k, v1, v2) -> (v1, v2)))"))
                .containsExactly(List.of("map(varchar(2), row(integer, integer))"));
    }

    @Test
    void reduceKeepsTheStateInTheWiderOfTheInitialAndTheStepsType() {
        assertThat(g.rows("SELECT reduce(ARRAY[n, 2], 10, (s, x) -> s - x, s -> s), typeof(reduce(ARRAY[n], 10,"
                + " (s, x) -> s - x, s -> s)) FROM t")).containsExactly(List.of("7", "bigint"));
        assertThat(g.rows("SELECT reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x * 0.5, s -> s)"))
                .containsExactly(List.of("37.5"));
    }

    @Test
    void reduceLambdasUseColumnsOfEachRow() {
        assertThat(g.rows("SELECT reduce(a, 0, (s, x) -> s + x * w, s -> s + b) FROM (VALUES (ARRAY[1, 2], 10, 5),"
                + " (ARRAY[3], 2, 1), (ARRAY[4], NULL, 1), (NULL, 1, 1), (ARRAY[], 3, 7)) t(a, w, b)"))
                .containsExactly(List.of("35"), List.of("7"), NULL, NULL, List.of("7"));
        // Only the output function uses a column; only the input function does.
        assertThat(g.rows("SELECT reduce(a, 0, (s, x) -> s + x, s -> s * w), reduce(a, 1, (s, x) -> s * x + w, s -> s)"
                + " FROM (VALUES (ARRAY[1, 2], 10), (ARRAY[3], 2)) t(a, w)"))
                .containsExactly(List.of("30", "32"), List.of("6", "5"));
        // Trino's documented average, divided by a column.
        assertThat(g.rows("SELECT reduce(a, CAST(ROW(0.0, 0) AS ROW(sum DOUBLE, count INTEGER)),"
                + " (s, x) -> CAST(ROW(x + s.sum, s.count + 1) AS ROW(sum DOUBLE, count INTEGER)),"
                + " s -> IF(s.count = 0, NULL, s.sum / s.count / d)) FROM (VALUES (ARRAY[5, 6, 10, 20], 1),"
                + " (ARRAY[1, 3], 4)) t(a, d)")).containsExactly(List.of("10.25"), List.of("0.5"));
    }

    @Test
    void mapZipWithLambdaUsesColumnsOfEachRow() {
        assertThat(g.rows("SELECT map_zip_with(m1, m2, (k, v1, v2) -> coalesce(v1, 0) * f + coalesce(v2, d))"
                + " FROM (VALUES (MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a', 'b'], ARRAY[10, 20]), 100, 0),"
                + " (MAP(ARRAY['a'], ARRAY[2]), MAP(ARRAY['b'], ARRAY[30]), 1000, 7),"
                + " (MAP(ARRAY['a'], ARRAY[2]), NULL, 1, 1)) t(m1, m2, f, d)"))
                .containsExactly(List.of("{a=110, b=20}"), List.of("{a=2007, b=30}"), NULL);
        assertThat(g.rows("SELECT map_zip_with(MAP(ARRAY[1], ARRAY['x']), MAP(ARRAY[1], ARRAY['y']),"
                + " (k, v1, v2) -> concat(v1, v2, CAST(k + n AS varchar))) FROM t"))
                .containsExactly(List.of("{1=xy2}"));
    }
}
