package io.glaux.sql.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies chosen rows of a column's batches into a new vector, row {@code i} of the result from the {@code i}-th row
 * chosen: a join's result gathered from its sides. Values of 1, 2, 4, 8 or 16 bytes (integers, dates, ids, decimals,
 * doubles) are copied through the buffers, and a batch without NULLs sets the result's validity bits in bulk; other
 * vectors (strings held as values, booleans) copy row by row through Arrow.
 */
final class RowGather {

    private RowGather() {
    }

    /**
     * Row {@code rows[i]} of {@code from} into row {@code i} of {@code to} for each {@code i < count}; {@code to} has
     * room for {@code count} rows, all NULL. {@code fromHasNulls}: whether {@code from} may hold a NULL.
     */
    static void rows(FieldVector from, boolean fromHasNulls, int[] rows, int count, FieldVector to) {
        int width = fixedWidth(from, to, count);
        if (width < 0) {
            for (int i = 0; i < count; i++) {
                to.copyFrom(rows[i], i, from);
            }
            return;
        }
        long source = from.getDataBuffer().memoryAddress();
        long target = to.getDataBuffer().memoryAddress();
        if (!fromHasNulls) {
            setAllValid(to, count);
            for (int i = 0; i < count; i++) {
                copy(source, rows[i], target, i, width);
            }
            return;
        }
        long sourceValidity = from.getValidityBuffer().memoryAddress();
        long targetValidity = to.getValidityBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (isSet(sourceValidity, row)) {
                copy(source, row, target, i, width);
                set(targetValidity, i);
            }
        }
    }

    /**
     * The row of each reference ({@link JoinTable#reference}: a batch of {@code data} and a row in it; negative for
     * NULL) in column {@code column} into row {@code i} of {@code to}, for each {@code i < count}; {@code to} has room
     * for {@code count} rows, all NULL.
     */
    static void references(ColumnarData data, int column, long[] references, int count, FieldVector to) {
        int batches = data.batchCount();
        FieldVector[] vectors = new FieldVector[batches];
        int width = -1;
        if (batches > 0) {
            FieldVector first = data.vector(0, column);
            width = fixedWidth(first, to, count);
        }
        if (width < 0) {
            for (int i = 0; i < count; i++) {
                long reference = references[i];
                if (reference >= 0) {
                    int batch = JoinTable.batchOf(reference);
                    FieldVector from = vectors[batch];
                    if (from == null) {
                        from = data.vector(batch, column);
                        vectors[batch] = from;
                    }
                    to.copyFrom(JoinTable.rowOf(reference), i, from);
                }
            }
            return;
        }
        long[] addresses = new long[batches];
        // Per batch, its validity buffer's address, or 0 when it holds no NULL.
        long[] validities = new long[batches];
        boolean[] seen = new boolean[batches];
        long target = to.getDataBuffer().memoryAddress();
        long targetValidity = to.getValidityBuffer().memoryAddress();
        for (int i = 0; i < count; i++) {
            long reference = references[i];
            if (reference < 0) {
                continue;
            }
            int batch = JoinTable.batchOf(reference);
            if (!seen[batch]) {
                FieldVector from = data.vector(batch, column);
                addresses[batch] = from.getDataBuffer().memoryAddress();
                validities[batch] = data.hasNulls(batch, column) ? from.getValidityBuffer().memoryAddress() : 0;
                seen[batch] = true;
            }
            int row = JoinTable.rowOf(reference);
            long validity = validities[batch];
            if (validity == 0 || isSet(validity, row)) {
                copy(addresses[batch], row, target, i, width);
                set(targetValidity, i);
            }
        }
    }

    /**
     * The bytes per value when both vectors hold fixed-width values of one width that the buffers copy (and
     * {@code to} has room for {@code count}), else -1.
     */
    private static int fixedWidth(FieldVector from, FieldVector to, int count) {
        if (!(from instanceof BaseFixedWidthVector source) || !(to instanceof BaseFixedWidthVector target)
                || from instanceof BitVector || to instanceof BitVector) {
            return -1;
        }
        int width = source.getTypeWidth();
        if (width != target.getTypeWidth() || width <= 0 || target.getValueCapacity() < count) {
            return -1;
        }
        return width;
    }

    private static void copy(long source, int row, long target, int i, int width) {
        switch (width) {
            case Long.BYTES -> MemoryUtil.putLong(target + ((long) i << 3),
                    MemoryUtil.getLong(source + ((long) row << 3)));
            case Integer.BYTES -> MemoryUtil.putInt(target + ((long) i << 2),
                    MemoryUtil.getInt(source + ((long) row << 2)));
            case 2 * Long.BYTES -> {
                long from = source + ((long) row << 4);
                long into = target + ((long) i << 4);
                MemoryUtil.putLong(into, MemoryUtil.getLong(from));
                MemoryUtil.putLong(into + Long.BYTES, MemoryUtil.getLong(from + Long.BYTES));
            }
            default -> MemoryUtil.copyMemory(source + (long) row * width, target + (long) i * width, width);
        }
    }

    private static boolean isSet(long validity, int row) {
        return (MemoryUtil.getByte(validity + (row >>> 3)) & (1 << (row & 7))) != 0;
    }

    private static void set(long validity, int i) {
        long at = validity + (i >>> 3);
        MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (i & 7))));
    }

    /** Marks the first {@code count} rows of {@code to} as not NULL. */
    private static void setAllValid(FieldVector to, int count) {
        ArrowBuf validity = to.getValidityBuffer();
        validity.setOne(0, count >>> 3);
        if ((count & 7) != 0) {
            validity.setByte(count >>> 3, (1 << (count & 7)) - 1);
        }
    }
}
