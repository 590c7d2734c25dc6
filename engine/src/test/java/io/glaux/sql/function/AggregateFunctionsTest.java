package io.glaux.sql.function;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.rows;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Trino's aggregates of {@link AggregateFunctions} over table t (id 1..3; n 3, -2, NULL; x 2.5, -0.5, NULL;
 * s 'apple,banana', 'x', NULL; flag true, false, NULL) and inline VALUES: groups, no rows, NULLs and windows.
 */
class AggregateFunctionsTest {
    private static final String EMPTY = " FROM t WHERE id > 10";

    @Test
    void boolAndEveryAndBoolOrSkipNulls() {
        assertThat(value("SELECT every(flag) FROM t WHERE id <> 2")).isEqualTo(true);
        assertThat(value("SELECT bool_and(x) FROM (VALUES true, false, NULL) t(x)")).isEqualTo(false);
        assertThat(value("SELECT bool_or(flag)" + EMPTY)).isNull();
    }

    @Test
    void maxByAndMinByPickTheValueOfTheExtremeKey() {
        assertThat(value("SELECT max_by(s, n) FROM t")).isEqualTo("apple,banana");
        assertThat(value("SELECT min_by(s, n) FROM t")).isEqualTo("x");
        assertThat(value("SELECT max_by(k, v, 2) FROM (VALUES ('a', 1), ('b', 3), ('c', 2)) t(k, v)"))
                .isEqualTo(List.of("b", "c"));
        assertThat(value("SELECT min_by(k, v, 5) FROM (VALUES ('a', 1), ('b', 3), (NULL, 2)) t(k, v)"))
                .isEqualTo(Arrays.asList("a", null, "b"));
        assertThat(value("SELECT max_by(s, n)" + EMPTY)).isNull();
        assertThat(type("SELECT max_by(k, v, 2) FROM (VALUES ('a', 1)) t(k, v)")).isEqualTo("CHAR(1) ARRAY");
        assertThat(rows("SELECT id > 1, max_by(id, x) FROM t GROUP BY id > 1 ORDER BY 1"))
                .containsExactly(List.of(false, 1), List.of(true, 2));
    }

    @Test
    void reduceAggFoldsEachGroupsNonNullValuesFromTheInitialState() {
        // Trino's documented examples.
        assertThat(rows("SELECT id, reduce_agg(value, 0, (a, b) -> a + b, (a, b) -> a + b)"
                + " FROM (VALUES (1, 3), (1, 4), (1, 5), (2, 6), (2, 7)) AS t(id, value) GROUP BY id ORDER BY id"))
                .containsExactly(List.of(1, 12), List.of(2, 13));
        assertThat(rows("SELECT id, reduce_agg(value, 1, (a, b) -> a * b, (a, b) -> a * b)"
                + " FROM (VALUES (1, 3), (1, 4), (1, 5), (2, 6), (2, 7)) AS t(id, value) GROUP BY id ORDER BY id"))
                .containsExactly(List.of(1, 60), List.of(2, 42));
        assertThat(value("SELECT reduce_agg(n, 10, (s, v) -> s - v, (a, b) -> a + b) FROM t")).isEqualTo(9L);
        assertThat(value("SELECT reduce_agg(n, 0, (s, v) -> s + v, (a, b) -> a + b)" + EMPTY)).isNull();
        assertThat(value("SELECT reduce_agg(n, 0, (s, v) -> s + v, (a, b) -> a + b) FROM t WHERE n IS NULL"))
                .isNull();
        assertThat(value("SELECT reduce_agg(x, 0.5, (s, v) -> greatest(s, v), (a, b) -> greatest(a, b)) FROM t"))
                .isEqualTo(2.5);
    }

    @Test
    void maxByRefusesANonPositiveCount() {
        assertThatThrownBy(() -> value("SELECT max_by(s, n, 0) FROM t"))
                .hasStackTraceContaining("third argument of max_by/min_by must be a positive integer");
    }

    @Test
    void maxAndMinWithCountAnswerArraysWhileOneOperandStaysCalcites() {
        assertThat(value("SELECT max(x, 2) FROM (VALUES 1, 5, 3) t(x)")).isEqualTo(List.of(5, 3));
        assertThat(value("SELECT min(n, 5) FROM t")).isEqualTo(List.of(-2L, 3L));
        assertThat(value("SELECT max(n) FROM t")).isEqualTo(3L);
        assertThat(value("SELECT min(n, 2)" + EMPTY)).isNull();
        assertThat(type("SELECT max(x, 2) FROM (VALUES 1) t(x)")).isEqualTo("INTEGER ARRAY");
    }

