package io.glaux.quicksight.expression;

import java.util.Locale;

/**
 * The periods of QuickSight's date functions and the Trino unit each stands for. WK is a week starting on Sunday; WD
 * (extract only) is the day of the week with Sunday as 1.
 */
enum Period {
    YYYY("year"),
    Q("quarter"),
    MM("month"),
    WK("week"),
    WD(null),
    DD("day"),
    HH("hour"),
    MI("minute"),
    SS("second"),
    MS("millisecond");

    private final String unit;

    Period(String unit) {
        this.unit = unit;
    }

    /** Trino's unit name for date_trunc, date_add and date_diff. */
    String unit() {
        return unit;
    }

    /** The period a literal names (case-insensitive), or null. */
    static Period of(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (Period p : values()) {
            if (p.name().equals(upper)) {
                return p;
            }
        }
        return null;
    }
}
