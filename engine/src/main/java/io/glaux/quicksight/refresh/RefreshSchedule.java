package io.glaux.quicksight.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * A dataset's refresh schedule, as CreateRefreshSchedule takes it.
 *
 * @param interval MINUTE15, MINUTE30 (incremental refreshes only), HOURLY, DAILY, WEEKLY or MONTHLY
 * @param timeOfTheDay {@code HH:mm} in {@code timezone} (the minute past the hour for HOURLY), or null for 00:00
 * @param timezone a time zone id such as {@code Europe/Paris}; UTC when not given
 * @param dayOfWeek SUNDAY..SATURDAY for WEEKLY, else null
 * @param dayOfMonth 1..28 or LAST_DAY_OF_MONTH for MONTHLY, else null
 * @param startAfter no run before this instant, or null
 * @param refreshType FULL_REFRESH or INCREMENTAL_REFRESH
 */
public record RefreshSchedule(String dataSetId, String scheduleId, String arn, String interval, String timeOfTheDay,
        String timezone, String dayOfWeek, String dayOfMonth, Instant startAfter, String refreshType) {

    public RefreshSchedule {
        Objects.requireNonNull(dataSetId, "dataSetId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(refreshType, "refreshType");
    }

    /** The key of a schedule among all datasets' schedules. */
    public String key() {
        return dataSetId + "\n" + scheduleId;
    }
}
