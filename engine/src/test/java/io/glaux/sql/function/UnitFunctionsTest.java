package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitFunctionsTest {

    @Test
    void parseDurationGivesADayToSecondInterval() {
        assertThat(value("SELECT to_milliseconds(parse_duration('42.8ms'))")).isEqualTo(43L);
        assertThat(value("SELECT to_milliseconds(parse_duration('3.81 d'))")).isEqualTo(329_184_000L);
        assertThat(value("SELECT to_milliseconds(parse_duration('5m'))")).isEqualTo(300_000L);
        assertThat(type("SELECT parse_duration('5m')")).isEqualTo("INTERVAL DAY TO SECOND NOT NULL");
        assertThatThrownBy(() -> value("SELECT parse_duration(s) FROM t WHERE id = 2"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("duration is not a valid data duration string: x");
    }

    @Test
    void toMillisecondsMeasuresIntervals() {
        assertThat(value("SELECT to_milliseconds(INTERVAL '1' DAY)")).isEqualTo(86_400_000L);
        assertThat(value("SELECT to_milliseconds(INTERVAL '1:30' MINUTE TO SECOND)")).isEqualTo(90_000L);
    }

    @Test
    void humanReadableSecondsSpellsWeeksToSeconds() {
        assertThat(value("SELECT human_readable_seconds(96)")).isEqualTo("1 minute, 36 seconds");
        assertThat(value("SELECT human_readable_seconds(3762)")).isEqualTo("1 hour, 2 minutes, 42 seconds");
        assertThat(value("SELECT human_readable_seconds(56363463)"))
                .isEqualTo("93 weeks, 1 day, 8 hours, 31 minutes, 3 seconds");
        assertThat(value("SELECT human_readable_seconds(0)")).isEqualTo("0 seconds");
        assertThat(column("SELECT human_readable_seconds(n) FROM t ORDER BY id"))
                .containsExactly("3 seconds", "2 seconds", null);
        assertThatThrownBy(() -> value("SELECT human_readable_seconds(nan())")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Invalid argument found: NaN");
    }

    @Test
    void parseDataSizeCountsBytesInPowersOf1024() {
        assertThat(value("SELECT parse_data_size('1B')")).isEqualTo(new BigDecimal("1"));
        assertThat(value("SELECT parse_data_size('2.3MB')")).isEqualTo(new BigDecimal("2411724"));
        assertThat(value("SELECT parse_data_size('1kB')")).isEqualTo(new BigDecimal("1024"));
        assertThat(type("SELECT parse_data_size('1kB')")).isEqualTo("DECIMAL(38, 0) NOT NULL");
        assertThatThrownBy(() -> value("SELECT parse_data_size(s) FROM t WHERE id = 2"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Invalid data size: 'x'");
    }
}
