package io.glaux.results;

/**
 * Intervals as Trino prints them (in results and in a CAST to varchar): a day-to-second interval (Calcite's value:
 * milliseconds) as {@code D HH:MM:SS.mmm}, e.g. {@code 2 22:00:00.000}; a year-to-month interval (months) as
 * {@code Y-M}, e.g. {@code 1-2}. A negative interval has one leading minus sign.
 */
public final class IntervalText {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IntervalText() {
    }

    /** A day-to-second interval of {@code millis} milliseconds. */
    public static String dayToSecond(long millis) {
        if (millis == Long.MIN_VALUE) {
            // -millis overflows; the magnitude, one past Long.MAX_VALUE, printed by hand.
            return "-106751991167 07:12:55.808";
        }
        long magnitude = Math.abs(millis);
        long days = magnitude / MILLIS_PER_DAY;
        long rest = magnitude % MILLIS_PER_DAY;
        return String.format("%s%d %02d:%02d:%02d.%03d", millis < 0 ? "-" : "", days, rest / 3_600_000,
                rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
    }

    /** A year-to-month interval of {@code months} months. */
    public static String yearToMonth(long months) {
        long magnitude = Math.abs(months);
        return (months < 0 ? "-" : "") + magnitude / 12 + "-" + magnitude % 12;
    }
}
