package io.glaux.sql.vector;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Writes integer-like values as {@link ColumnView#getLong} reads them (a date's days, a timestamp's milliseconds, a
 * decimal's unscaled value, a boolean's 0 or 1) into the vectors of {@link io.glaux.format.ColumnLayout}: what an
 * aggregate's groups and results need to become columns without boxing.
 */
public final class LongSlots {

    private LongSlots() {
    }

    /** Whether {@link #setAll} can write into {@code vector}. */
    public static boolean holdsLongs(FieldVector vector) {
        return vector instanceof BigIntVector || vector instanceof IntVector || vector instanceof DateDayVector
                || vector instanceof TimeStampMilliVector || vector instanceof DecimalVector
                || vector instanceof SmallIntVector || vector instanceof TinyIntVector || vector instanceof BitVector;
    }

    /**
     * Sets slots {@code 0 .. count-1}, which the vector has room for, to {@code values}, or to NULL where
     * {@code nulls} (null when none is) says so, and sets the vector's value count.
     */
    public static void setAll(FieldVector vector, long[] values, boolean[] nulls, int count) {
        if (vector instanceof BigIntVector longs) {
            for (int row = 0; row < count; row++) {
                longs.set(row, values[row]);
            }
        } else if (vector instanceof IntVector ints) {
            for (int row = 0; row < count; row++) {
                ints.set(row, (int) values[row]);
            }
        } else if (vector instanceof DateDayVector days) {
            for (int row = 0; row < count; row++) {
                days.set(row, (int) values[row]);
            }
        } else if (vector instanceof TimeStampMilliVector millis) {
            for (int row = 0; row < count; row++) {
                millis.set(row, values[row]);
            }
        } else if (vector instanceof DecimalVector decimals) {
            for (int row = 0; row < count; row++) {
                decimals.set(row, values[row]);
            }
        } else if (vector instanceof SmallIntVector shorts) {
            for (int row = 0; row < count; row++) {
                shorts.set(row, (short) values[row]);
            }
        } else if (vector instanceof TinyIntVector bytes) {
            for (int row = 0; row < count; row++) {
                bytes.set(row, (byte) values[row]);
            }
        } else if (vector instanceof BitVector bits) {
            for (int row = 0; row < count; row++) {
                bits.set(row, (int) values[row]);
            }
        } else {
            throw new IllegalArgumentException("Not an integer-like vector: " + vector.getField());
        }
        if (nulls != null) {
            for (int row = 0; row < count; row++) {
                if (nulls[row]) {
                    vector.setNull(row);
                }
            }
        }
        vector.setValueCount(count);
    }
}