    @Test
    void approxPercentileAnswersExactRanks() {
        String five = " FROM (VALUES 1, 2, 3, 4, 5) t(x)";
        assertThat(value("SELECT approx_percentile(x, 0.5)" + five)).isEqualTo(3L);
        assertThat(value("SELECT approx_percentile(x, ARRAY[0.2, 0.8, 1])" + five)).isEqualTo(List.of(2L, 5L, 5L));
        assertThat(value("SELECT approx_percentile(x, w, 0.5) FROM (VALUES (1, 1), (2, 1), (3, 10)) t(x, w)"))
                .isEqualTo(3L);
        // Of two values the median is the upper one: its cumulative count (2) is the first above 0.5 * 2.
        assertThat(value("SELECT approx_percentile(x, 0.5) FROM t")).isEqualTo(2.5);
        assertThat(value("SELECT approx_percentile(x, 0.5)" + EMPTY)).isNull();
        assertThat(type("SELECT approx_percentile(x, 0.5) FROM t")).isEqualTo("DOUBLE");
    }

    @Test
    void approxPercentileRefusesAPercentileOutsideZeroToOne() {
        assertThatThrownBy(() -> value("SELECT approx_percentile(n, 1.5) FROM t"))
                .hasStackTraceContaining("Percentile must be between 0 and 1");
    }

    @Test
    void approxMostFrequentCountsTheTopValues() {
        assertThat(value("SELECT approx_most_frequent(2, x, 100) FROM (VALUES 'a', 'b', 'a', 'c', 'a', 'b', NULL)"
                + " t(x)")).isEqualTo(Map.of("a", 3L, "b", 2L));
        assertThat(value("SELECT approx_most_frequent(2, s, 100)" + EMPTY)).isNull();
    }

    @Test
    void momentsMatchTrinosFormulas() {
        String values = " FROM (VALUES 1, 2, 3, 4, 10, NULL) t(x)";
        assertThat(value("SELECT kurtosis(x)" + values)).isEqualTo(3.1519999999999992);
        assertThat((Double) value("SELECT skewness(x)" + values)).isCloseTo(1.1384199576606164, within(1e-15));
        assertThat(value("SELECT geometric_mean(x) FROM (VALUES 1, 2, 4) t(x)")).isEqualTo(2.0);
        assertThat(value("SELECT kurtosis(x) FROM (VALUES 1, 2, 3) t(x)")).isNull();
        assertThat(value("SELECT geometric_mean(x)" + EMPTY)).isNull();
    }

    @Test
    void covarianceIsRealForIntegersAndDoubleForDoubles() {
        String xy = " FROM (VALUES (1, 2), (2, 4), (3, 7), (NULL, 9)) t(x, y)";
        assertThat(value("SELECT covar_pop(y, x)" + xy)).isEqualTo(1.6666666f);
        assertThat(value("SELECT covar_samp(y, x)" + xy)).isEqualTo(2.5f);
        assertThat(value("SELECT corr(y, x)" + xy)).isEqualTo(0.99339926f);
        assertThat(value("SELECT regr_slope(y, x)" + xy)).isEqualTo(2.5f);
        assertThat(value("SELECT regr_intercept(y, x)" + xy)).isEqualTo(-0.6666667f);
        assertThat(type("SELECT corr(x, n) FROM t")).isEqualTo("DOUBLE");
        assertThat(value("SELECT corr(x, n) FROM t")).isEqualTo(1.0);
        assertThat(value("SELECT covar_samp(x, n) FROM t WHERE id = 1")).isNull();
        assertThat(value("SELECT regr_slope(x, n)" + EMPTY)).isNull();
    }

    @Test
    void numericHistogramMergesTheClosestCentroids() {
        assertThat(value("SELECT numeric_histogram(2, x) FROM (VALUES 1, 2, 3, 10, NULL) t(x)"))
                .isEqualTo(Map.of(2.0f, 3.0f, 10.0f, 1.0f));
        assertThat(value("SELECT numeric_histogram(2, x, w) FROM (VALUES (1e0, 1e0), (2e0, 3e0), (9e0, 1e0)) t(x, w)"))
                .isEqualTo(Map.of(1.75, 4.0, 9.0, 1.0));
        assertThat(type("SELECT numeric_histogram(2, x) FROM t")).isEqualTo("(DOUBLE NOT NULL, DOUBLE) MAP");
        assertThat(value("SELECT numeric_histogram(3, x)" + EMPTY)).isNull();
    }

    @Test
    void mapAggregatesCollectByKey() {
        assertThat(value("SELECT map_agg(k, v) FROM (VALUES ('a', 1), ('b', 2), ('a', 3), (NULL, 4)) t(k, v)"))
                .isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(value("SELECT multimap_agg(k, v) FROM (VALUES ('a', 1), ('b', 2), ('a', 3)) t(k, v)"))
                .isEqualTo(Map.of("a", List.of(1, 3), "b", List.of(2)));
        assertThat(value("SELECT histogram(s) FROM t")).isEqualTo(Map.of("apple,banana", 1L, "x", 1L));
        assertThat(value("SELECT histogram(s)" + EMPTY)).isNull();
        assertThat(type("SELECT histogram(s) FROM t")).isEqualTo("(VARCHAR NOT NULL, BIGINT) MAP");
    }

