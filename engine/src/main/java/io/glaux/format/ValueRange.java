package io.glaux.format;

/**
 * Bounds on the non-NULL values of an integer-like column of a {@link ColumnBatch}, as its vector holds them
 * ({@link ColumnLayout}: integers, days, milliseconds, unscaled decimals): every such value lies within
 * {@code [min, max]}, which may be wider than the values (a reader that knows a Parquet chunk's dictionary bounds its
 * batches by the dictionary's values, used or not). A reader gives one only where it knows it without another pass,
 * and only for a batch that holds at least one value.
 */
public record ValueRange(long min, long max) {

    public ValueRange {
        if (min > max) {
            throw new IllegalArgumentException("Empty range: " + min + " > " + max);
        }
    }

    /** The smallest range holding this one and {@code other}. */
    public ValueRange union(ValueRange other) {
        return new ValueRange(Math.min(min, other.min), Math.max(max, other.max));
    }

    /** Whether {@code value} lies within. */
    public boolean contains(long value) {
        return value >= min && value <= max;
    }
}
