package io.glaux.spice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * QuickSight's {@code IncrementalRefresh.LookbackWindow}: an incremental refresh re-reads the rows whose
 * {@code columnName} (a date or timestamp column of the dataset) falls within the last {@code size} {@code unit}s,
 * and keeps every other row as it is.
 *
 * <p>The cutoff of a refresh at time T is {@code T - size * unit}, truncated to milliseconds (the precision of SPICE
 * timestamps). A timestamp (no time zone, read as UTC) is inside the window when it is at or after the cutoff; a date
 * is inside when it is on or after the cutoff's UTC date, so the day the cutoff falls in is re-read whole. NULLs are
 * never inside. A window reaching back before 0001-01-01T00:00Z covers every non-NULL value.
 */
public record LookbackWindow(String columnName, long size, SizeUnit unit) {

    /** QuickSight's LookbackWindow SizeUnit values. */
    public enum SizeUnit {
        HOUR(3_600L), DAY(86_400L), WEEK(604_800L);

        private final long seconds;

        SizeUnit(long seconds) {
            this.seconds = seconds;
        }

        /** The length of one unit in seconds. */
        public long seconds() {
            return seconds;
        }
    }

    /** The earliest cutoff written as a SQL literal; a window reaching further back covers all time. */
    static final Instant EARLIEST_CUTOFF = Instant.parse("0001-01-01T00:00:00Z");

    public LookbackWindow {
        Objects.requireNonNull(columnName, "columnName");
        Objects.requireNonNull(unit, "unit");
        if (columnName.isBlank()) {
            throw new IllegalArgumentException("A lookback window needs a column name");
        }
        if (size < 1) {
            throw new IllegalArgumentException("A lookback window's size must be at least 1: " + size);
        }
        columnName = columnName.toLowerCase(Locale.ROOT);
    }

    /**
     * The cutoff of a refresh at {@code refreshTime}: {@code refreshTime - size * unit}, truncated to milliseconds;
     * empty when that is before {@link #EARLIEST_CUTOFF} (the window then covers every value).
     */
    public Optional<Instant> cutoff(Instant refreshTime) {
        long maxSeconds = refreshTime.getEpochSecond() - EARLIEST_CUTOFF.getEpochSecond();
        if (size > maxSeconds / unit.seconds()) {
            return Optional.empty();
        }
        Instant cutoff = refreshTime.minusSeconds(size * unit.seconds()).truncatedTo(ChronoUnit.MILLIS);
        return cutoff.isBefore(EARLIEST_CUTOFF) ? Optional.empty() : Optional.of(cutoff);
    }
}
