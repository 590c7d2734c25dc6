package io.glaux.results;

import java.util.Locale;

/**
 * Times of day as Trino prints them (in results and in a CAST to varchar): a {@code time(p)} (Calcite's value:
 * milliseconds of the day) as {@code HH:MM:SS} followed by p fractional digits, e.g. {@code 01:02:03} for time(0),
 * {@code 01:02:03.456} for time(3). Glaux keeps milliseconds, so digits past the third are zeros.
 */
public final class TimeText {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeText() {
    }

    public static String of(long millisOfDay, int precision) {
        long millis = Math.floorMod(millisOfDay, MILLIS_PER_DAY);
        String text = String.format(Locale.ROOT, "%02d:%02d:%02d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60);
        if (precision <= 0) {
            return text;
        }
        String fraction = String.format(Locale.ROOT, "%03d", millis % 1000) + "0".repeat(Math.max(0, precision - 3));
        return text + "." + fraction.substring(0, precision);
    }
}
