package io.glaux.connectors.federation;

import org.apache.arrow.vector.types.TimeUnit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Arrow timestamp units and zones against the engine's timestamp: milliseconds of the wall clock since
 * 1970-01-01T00:00, as if it were UTC. A zoned Arrow timestamp (TIMESTAMPMILLITZ, TIMESTAMPMICROTZ) counts from the
 * epoch in UTC; Glaux has no timestamp with time zone, so it is shown as the wall clock of its zone.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** How many units make a millisecond (1 for coarser units). */
    static long unitsPerMilli(TimeUnit unit) {
        return switch (unit) {
            case MICROSECOND -> 1_000L;
            case NANOSECOND -> 1_000_000L;
            default -> 1L;
        };
    }

    /** How many milliseconds make a unit (1 for finer units). */
    static long millisPerUnit(TimeUnit unit) {
        return unit == TimeUnit.SECOND ? 1_000L : 1L;
    }

    /** The zone of a zoned timestamp type, or null for a timestamp without one. */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Epoch milliseconds (UTC) as the wall clock of {@code zone}, in the engine's form. */
    static long wallClock(long epochMillis, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    /** The engine's wall-clock milliseconds in {@code zone} as epoch milliseconds (UTC). */
    static long epochMillis(long wallClockMillis, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(wallClockMillis), ZoneOffset.UTC).atZone(zone)
                .toInstant().toEpochMilli();
    }
}
