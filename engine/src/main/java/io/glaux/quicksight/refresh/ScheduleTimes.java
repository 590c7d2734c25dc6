package io.glaux.quicksight.refresh;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** When a refresh schedule runs next, in its time zone. */
public final class ScheduleTimes {

    private ScheduleTimes() {
    }

    /** The first run of {@code schedule} strictly after {@code after} (and not before its StartAfterDateTime). */
    public static Instant next(RefreshSchedule schedule, Instant after) {
        Instant from = after;
        if (schedule.startAfter() != null && schedule.startAfter().isAfter(after)) {
            from = schedule.startAfter().minusNanos(1);
        }
        ZoneId zone = zone(schedule.timezone());
        ZonedDateTime now = from.atZone(zone);
        LocalTime time = time(schedule.timeOfTheDay());
        ZonedDateTime next = switch (schedule.interval()) {
            case "MINUTE15" -> everyMinutes(now, 15);
            case "MINUTE30" -> everyMinutes(now, 30);
            case "HOURLY" -> {
                ZonedDateTime candidate = now.truncatedTo(ChronoUnit.HOURS).withMinute(time.getMinute());
                yield candidate.isAfter(now) ? candidate : candidate.plusHours(1);
            }
            case "DAILY" -> {
                ZonedDateTime candidate = now.with(time).truncatedTo(ChronoUnit.MINUTES);
                yield candidate.isAfter(now) ? candidate : candidate.plusDays(1);
            }
            case "WEEKLY" -> {
                DayOfWeek day = DayOfWeek.valueOf(schedule.dayOfWeek().toUpperCase(Locale.ROOT));
                ZonedDateTime candidate = now.with(TemporalAdjusters.nextOrSame(day)).with(time)
                        .truncatedTo(ChronoUnit.MINUTES);
                yield candidate.isAfter(now) ? candidate : candidate.plusWeeks(1);
            }
            case "MONTHLY" -> {
                ZonedDateTime candidate = onDayOfMonth(now, schedule.dayOfMonth(), time);
                yield candidate.isAfter(now) ? candidate : onDayOfMonth(now.plusMonths(1).withDayOfMonth(1),
                        schedule.dayOfMonth(), time);
            }
            default -> throw new IllegalArgumentException("Unknown refresh interval " + schedule.interval());
        };
        return next.toInstant();
    }

    static ZoneId zone(String timezone) {
        return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    static LocalTime time(String timeOfTheDay) {
        return timeOfTheDay == null || timeOfTheDay.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(timeOfTheDay);
    }

    private static ZonedDateTime everyMinutes(ZonedDateTime now, int minutes) {
        ZonedDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
        int slot = now.getMinute() / minutes + 1;
        return hour.plusMinutes((long) slot * minutes);
    }

    private static ZonedDateTime onDayOfMonth(ZonedDateTime month, String dayOfMonth, LocalTime time) {
        ZonedDateTime day = "LAST_DAY_OF_MONTH".equals(dayOfMonth)
                ? month.with(TemporalAdjusters.lastDayOfMonth())
                : month.withDayOfMonth(Integer.parseInt(dayOfMonth));
        return day.with(time).truncatedTo(ChronoUnit.MINUTES);
    }
}