    @Test
    void arrayAggKeepsNullElementsInItsOrderBy() {
        String values = " FROM (VALUES 3, NULL, 1, 2) t(x)";
        assertThat(value("SELECT array_agg(x ORDER BY x)" + values)).isEqualTo(Arrays.asList(1, 2, 3, null));
        assertThat(value("SELECT array_agg(x ORDER BY x DESC NULLS FIRST)" + values))
                .isEqualTo(Arrays.asList(null, 3, 2, 1));
        assertThat(value("SELECT array_agg(x)" + values)).isEqualTo(Arrays.asList(3, null, 1, 2));
        assertThat(value("SELECT array_agg(s)" + EMPTY)).isNull();
        assertThat(type("SELECT array_agg(x)" + values)).isEqualTo("INTEGER ARRAY");
    }

    @Test
    void orderByInsideAnAggregateCallOrdersEachGroupsRows() {
        assertThat(rows("SELECT k, array_agg(v ORDER BY v DESC) FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v) "
                + "GROUP BY k ORDER BY k")).containsExactly(List.of("a", List.of(2, 1)), List.of("b", List.of(3)));
        assertThat(value("SELECT array_agg(s ORDER BY id DESC) FROM t")).isEqualTo(Arrays.asList(null, "x",
                "apple,banana"));
    }

    @Test
    void mapUnionMergesTheMapsOfEveryRow() {
        assertThat(value("SELECT map_union(m) FROM (VALUES MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['b'], ARRAY[2]), "
                + "NULL) t(m)")).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(value("SELECT map_union(m)" + EMPTY)).isNull();
        assertThat(type("SELECT map_union(m) FROM t")).isEqualTo("(VARCHAR NOT NULL, INTEGER NOT NULL) MAP");
    }

    @Test
    void bitwiseAggregatesFoldNonNullValues() {
        assertThat(value("SELECT bitwise_and_agg(x) FROM (VALUES 7, 14, NULL) t(x)")).isEqualTo(6L);
        assertThat(value("SELECT bitwise_or_agg(n) FROM t")).isEqualTo(-1L);
        assertThat(value("SELECT bitwise_or_agg(n)" + EMPTY)).isNull();
    }

    @Test
    void checksumIsOrderInsensitiveAndCountsNulls() {
        Object forward = value("SELECT to_hex(checksum(x)) FROM (VALUES 1, 2, 3) t(x)");
        assertThat(forward).isEqualTo("AAEB180D3C4FFA05");
        assertThat(value("SELECT to_hex(checksum(x)) FROM (VALUES 3, 1, 2) t(x)")).isEqualTo(forward);
        assertThat(value("SELECT checksum(n) FROM t")).isNotEqualTo(value("SELECT checksum(n) FROM t WHERE id < 3"));
        assertThat(value("SELECT checksum(n)" + EMPTY)).isNull();
    }

    @Test
    void aggregatesRunAsWindowFunctions() {
        assertThat(column("SELECT max_by(s, n) OVER (PARTITION BY id > 1) FROM t ORDER BY id"))
                .containsExactly("apple,banana", "x", "x");
        assertThat(column("SELECT histogram(s) OVER (ORDER BY id) FROM t ORDER BY id"))
                .containsExactly(Map.of("apple,banana", 1L), Map.of("apple,banana", 1L, "x", 1L),
                        Map.of("apple,banana", 1L, "x", 1L));
    }

    @Test
    void accumulatorsMergePartialStates() {
        StatisticsAccumulators.Covariance whole =
                new StatisticsAccumulators.Covariance(StatisticsAccumulators.CovarianceResult.CORR);
        StatisticsAccumulators.Covariance left =
                new StatisticsAccumulators.Covariance(StatisticsAccumulators.CovarianceResult.CORR);
        StatisticsAccumulators.Covariance right =
                new StatisticsAccumulators.Covariance(StatisticsAccumulators.CovarianceResult.CORR);
        StatisticsAccumulators.Moments kurtosis = new StatisticsAccumulators.Moments(true);
        StatisticsAccumulators.Moments kLeft = new StatisticsAccumulators.Moments(true);
        StatisticsAccumulators.Moments kRight = new StatisticsAccumulators.Moments(true);
        double[][] rows = {{2, 1}, {4, 2}, {7, 3}, {9, 5}, {1, 8}};
        for (int i = 0; i < rows.length; i++) {
            Object[] row = {rows[i][0], rows[i][1]};
            whole.add(row);
            (i < 2 ? left : right).add(row);
            kurtosis.add(row);
            (i < 2 ? kLeft : kRight).add(row);
        }
        left.merge(right);
        kLeft.merge(kRight);
        assertThat((Double) left.result()).isCloseTo((Double) whole.result(), within(1e-12));
        assertThat((Double) kLeft.result()).isCloseTo((Double) kurtosis.result(), within(1e-12));
        RankingAccumulators.Best top = new RankingAccumulators.Best(true, false, true);
        RankingAccumulators.Best other = new RankingAccumulators.Best(true, false, true);
        top.add(new Object[] {1, 2L});
        other.add(new Object[] {5, 2L});
        other.add(new Object[] {3, 2L});
        top.merge(other);
        assertThat(top.result()).isEqualTo(List.of(5, 3));
    }
}
