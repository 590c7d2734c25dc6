package io.glaux.sql;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Decimal literal types, decimal sum and avg types, and numeric casts and decimal arithmetic out of range. */
class DecimalSemanticsTest {

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.localWithTable(data, "id int, d decimal(10,2), s string",
                "1,1.25,x\n2,2.50,300\n3,,\n");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    private List<String> row(String sql) {
        return g.rows(sql).get(0);
    }

    private String failure(String sql) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
        return done.status().stateChangeReason();
    }

    @Test
    void decimalLiteralsCountDigitsWithoutLeadingZeros() {
        assertThat(row("SELECT typeof(0.1), typeof(1.50), typeof(12.345), typeof(.5), typeof(-0.50), typeof(0.05)"))
                .containsExactly("decimal(1,1)", "decimal(3,2)", "decimal(5,3)", "decimal(1,1)", "decimal(2,2)",
                        "decimal(2,2)");
        assertThat(row("SELECT 0.1 + 0.2, typeof(0.1 + 0.2), -0.50")).containsExactly("0.3", "decimal(2,1)", "-0.50");
        assertThat(g.query("SELECT 0.1").columns().get(0).precision()).isEqualTo(1);
    }

    @Test
    void avgOfADecimalKeepsItsTypeRoundingHalfUpAndSumHas38Digits() {
        assertThat(row("SELECT avg(d), typeof(avg(d)), sum(d), typeof(sum(d)) FROM t"))
                .containsExactly("1.88", "decimal(10,2)", "3.75", "decimal(38,2)");
        assertThat(row("SELECT avg(x) FROM (VALUES CAST(-1 AS decimal(3,0)), CAST(-2 AS decimal(3,0))) t(x)"))
                .containsExactly("-2");
        // The running sum needs more digits than the average's type.
        assertThat(row("SELECT avg(x) FROM (VALUES CAST(9999999999.99 AS decimal(12,2)),"
                + " CAST(9999999999.97 AS decimal(12,2))) t(x)")).containsExactly("9999999999.98");
        assertThat(g.rows("SELECT id, avg(d) FROM t GROUP BY id ORDER BY id"))
                .containsExactly(List.of("1", "1.25"), List.of("2", "2.50"), java.util.Arrays.asList("3", null));
    }

    @Test
    void decimalArithmeticAndSumsPast38DigitsOverflow() {
        String max = "CAST(99999999999999999999999999999999999999 AS decimal(38,0))";
        assertThat(failure("SELECT " + max + " + 1")).isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow");
        assertThat(failure("SELECT " + max + " * 10")).isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow");
        assertThat(failure("SELECT sum(x) FROM (VALUES " + max + ", CAST(1 AS decimal(38,0))) t(x)"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow");
        assertThat(failure("SELECT d * " + max + " FROM t"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow");
    }

    @Test
    void integerCastsOutOfRangeFailAsTrinosDo() {
        assertThat(failure("SELECT CAST(300 AS tinyint)"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for tinyint: 300");
        assertThat(failure("SELECT CAST(id * 100000 AS smallint) FROM t"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for smallint: 100000");
        assertThat(failure("SELECT CAST(3000000000 AS integer)"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for integer: 3000000000");
        assertThat(failure("SELECT CAST(1e20 AS bigint)"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Unable to cast 1.0E20 to bigint");
        assertThat(failure("SELECT CAST(1e20 AS integer)"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Unable to cast 1.0E20 to integer");
        assertThat(failure("SELECT CAST(300.4e0 AS tinyint)"))
                .isEqualTo("NUMERIC_VALUE_OUT_OF_RANGE: Out of range for tinyint: 300.4");
        assertThat(row("SELECT CAST(-2.5e0 AS bigint), CAST(id + 1.5e0 AS integer), CAST(127.4e0 AS tinyint)"
                + " FROM t WHERE id = 1")).containsExactly("-3", "3", "127");
        assertThat(failure("SELECT CAST('abc' AS integer)")).isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT");
        assertThat(failure("SELECT CAST(s AS tinyint) FROM t WHERE id = 1"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast 'x' to TINYINT");
        assertThat(failure("SELECT CAST(s AS tinyint) FROM t WHERE id = 2"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '300' to TINYINT");
        assertThat(failure("SELECT CAST(s AS smallint) FROM t WHERE id = 1"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast 'x' to SMALLINT");
    }

    @Test
    void decimalCastsTooNarrowFailAsTrinosDo() {
        assertThat(failure("SELECT CAST(12345.6 AS decimal(4,1))"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast DECIMAL(6, 1) '12345.6' to DECIMAL(4, 1)");
        assertThat(failure("SELECT CAST(9.99 AS decimal(2,1))"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast DECIMAL(3, 2) '9.99' to DECIMAL(2, 1)");
        assertThat(failure("SELECT CAST(12345 AS decimal(4,1))"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast INTEGER '12345' to DECIMAL(4, 1)");
        assertThat(failure("SELECT CAST(CAST(300 AS decimal(5,0)) AS tinyint)"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '300' to TINYINT");
        assertThat(failure("SELECT CAST(3000000000.4 AS integer)"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '3000000000' to INTEGER");
        // Above 18 digits Trino names the decimal itself.
        assertThat(failure("SELECT CAST(d * 100000000000 AS integer) FROM t WHERE id = 1"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '125000000000.00' to INTEGER");
        assertThat(row("SELECT CAST(d AS integer), CAST(-d AS tinyint) FROM t WHERE id = 2"))
                .containsExactly("3", "-3");
        assertThat(row("SELECT CAST(1.25 AS decimal(2,1)), CAST(d AS decimal(3,1)) FROM t WHERE id = 1"))
                .containsExactly("1.3", "1.3");
    }

    @Test
    void tryCastAnswersNullForEachValueOutOfRange() {
        assertThat(row("SELECT try_cast(300 AS tinyint), try_cast(1e20 AS bigint), try_cast(12345.6 AS decimal(4,1)),"
                + " try_cast('abc' AS integer)")).containsExactly(null, null, null, null);
        // In range, a real or double still rounds half away from zero, literal or not.
        assertThat(row("SELECT try_cast(2.5e0 AS integer), try_cast(-2.5e0 AS bigint), try_cast(REAL '0.5' AS tinyint),"
                + " try_cast(id + 1.5e0 AS integer) FROM t WHERE id = 1")).containsExactly("3", "-3", "1", "3");
    }
}
