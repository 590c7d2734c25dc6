package io.glaux.quicksight.refresh;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTimesTest {

    private static RefreshSchedule schedule(String interval, String time, String zone, String dayOfWeek,
            String dayOfMonth, Instant startAfter) {
        return new RefreshSchedule("sales", "s", null, interval, time, zone, dayOfWeek, dayOfMonth, startAfter,
                interval.startsWith("MINUTE") ? "INCREMENTAL_REFRESH" : "FULL_REFRESH");
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void minuteIntervalsAreAlignedToTheHour() {
        assertThat(ScheduleTimes.next(schedule("MINUTE15", null, null, null, null, null), at("2026-12-03T10:07:30Z")))
                .isEqualTo(at("2026-12-03T10:15:00Z"));
        assertThat(ScheduleTimes.next(schedule("MINUTE15", null, null, null, null, null), at("2026-12-03T10:15:00Z")))
                .isEqualTo(at("2026-12-03T10:30:00Z"));
        assertThat(ScheduleTimes.next(schedule("MINUTE30", null, null, null, null, null), at("2026-12-03T10:45:00Z")))
                .isEqualTo(at("2026-12-03T11:00:00Z"));
    }

    @Test
    void hourlyRunsAtTheMinuteOfTheTimeOfTheDay() {
        assertThat(ScheduleTimes.next(schedule("HOURLY", "00:20", null, null, null, null), at("2026-12-03T10:07:00Z")))
                .isEqualTo(at("2026-12-03T10:20:00Z"));
        assertThat(ScheduleTimes.next(schedule("HOURLY", "00:20", null, null, null, null), at("2026-12-03T10:20:00Z")))
                .isEqualTo(at("2026-12-03T11:20:00Z"));
    }

    @Test
    void dailyRunsAtTheTimeOfTheDayInItsTimeZone() {
        RefreshSchedule paris = schedule("DAILY", "06:30", "Europe/Paris", null, null, null);
        assertThat(ScheduleTimes.next(paris, at("2026-12-03T04:00:00Z"))).isEqualTo(at("2026-12-03T05:30:00Z"));
        assertThat(ScheduleTimes.next(paris, at("2026-12-03T05:30:00Z"))).isEqualTo(at("2026-12-04T05:30:00Z"));
        assertThat(ScheduleTimes.next(paris, at("2026-07-01T12:00:00Z"))).isEqualTo(at("2026-07-02T04:30:00Z"));
    }

    @Test
    void weeklyAndMonthlyRunOnTheirDay() {
        // 2026-12-03 is a Thursday.
        assertThat(ScheduleTimes.next(schedule("WEEKLY", "08:00", null, "MONDAY", null, null),
                at("2026-12-03T10:00:00Z"))).isEqualTo(at("2026-12-07T08:00:00Z"));
        assertThat(ScheduleTimes.next(schedule("WEEKLY", "12:00", null, "THURSDAY", null, null),
                at("2026-12-03T10:00:00Z"))).isEqualTo(at("2026-12-03T12:00:00Z"));
        assertThat(ScheduleTimes.next(schedule("MONTHLY", "01:00", null, null, "LAST_DAY_OF_MONTH", null),
                at("2027-02-10T00:00:00Z"))).isEqualTo(at("2027-02-28T01:00:00Z"));
        assertThat(ScheduleTimes.next(schedule("MONTHLY", "01:00", null, null, "3", null),
                at("2026-12-03T02:00:00Z"))).isEqualTo(at("2027-01-03T01:00:00Z"));
    }

    @Test
    void nothingRunsBeforeStartAfterDateTime() {
        assertThat(ScheduleTimes.next(schedule("DAILY", "06:00", null, null, null, at("2026-12-10T06:00:00Z")),
                at("2026-12-03T00:00:00Z"))).isEqualTo(at("2026-12-10T06:00:00Z"));
        assertThat(ScheduleTimes.next(schedule("DAILY", "06:00", null, null, null, at("2026-12-10T07:00:00Z")),
                at("2026-12-03T00:00:00Z"))).isEqualTo(at("2026-12-11T06:00:00Z"));
    }
}
