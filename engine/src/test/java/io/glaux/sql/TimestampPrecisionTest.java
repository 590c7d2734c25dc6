package io.glaux.sql;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's {@code timestamp(p)} and {@code time(p)} for p from 0 to 9: the precision is part of the type (literals take
 * their digits' count, CAST keeps the precision asked for) and a cast to fewer digits rounds half up. Digits past the
 * millisecond: {@link FineTimestampsTest}.
 */
class TimestampPrecisionTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void literalsAndCastsKeepPrecisionsUpToNine() {
        assertThat(g.rows("SELECT typeof(TIMESTAMP '2020-01-01 00:00:00'), typeof(TIMESTAMP '2020-01-01 00:00:00.1'),"
                + " typeof(TIMESTAMP '2020-01-01 00:00:00.123456'),"
                + " typeof(TIMESTAMP '2020-06-02 12:30:45.123456789'),"
                + " typeof(CAST('2020-01-01 00:00:00.5' AS timestamp(6))), typeof(TIME '01:02:03.456789'),"
                + " typeof(CAST(TIMESTAMP '2020-01-01 00:00:00 UTC' AS timestamp(0) with time zone))"))
                .containsExactly(List.of("timestamp(0)", "timestamp(1)", "timestamp(6)", "timestamp(9)",
                        "timestamp(6)", "time(6)", "timestamp(0) with time zone"));
    }

    @Test
    void castToVarcharPrintsTheTypesDigits() {
        assertThat(g.rows("SELECT CAST(TIMESTAMP '2020-01-01 00:00:00' AS varchar),"
                + " CAST(CAST('2020-01-01 00:00:00.5' AS timestamp(6)) AS varchar),"
                + " CAST(TIMESTAMP '2020-01-01 00:00:00.25' AS varchar)"))
                .containsExactly(List.of("2020-01-01 00:00:00", "2020-01-01 00:00:00.500000", "2020-01-01 00:00:00.25"));
    }

    @Test
    void castToFewerDigitsRoundsHalfUp() {
        // Trino: CAST(TIMESTAMP '2020-01-01 00:00:00.567' AS timestamp(0)) is 2020-01-01 00:00:01 (Calcite truncates).
        assertThat(g.rows("SELECT CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.567' AS timestamp(0)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.567' AS timestamp(1)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.549' AS timestamp(1)) AS varchar),"
                + " CAST(CAST('2020-01-01 23:59:59.5' AS timestamp(0)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '1969-12-31 23:59:59.45' AS timestamp(1)) AS varchar)"))
                .containsExactly(List.of("2020-01-01 00:00:01", "2020-01-01 00:00:00.6", "2020-01-01 00:00:00.5",
                        "2020-01-02 00:00:00", "1969-12-31 23:59:59.5"));
    }

    @Test
    void roundingWorksOnColumnsTryCastTimesAndZonedValues() {
        assertThat(g.rows("SELECT CAST(CAST(ts AS timestamp(0)) AS varchar), CAST(try_cast(s AS timestamp(1)) AS varchar)"
                + " FROM (VALUES (TIMESTAMP '2024-01-02 03:04:05.500', '2024-01-02 03:04:05.96'),"
                + " (TIMESTAMP '2024-01-02 03:04:05.499', 'not a timestamp')) AS t(ts, s)"))
                .containsExactly(List.of("2024-01-02 03:04:06", "2024-01-02 03:04:06.0"),
                        Arrays.asList("2024-01-02 03:04:05", null));
        // A time of day wraps at midnight; a zoned value rounds its instant and keeps its zone.
        assertThat(g.rows("SELECT CAST(CAST(TIME '23:59:59.5' AS time(0)) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.567 Europe/Paris' AS timestamp(0) with time zone)"
                + " AS varchar)"))
                .containsExactly(List.of("00:00:00", "2020-01-01 00:00:01 Europe/Paris"));
    }

    @Test
    void aCastThatAddsDigitsKeepsTheValue() {
        assertThat(g.rows("SELECT CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.567' AS timestamp(6)) AS varchar),"
                + " CAST(TIMESTAMP '2020-01-01 00:00:00.567' AS timestamp(6)) = TIMESTAMP '2020-01-01 00:00:00.567'"))
                .containsExactly(List.of("2020-01-01 00:00:00.567000", "true"));
    }

    @Test
    void zonedLiteralsTakeTheirDigitsAsPrecision() {
        assertThat(g.rows("SELECT typeof(TIMESTAMP '2020-01-01 00:00:00 UTC'),"
                + " typeof(TIMESTAMP '2020-01-01 00:00:00.123456 Europe/Paris'),"
                + " CAST(TIMESTAMP '2020-01-01 00:00:00 UTC' AS varchar),"
                + " TIMESTAMP '2020-01-01 00:00:00 UTC' = TIMESTAMP '2020-01-01 01:00:00.000 +01:00'"))
                .containsExactly(List.of("timestamp(0) with time zone", "timestamp(6) with time zone",
                        "2020-01-01 00:00:00 UTC", "true"));
        // Mixed precisions widen to the larger one and keep each value's zone.
        assertThat(g.rows("SELECT CAST(x AS varchar) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00 UTC',"
                + " TIMESTAMP '2020-01-01 00:00:00.123 Europe/Paris') t(x)"))
                .containsExactly(List.of("2020-01-01 00:00:00.000 UTC"),
                        List.of("2020-01-01 00:00:00.123 Europe/Paris"));
    }
}
