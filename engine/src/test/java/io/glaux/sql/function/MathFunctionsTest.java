package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MathFunctionsTest {

    @Test
    void roundGoesHalfAwayFromZero() {
        assertThat(value("SELECT round(2.5E0)")).isEqualTo(3.0);
        assertThat(value("SELECT round(-2.5E0)")).isEqualTo(-3.0);
        assertThat(value("SELECT round(1.2345E0, 2)")).isEqualTo(1.23);
        assertThat(value("SELECT round(-1.235E0, 1)")).isEqualTo(-1.2);
        assertThat(value("SELECT round(1250, -2)")).isEqualTo(1300);
        assertThat(value("SELECT round(-1250, -2)")).isEqualTo(-1300);
        assertThat(column("SELECT round(x) FROM t ORDER BY id")).containsExactly(3.0, -1.0, null);
    }

    @Test
    void roundOfDecimalsKeepsDecimalTypes() {
        assertThat(value("SELECT round(2.5)")).isEqualTo(new BigDecimal("3"));
        assertThat(type("SELECT round(12.345)")).isEqualTo("DECIMAL(3, 0) NOT NULL");
        assertThat(value("SELECT round(12.345, 2)")).isEqualTo(new BigDecimal("12.350"));
        assertThat(type("SELECT round(12.345, 2)")).isEqualTo("DECIMAL(5, 3) NOT NULL");
        assertThat(value("SELECT round(-12.345, -1)")).isEqualTo(new BigDecimal("-10.000"));
    }

    @Test
    void truncateDropsDigitsTowardZero() {
        assertThat(value("SELECT truncate(-2.7E0)")).isEqualTo(-2.0);
        assertThat(value("SELECT truncate(12.333E0, -1)")).isEqualTo(10.0);
        assertThat(value("SELECT truncate(12.333E0, 1)")).isEqualTo(12.3);
        assertThat(value("SELECT truncate(-12.35)")).isEqualTo(new BigDecimal("-12"));
        assertThat(value("SELECT truncate(12.359, 2)")).isEqualTo(new BigDecimal("12.350"));
        assertThat(value("SELECT truncate(7)")).isEqualTo(7);
    }

    @Test
    void modKeepsTheSignOfTheDividend() {
        assertThat(value("SELECT mod(7, 3)")).isEqualTo(1);
        assertThat(value("SELECT mod(-7, 3)")).isEqualTo(-1);
        assertThat(value("SELECT mod(5.5E0, 2)")).isEqualTo(1.5);
        assertThat(column("SELECT mod(n, 2) FROM t ORDER BY id")).containsExactly(1L, 0L, null);
        assertThatThrownBy(() -> value("SELECT mod(n, 0) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Division by zero");
    }

    @Test
    void logTakesTheBaseFirst() {
        assertThat(value("SELECT log(10, 100)")).isEqualTo(2.0);
        // ln(x) / ln(b), as Trino computes it (so not exactly 3)
        assertThat(value("SELECT log(2, 8)")).isEqualTo(Math.log(8) / Math.log(2));
        assertThat(value("SELECT log10(1000)")).isEqualTo(3.0);
        assertThat(value("SELECT log2(1024)")).isEqualTo(10.0);
        assertThat(value("SELECT ln(1)")).isEqualTo(0.0);
    }

    @Test
    void calcitesPowerRootsSignAbsCeilFloorMatchTrino() {
        assertThat(value("SELECT pow(2, 10)")).isEqualTo(1024.0);
        assertThat(value("SELECT power(2, 0.5E0)")).isEqualTo(Math.sqrt(2));
        assertThat(value("SELECT sqrt(16)")).isEqualTo(4.0);
        assertThat(value("SELECT cbrt(27)")).isEqualTo(3.0);
        assertThat(value("SELECT sign(-3)")).isEqualTo(-1);
        assertThat(value("SELECT sign(2.5E0)")).isEqualTo(1.0);
        assertThat(value("SELECT abs(-4)")).isEqualTo(4);
        assertThat(value("SELECT ceil(1.2E0)")).isEqualTo(2.0);
        assertThat(value("SELECT ceiling(-1.2E0)")).isEqualTo(-1.0);
        assertThat(value("SELECT floor(-1.2E0)")).isEqualTo(-2.0);
        assertThat(column("SELECT abs(x) FROM t ORDER BY id")).containsExactly(2.5, 0.5, null);
    }

    @Test
    void nanAndInfinityAreDoublesWithTests() {
        assertThat(value("SELECT is_nan(nan())")).isEqualTo(true);
        assertThat(value("SELECT is_nan(1.0E0)")).isEqualTo(false);
        assertThat(value("SELECT is_finite(infinity())")).isEqualTo(false);
        assertThat(value("SELECT is_infinite(-infinity())")).isEqualTo(true);
        assertThat(value("SELECT is_finite(x) FROM t WHERE id = 1")).isEqualTo(true);
        assertThat((Double) value("SELECT nan()")).isNaN();
        assertThat(value("SELECT infinity()")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("SELECT pi()")).isEqualTo(Math.PI);
        assertThat(value("SELECT e()")).isEqualTo(Math.E);
    }

    @Test
    void randomIsInRangeAndNotFoldedToAConstant() {
        assertThat((Double) value("SELECT random()")).isBetween(0.0, 1.0);
        assertThat((Double) value("SELECT rand()")).isBetween(0.0, 1.0);
        assertThat((Integer) value("SELECT random(10)")).isBetween(0, 9);
        assertThat(column("SELECT random(1000000000000) FROM t")).doesNotHaveDuplicates();
        assertThatThrownBy(() -> value("SELECT random(0)")).isInstanceOf(GlauxException.class);
    }

    @Test
    void widthBucketCountsEqualWidthBucketsInEitherDirection() {
        assertThat(value("SELECT width_bucket(5.3, 0.2, 10.6, 5)")).isEqualTo(3L);
        assertThat(value("SELECT width_bucket(-1, 0, 10, 5)")).isEqualTo(0L);
        assertThat(value("SELECT width_bucket(10, 0, 10, 5)")).isEqualTo(6L);
        assertThat(value("SELECT width_bucket(2, 10, 0, 5)")).isEqualTo(5L);
        assertThat(column("SELECT width_bucket(x, 0, 10, 4) FROM t ORDER BY id")).containsExactly(2L, 0L, null);
        assertThatThrownBy(() -> value("SELECT width_bucket(x, 1, 1, 4) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("bounds cannot equal each other");
        assertThatThrownBy(() -> value("SELECT width_bucket(x, 0, 1, 0) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("bucketCount must be greater than 0");
    }

    @Test
    void widthBucketOverBinsCountsTheBinsAtMostTheValue() {
        assertThat(value("SELECT width_bucket(6, ARRAY[1, 5, 10])")).isEqualTo(2L);
        assertThat(value("SELECT width_bucket(0, ARRAY[1.5, 5, 10])")).isEqualTo(0L);
        assertThat(value("SELECT width_bucket(10, ARRAY[1, 5, 10])")).isEqualTo(3L);
        assertThatThrownBy(() -> value("SELECT width_bucket(x, ARRAY[5, 1]) FROM t"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Bin values are not sorted in ascending order");
    }

    @Test
    void basesConvertBothWays() {
        assertThat(value("SELECT from_base('7fffffffffffffff', 16)")).isEqualTo(Long.MAX_VALUE);
        assertThat(value("SELECT from_base('-101', 2)")).isEqualTo(-5L);
        assertThat(value("SELECT to_base(2147483648, 16)")).isEqualTo("80000000");
        assertThat(value("SELECT to_base(-5, 2)")).isEqualTo("-101");
        assertThat(column("SELECT to_base(n, 3) FROM t ORDER BY id")).containsExactly("10", "-2", null);
        assertThatThrownBy(() -> value("SELECT from_base(s, 10) FROM t WHERE id = 2"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Not a valid base-10 number: x");
        assertThatThrownBy(() -> value("SELECT to_base(n, 37) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Radix must be between 2 and 36");
    }

    @Test
    void hyperbolicFunctions() {
        assertThat(value("SELECT cosh(0)")).isEqualTo(1.0);
        assertThat(value("SELECT tanh(0)")).isEqualTo(0.0);
        assertThat(column("SELECT tanh(x) FROM t ORDER BY id")).containsExactly(Math.tanh(2.5), Math.tanh(-0.5),
                null);
    }

    @Test
    void greatCircleDistanceIsInKilometres() {
        assertThat(value("SELECT great_circle_distance(36.12, -86.67, 33.94, -118.40)"))
                .isEqualTo(2886.4489734367016);
        assertThatThrownBy(() -> value("SELECT great_circle_distance(x + 90, 0, 0, 0) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Latitude must be between -90 and 90");
    }
}
