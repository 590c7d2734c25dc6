package io.glaux.format;

import java.util.Map;

/**
 * What an object's own metadata says about its rows without reading them (a Parquet footer): how many there are and,
 * per column (by lower-case name), the least and greatest value of integer-like columns (integers, dates).
 */
public record ObjectStatistics(long rows, Map<String, ValueRange> ranges) {

    public ObjectStatistics {
        ranges = Map.copyOf(ranges);
    }

    /** The least and greatest non-NULL value of a column, as a long. */
    public record ValueRange(long min, long max) {

        public ValueRange union(ValueRange other) {
            return new ValueRange(Math.min(min, other.min), Math.max(max, other.max));
        }

        /** How many distinct values fit in the range. */
        public double width() {
            return (double) max - (double) min + 1;
        }
    }
}
