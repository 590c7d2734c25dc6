package io.glaux.sql;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Values of Trino's {@code time(p)}: printed in results and cast to varchar with p fractional digits. */
class TimeValuesEndToEndTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("n bigint", "1\n");

    @Test
    void timesPrintWithTheirPrecision() {
        assertThat(g.rows("SELECT TIME '01:02:03', TIME '01:02:03.456', ARRAY[TIME '10:00:00']"))
                .containsExactly(List.of("01:02:03", "01:02:03.456", "[10:00:00]"));
    }

    @Test
    void timeWithoutAPrecisionIsTimeOfThreeDigits() {
        assertThat(g.rows("SELECT CAST(TIMESTAMP '2020-01-02 03:04:05.678' AS time),"
                + " typeof(CAST(TIMESTAMP '2020-01-02 03:04:05.678' AS time)), CAST('10:11:12.5' AS time)"))
                .containsExactly(List.of("03:04:05.678", "time(3)", "10:11:12.500"));
    }

    @Test
    void timesCastToVarcharAsTrinoPrintsThem() {
        assertThat(g.rows("SELECT CAST(TIME '01:02:03.456' AS varchar), CAST(TIME '01:02:03' AS varchar),"
                + " CAST(CAST('10:11:12.5' AS time) AS varchar)"))
                .containsExactly(List.of("01:02:03.456", "01:02:03", "10:11:12.500"));
    }

    @Test
    void timesCompareAndOrder() {
        assertThat(g.rows("SELECT t FROM (VALUES TIME '12:00:00', TIME '01:30:00', TIME '23:59:59') v(t)"
                + " WHERE t > TIME '01:00:00' ORDER BY t"))
                .containsExactly(List.of("01:30:00"), List.of("12:00:00"), List.of("23:59:59"));
    }
}
