package io.glaux.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalTextTest {

    @Test
    void dayToSecondPrintsDaysThenClockTimeWithMilliseconds() {
        assertThat(IntervalText.dayToSecond(3 * 86_400_000L - 2 * 3_600_000L)).isEqualTo("2 22:00:00.000");
        assertThat(IntervalText.dayToSecond(43)).isEqualTo("0 00:00:00.043");
        assertThat(IntervalText.dayToSecond(329_184_000L)).isEqualTo("3 19:26:24.000");
        assertThat(IntervalText.dayToSecond(-90_061_001L)).isEqualTo("-1 01:01:01.001");
        assertThat(IntervalText.dayToSecond(Long.MIN_VALUE)).isEqualTo("-106751991167 07:12:55.808");
    }

    @Test
    void yearToMonthPrintsYearsDashMonths() {
        assertThat(IntervalText.yearToMonth(14)).isEqualTo("1-2");
        assertThat(IntervalText.yearToMonth(3)).isEqualTo("0-3");
        assertThat(IntervalText.yearToMonth(-14)).isEqualTo("-1-2");
    }

    @Test
    void resultColumnsOfIntervalTypesPrintAsTrino() {
        assertThat(new ValueFormatter(ColumnInfo.of("c", "interval day to second", 0, 0)).format(252_000_000L))
                .isEqualTo("2 22:00:00.000");
        assertThat(new ValueFormatter(ColumnInfo.of("c", "interval year to month", 0, 0)).format(14))
                .isEqualTo("1-2");
    }
}
