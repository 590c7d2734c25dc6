package io.glaux.connector;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Converts between the engine's value forms for dates and timestamps and {@code java.time}. */
public final class ConnectorValues {

    private ConnectorValues() {
    }

    /** A date as the engine holds it: days since 1970-01-01. */
    public static Integer date(LocalDate date) {
        return date == null ? null : Math.toIntExact(date.toEpochDay());
    }

    public static LocalDate toLocalDate(Object days) {
        return days == null ? null : LocalDate.ofEpochDay(((Number) days).longValue());
    }

    /** A timestamp as the engine holds it: milliseconds since 1970-01-01T00:00, read as if it were UTC. */
    public static Long timestamp(LocalDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public static LocalDateTime toLocalDateTime(Object millis) {
        return millis == null ? null
                : LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) millis).longValue()), ZoneOffset.UTC);
    }
}
