package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitwiseFunctionsTest {

    @Test
    void bitCountCountsTwosComplementBitsOfTheGivenWidth() {
        assertThat(value("SELECT bit_count(9, 64)")).isEqualTo(2L);
        assertThat(value("SELECT bit_count(-7, 64)")).isEqualTo(62L);
        assertThat(value("SELECT bit_count(-7, 8)")).isEqualTo(6L);
        assertThat(column("SELECT bit_count(n, 8) FROM t ORDER BY id")).containsExactly(2L, 7L, null);
    }

    @Test
    void bitCountRejectsWidthsAndValuesOutOfRange() {
        assertThatThrownBy(() -> value("SELECT bit_count(n, 1) FROM t")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Bits specified in bit_count must be between 2 and 64, got 1");
        assertThatThrownBy(() -> value("SELECT bit_count(n + 200, 8) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("Number must be representable with the bits specified. 203 can not be");
    }

    @Test
    void andOrXorNotWorkOnBigints() {
        assertThat(value("SELECT bitwise_and(19, 25)")).isEqualTo(17L);
        assertThat(value("SELECT bitwise_or(19, 25)")).isEqualTo(27L);
        assertThat(value("SELECT bitwise_xor(19, 25)")).isEqualTo(10L);
        assertThat(value("SELECT bitwise_not(-12)")).isEqualTo(11L);
        assertThat(column("SELECT bitwise_and(n, 1) FROM t ORDER BY id")).containsExactly(1L, 0L, null);
    }

    @Test
    void shiftsKeepTheWidthOfTheirFirstOperand() {
        assertThat(value("SELECT bitwise_left_shift(1, 2)")).isEqualTo(4);
        assertThat(value("SELECT bitwise_left_shift(CAST(7 AS TINYINT), 2)")).isEqualTo((byte) 28);
        assertThat(value("SELECT bitwise_left_shift(CAST(64 AS TINYINT), 1)")).isEqualTo((byte) -128);
        assertThat(value("SELECT bitwise_right_shift(8, 3)")).isEqualTo(1);
        assertThat(value("SELECT bitwise_right_shift(CAST(-8 AS TINYINT), 1)")).isEqualTo((byte) 124);
        assertThat(value("SELECT bitwise_right_shift(-8, 1)")).isEqualTo(2147483644);
        assertThat(value("SELECT bitwise_right_shift_arithmetic(-8, 2)")).isEqualTo(-2);
        assertThat(value("SELECT bitwise_right_shift_arithmetic(-8, 40)")).isEqualTo(-1);
        assertThat(value("SELECT bitwise_left_shift(1, 32)")).isEqualTo(0);
        assertThat(column("SELECT bitwise_left_shift(n, 1) FROM t ORDER BY id")).containsExactly(6L, -4L, null);
    }
}
