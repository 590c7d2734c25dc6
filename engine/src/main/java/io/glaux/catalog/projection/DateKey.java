package io.glaux.catalog.projection;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code date}: the instants from {@code start} to {@code end} inclusive in steps of {@code interval} {@code unit}s,
 * written with {@code format} ({@code projection.<key>.format}, a {@link DateTimeFormatter} pattern, as Athena's).
 */
public record DateKey(String name, DateTimeFormatter format, LocalDateTime start, LocalDateTime end, long interval,
                      ChronoUnit unit) implements ProjectedKey {

    @Override
    public long count() {
        return end.isBefore(start) ? 0 : unit.between(start, end) / interval + 1;
    }

    @Override
    public List<String> values() {
        List<String> values = new ArrayList<>();
        for (LocalDateTime t = start; !t.isAfter(end); t = t.plus(interval, unit)) {
            values.add(format.format(t));
        }
        return values;
    }
}
