package io.glaux.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZonedTimeTest {

    @Test
    void packsTheInstantOfTheDayAndTheOffset() {
        long t = ZonedTime.pack(10 * 3_600_000L, 120);
        assertThat(ZonedTime.localMillis(t)).isEqualTo(10 * 3_600_000L);
        assertThat(ZonedTime.offsetMinutes(t)).isEqualTo(120);
        assertThat(ZonedTime.instant(t)).isEqualTo(8 * 3_600_000L);
        // The instant wraps around midnight: 01:00 at +02:00 is 23:00 in UTC.
        assertThat(ZonedTime.instant(ZonedTime.pack(3_600_000L, 120))).isEqualTo(23 * 3_600_000L);
        assertThat(ZonedTime.localMillis(ZonedTime.pack(3_600_000L, 120))).isEqualTo(3_600_000L);
    }

    @Test
    void printsAsTrinosSqlTimeWithTimeZone() {
        long t = ZonedTime.parse("10:00:00.123 +02:00").orElseThrow();
        assertThat(ZonedTime.format(t, 3)).isEqualTo("10:00:00.123+02:00");
        assertThat(ZonedTime.format(t, 0)).isEqualTo("10:00:00+02:00");
        assertThat(ZonedTime.format(t, 6)).isEqualTo("10:00:00.123000+02:00");
        assertThat(ZonedTime.format(ZonedTime.parse("23:59-05:30").orElseThrow(), 0)).isEqualTo("23:59:00-05:30");
        assertThat(ZonedTime.format(ZonedTime.parse("7:05:09 +00:00").orElseThrow(), 0)).isEqualTo("07:05:09+00:00");
    }

    @Test
    void readsOnlyTimesWithAnOffset() {
        assertThat(ZonedTime.hasZone("10:00:00 +02:00")).isTrue();
        assertThat(ZonedTime.hasZone("10:00:00")).isFalse();
        assertThat(ZonedTime.parse("24:00:00 +02:00")).isEmpty();
        assertThat(ZonedTime.parse("10:00:00 +15:00")).isEmpty();
        assertThat(ZonedTime.precision("10:00:00.12 +02:00", 9, 3)).isEqualTo(2);
    }
}
