package io.glaux.sql.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * One column of one batch read straight from its buffers' addresses: no bounds or null checks per value (the
 * operators check validity themselves, and only when the vector has NULLs), no boxing. The loops over selection
 * vectors are here, one per value kind, so each stays a tight monomorphic loop.
 */
public final class ColumnView {

    private final ValueKind kind;
    private final long data;
    private final long validity;
    private final boolean hasNulls;

    /** A view of column {@code column} of batch {@code batch}. */
    public ColumnView(ColumnarData data, int batch, int column, ValueKind kind) {
        this(data.vector(batch, column), kind, data.hasNulls(batch, column));
    }

    private ColumnView(FieldVector vector, ValueKind kind, boolean hasNulls) {
        this.kind = kind == ValueKind.INT64 && vector instanceof org.apache.arrow.vector.DecimalVector
                ? ValueKind.DECIMAL64 : kind;
        this.data = vector.getDataBuffer().memoryAddress();
        this.validity = vector.getValidityBuffer().memoryAddress();
        this.hasNulls = hasNulls;
    }

    public boolean hasNulls() {
        return hasNulls;
    }

    public boolean isNull(int row) {
        return hasNulls && (MemoryUtil.getByte(validity + (row >>> 3)) & (1 << (row & 7))) == 0;
    }

    public long getLong(int row) {
        return switch (kind) {
            case INT8 -> MemoryUtil.getByte(data + row);
            case INT16 -> MemoryUtil.getShort(data + ((long) row << 1));
            case INT32 -> MemoryUtil.getInt(data + ((long) row << 2));
            case INT64 -> MemoryUtil.getLong(data + ((long) row << 3));
            case DECIMAL64 -> MemoryUtil.getLong(data + ((long) row << 4));
            case BIT -> (MemoryUtil.getByte(data + (row >>> 3)) >>> (row & 7)) & 1;
            default -> throw new IllegalStateException("Not an integer-like column: " + kind);
        };
    }

    public double getDouble(int row) {
        return switch (kind) {
            case FLOAT32 -> Float.intBitsToFloat(MemoryUtil.getInt(data + ((long) row << 2)));
            case FLOAT64 -> Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) row << 3)));
            default -> throw new IllegalStateException("Not a floating point column: " + kind);
        };
    }

    /**
     * Widens {@code range} ({@code [min, max]}) to the non-null values of the first {@code count} rows; returns
     * whether there was one. Columns of ints, longs and decimals without NULLs in one loop without a selection.
     */
    public boolean widenRange(int count, long[] range) {
        long min = range[0];
        long max = range[1];
        boolean any = false;
        if (!hasNulls && count > 0 && (kind == ValueKind.INT32 || kind == ValueKind.INT64
                || kind == ValueKind.DECIMAL64)) {
            if (kind == ValueKind.INT32) {
                for (int row = 0; row < count; row++) {
                    long value = MemoryUtil.getInt(data + ((long) row << 2));
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            } else {
                int shift = kind == ValueKind.INT64 ? 3 : 4;
                for (int row = 0; row < count; row++) {
                    long value = MemoryUtil.getLong(data + ((long) row << shift));
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
            any = true;
        } else {
            for (int row = 0; row < count; row++) {
                if (!isNull(row)) {
                    long value = getLong(row);
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    any = true;
                }
            }
        }
        range[0] = min;
        range[1] = max;
        return any;
    }

    /** {@code out[i] = value(rows[i])} for the first {@code count} selected rows. */
    public void readLongs(int[] rows, int count, long[] out) {
        switch (kind) {
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getByte(data + rows[i]);
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getShort(data + ((long) rows[i] << 1));
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getInt(data + ((long) rows[i] << 2));
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getLong(data + ((long) rows[i] << 3));
                }
            }
            case DECIMAL64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = MemoryUtil.getLong(data + ((long) rows[i] << 4));
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    out[i] = getLong(rows[i]);
                }
            }
        }
    }

    public void readDoubles(int[] rows, int count, double[] out) {
        if (kind == ValueKind.FLOAT64) {
            for (int i = 0; i < count; i++) {
                out[i] = Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) rows[i] << 3)));
            }
        } else if (kind == ValueKind.FLOAT32) {
            for (int i = 0; i < count; i++) {
                out[i] = Float.intBitsToFloat(MemoryUtil.getInt(data + ((long) rows[i] << 2)));
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = getLong(rows[i]);
            }
        }
    }

    /** Marks {@code nulls[i]} for selected rows that are NULL; returns whether any was. */
    public boolean readNulls(int[] rows, int count, boolean[] nulls) {
        if (!hasNulls) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            boolean isNull = (MemoryUtil.getByte(validity + (row >>> 3)) & (1 << (row & 7))) == 0;
            nulls[i] = isNull;
            any |= isNull;
        }
        return any;
    }

    /**
     * As {@link #filterRange} over all {@code count} rows of the batch: writes the passing row numbers to
     * {@code rows} without reading a selection first (the first filter of a scan).
     */
    public int filterRangeAll(int[] rows, int count, long low, long high) {
        if (!hasNulls && (kind == ValueKind.INT32 || kind == ValueKind.INT64)) {
            int kept = 0;
            if (kind == ValueKind.INT32) {
                for (int row = 0; row < count; row++) {
                    long value = MemoryUtil.getInt(data + ((long) row << 2));
                    rows[kept] = row;
                    kept += (value >= low & value <= high) ? 1 : 0;
                }
            } else {
                for (int row = 0; row < count; row++) {
                    long value = MemoryUtil.getLong(data + ((long) row << 3));
                    rows[kept] = row;
                    kept += (value >= low & value <= high) ? 1 : 0;
                }
            }
            return kept;
        }
        for (int row = 0; row < count; row++) {
            rows[row] = row;
        }
        return filterRange(rows, count, low, high, true);
    }

    /**
     * Keeps the selected rows whose value lies in [{@code low}, {@code high}] ({@code inside}) or outside it
     * ({@code !inside}); NULLs never pass. Compacts {@code rows} in place and returns the new count.
     */
    public int filterRange(int[] rows, int count, long low, long high, boolean inside) {
        int kept = 0;
        if (!hasNulls && inside) {
            switch (kind) {
                case INT32 -> {
                    for (int i = 0; i < count; i++) {
                        int row = rows[i];
                        long value = MemoryUtil.getInt(data + ((long) row << 2));
                        rows[kept] = row;
                        kept += (value >= low & value <= high) ? 1 : 0;
                    }
                    return kept;
                }
                case INT64 -> {
                    for (int i = 0; i < count; i++) {
                        int row = rows[i];
                        long value = MemoryUtil.getLong(data + ((long) row << 3));
                        rows[kept] = row;
                        kept += (value >= low & value <= high) ? 1 : 0;
                    }
                    return kept;
                }
                case DECIMAL64 -> {
                    for (int i = 0; i < count; i++) {
                        int row = rows[i];
                        long value = MemoryUtil.getLong(data + ((long) row << 4));
                        rows[kept] = row;
                        kept += (value >= low & value <= high) ? 1 : 0;
                    }
                    return kept;
                }
                default -> {
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (isNull(row)) {
                continue;
            }
            long value = getLong(row);
            if ((value >= low && value <= high) == inside) {
                rows[kept++] = row;
            }
        }
        return kept;
    }
}
