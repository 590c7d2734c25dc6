package io.glaux.sql;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's numeric semantics through the whole engine, for constants (folded while planning) and for column values
 * (generated code): integer overflow fails, array subscripts past the end fail, try() turns those failures into NULL.
 */
class TrinoSemanticsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("i int, b bigint, s string",
            "2147483647,9223372036854775807,ab\n0,-9223372036854775808,7\n");

    private String failure(String sql) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
        return done.status().stateChangeReason();
    }

    @Test
    void integerAdditionOverflowFailsForConstantsAndColumns() {
        assertThat(failure("SELECT 2147483647 + 1"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: integer addition overflow: 2147483647 + 1");
        assertThat(failure("SELECT i + 1 FROM t"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: integer addition overflow: 2147483647 + 1");
    }

    @Test
    void bigintArithmeticOverflowFails() {
        assertThat(failure("SELECT 9223372036854775807 + 1"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: bigint addition overflow: 9223372036854775807 + 1");
        assertThat(failure("SELECT b * 2 FROM t WHERE i > 0"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: bigint multiplication overflow: 9223372036854775807 * 2");
        assertThat(failure("SELECT b - 1 FROM t WHERE i = 0"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: bigint subtraction overflow: -9223372036854775808 - 1");
        assertThat(failure("SELECT -b FROM t WHERE i = 0"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: bigint negation overflow: -9223372036854775808");
    }

    @Test
    void absOfTheSmallestBigintFails() {
        assertThat(failure("SELECT abs(-9223372036854775808)")).isEqualTo(
                "NUMERIC_VALUE_OUT_OF_RANGE: Value -9223372036854775808 is out of range for abs(bigint)");
        assertThat(failure("SELECT abs(b) FROM t")).isEqualTo(
                "NUMERIC_VALUE_OUT_OF_RANGE: Value -9223372036854775808 is out of range for abs(bigint)");
    }

    @Test
    void arithmeticInRangeAndInGroupByKeysIsUnchanged() {
        assertThat(g.rows("SELECT i - 1, i * 1, -i, abs(-i) FROM t WHERE i > 0"))
                .containsExactly(List.of("2147483646", "2147483647", "-2147483647", "2147483647"));
        assertThat(g.rows("SELECT i % 2 + 1 AS k, count(*) FROM t GROUP BY i % 2 + 1 ORDER BY k"))
                .containsExactly(List.of("1", "1"), List.of("2", "1"));
    }

    @Test
    void anArraySubscriptPastTheEndFailsButElementAtIsNull() {
        assertThat(failure("SELECT ARRAY[1, 2][3]")).isEqualTo("INVALID_FUNCTION_ARGUMENT: "
                + "Array subscript must be less than or equal to array length: 3 > 2");
        assertThat(failure("SELECT ARRAY[i, 2][i + 3] FROM t WHERE i = 0")).isEqualTo("INVALID_FUNCTION_ARGUMENT: "
                + "Array subscript must be less than or equal to array length: 3 > 2");
        assertThat(g.rows("SELECT element_at(ARRAY[1, 2], 3), ARRAY[1, 2][2]"))
                .containsExactly(Arrays.asList(null, "2"));
    }

    @Test
    void tryGivesNullOnlyForTheRowThatFails() {
        assertThat(g.rows("SELECT try(i + 1), try(10 / i), try(CAST(s AS integer)) FROM t ORDER BY i"))
                .containsExactly(Arrays.asList("1", null, "7"), Arrays.asList(null, "0", null));
    }

    @Test
    void tryOfConstantsThatFail() {
        assertThat(g.rows("SELECT coalesce(try(2147483647 + 1), -1), try(CAST('x' AS integer)), "
                + "try(ARRAY[1, 2][3]), try(1 / 0), try(5 % 0), try(7 - 2)"))
                .containsExactly(Arrays.asList("-1", null, null, null, null, "5"));
    }

    @Test
    void nanEqualsNothing() {
        assertThat(g.rows("SELECT nan() = nan(), nan() <> nan(), nan() < 1e0, nan() > 1e0"))
                .containsExactly(List.of("false", "true", "false", "false"));
        assertThat(g.rows("SELECT x = x, x <> x FROM (SELECT i / 0e0 AS x FROM t WHERE i = 0)"))
                .containsExactly(List.of("false", "true"));
    }

    @Test
    void tryLetsOtherErrorsFail() {
        assertThat(failure("SELECT try(i + 1), i + 1 FROM t"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: integer addition overflow: 2147483647 + 1");
    }
}
