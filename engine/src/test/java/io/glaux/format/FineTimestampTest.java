package io.glaux.format;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FineTimestampTest {

    private static final long SECOND_2020 = 1_577_836_800L;

    @Test
    void eachPrecisionCountsInItsUnit() {
        assertThat(FineTimestamp.perMilli(0)).isEqualTo(1);
        assertThat(FineTimestamp.perMilli(3)).isEqualTo(1);
        assertThat(FineTimestamp.perMilli(4)).isEqualTo(1_000);
        assertThat(FineTimestamp.perMilli(6)).isEqualTo(1_000);
        assertThat(FineTimestamp.perMilli(7)).isEqualTo(1_000_000);
        assertThat(FineTimestamp.perMilli(9)).isEqualTo(1_000_000);
    }

    @Test
    void textParsesToTheUnitAndRoundsHalfUpToThePrecision() {
        assertThat(FineTimestamp.parse("2020-01-01 00:00:00.123456", 6))
                .hasValue(SECOND_2020 * 1_000_000 + 123_456);
        assertThat(FineTimestamp.parse("2020-01-01 00:00:00.1234565", 6))
                .hasValue(SECOND_2020 * 1_000_000 + 123_457);
        assertThat(FineTimestamp.parse("2020-01-01 00:00:00.123456789", 9))
                .hasValue(SECOND_2020 * 1_000_000_000 + 123_456_789);
        assertThat(FineTimestamp.parse("2020-01-01 00:00:00.12345", 4))
                .hasValue(SECOND_2020 * 1_000_000 + 123_500);
        // A carry reaches the next day.
        assertThat(FineTimestamp.parse("2020-01-01 23:59:59.9999996", 6))
                .hasValue((SECOND_2020 + 86_400) * 1_000_000);
        assertThat(FineTimestamp.parse("2020-01-01", 6)).hasValue(SECOND_2020 * 1_000_000);
        assertThat(FineTimestamp.parse("2020-01-01 00:00:00.5", 0)).hasValue(SECOND_2020 * 1_000 + 1_000);
        assertThat(FineTimestamp.parse("2020-13-01 00:00:00", 6)).isEqualTo(OptionalLong.empty());
        assertThat(FineTimestamp.parse("yesterday", 6)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void nanosecondsReachTo2262AndMicrosecondsFurther() {
        assertThat(FineTimestamp.parse("9999-12-31 23:59:59.999999", 6)).isPresent();
        assertThatThrownBy(() -> FineTimestamp.parse("3000-01-01 00:00:00", 9))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rescalingWidensExactlyAndNarrowsRoundingHalfUp() {
        long micros = SECOND_2020 * 1_000_000 + 123_456;
        assertThat(FineTimestamp.rescale(micros, 6, 9)).isEqualTo(micros * 1_000);
        assertThat(FineTimestamp.rescale(micros, 6, 3)).isEqualTo(SECOND_2020 * 1_000 + 123);
        assertThat(FineTimestamp.rescale(micros + 500, 6, 3)).isEqualTo(SECOND_2020 * 1_000 + 124);
        assertThat(FineTimestamp.rescale(micros, 6, 5)).isEqualTo(micros + 4);
        assertThat(FineTimestamp.rescale(micros, 6, 0)).isEqualTo(SECOND_2020 * 1_000);
        assertThat(FineTimestamp.rescale(SECOND_2020 * 1_000 + 123, 3, 6)).isEqualTo(micros - 456);
        // Before 1970 values are negative; rounding still goes half up.
        assertThat(FineTimestamp.rescale(-1_500, 6, 3)).isEqualTo(-1);
        assertThat(FineTimestamp.rescale(-1_501, 6, 3)).isEqualTo(-2);
    }

    @Test
    void formatPrintsThePrecisionsDigits() {
        long micros = SECOND_2020 * 1_000_000 + 123_456;
        assertThat(FineTimestamp.format(micros, 6)).isEqualTo("2020-01-01 00:00:00.123456");
        assertThat(FineTimestamp.format(micros * 1_000 + 789, 9)).isEqualTo("2020-01-01 00:00:00.123456789");
        assertThat(FineTimestamp.format(SECOND_2020 * 1_000 + 120, 2)).isEqualTo("2020-01-01 00:00:00.12");
        assertThat(FineTimestamp.format(SECOND_2020 * 1_000, 0)).isEqualTo("2020-01-01 00:00:00");
        assertThat(FineTimestamp.format(-1, 6)).isEqualTo("1969-12-31 23:59:59.999999");
        assertThat(FineTimestamp.floorMillis(-1, 6)).isEqualTo(-1);
        assertThat(FineTimestamp.belowMillis(-1, 6)).isEqualTo(999);
    }
}
