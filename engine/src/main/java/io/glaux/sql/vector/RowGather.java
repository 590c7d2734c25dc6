package io.glaux.sql.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies chosen rows of a column's batches into a new vector, row {@code i} of the result from the {@code i}-th row
 * chosen: a join's result gathered from its sides. Values of 1, 2, 4, 8 or 16 bytes (integers, dates, ids, decimals,
 * doubles) are copied through the buffers, and a batch without NULLs sets the result's validity bits in bulk; strings
 * held as values are copied through the buffers too, into a vector sized for their bytes once they are counted;
 * booleans copy row by row through Arrow.
 */
final class RowGather {

    private RowGather() {
    }

    /**
     * Row {@code rows[i]} of {@code from} into row {@code i} of {@code to} for each {@code i < count}; {@code to} has
     * room for {@code count} rows, all NULL. {@code fromHasNulls}: whether {@code from} may hold a NULL.
     */
    static void rows(FieldVector from, boolean fromHasNulls, int[] rows, int count, FieldVector to) {
        if (to instanceof BaseVariableWidthVector target) {
            BaseVariableWidthVector[] source = {variableWidth(from, target)};
            gatherValues(source, rows, null, count, target);
            return;
        }
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
        if (to instanceof BaseVariableWidthVector target) {
            BaseVariableWidthVector[] sources = new BaseVariableWidthVector[batches];
            for (int batch = 0; batch < batches; batch++) {
                sources[batch] = variableWidth(data.vector(batch, column), target);
            }
            gatherValues(sources, null, references, count, target);
            return;
        }
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

    /** {@code from} as a vector of values of {@code to}'s type (a string column held as values in every batch). */
    private static BaseVariableWidthVector variableWidth(FieldVector from, BaseVariableWidthVector to) {
        if (!(from instanceof BaseVariableWidthVector source) || source.getMinorType() != to.getMinorType()) {
            throw new IllegalStateException("Cannot gather " + from.getField() + " into " + to.getField());
        }
        return source;
    }

    /**
     * Variable-width values into {@code to}, row {@code i} from row {@code rows[i]} of {@code sources[0]} or, with
     * {@code references} instead of {@code rows}, from the batch and row of {@code references[i]} (negative: NULL):
     * their bytes are counted first, so the vector is allocated once at its size.
     */
    private static void gatherValues(BaseVariableWidthVector[] sources, int[] rows, long[] references, int count,
                                     BaseVariableWidthVector to) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            BaseVariableWidthVector from = source(sources, references, i);
            int row = rows != null ? rows[i] : JoinTable.rowOf(references[i]);
            if (from != null && !from.isNull(row)) {
                bytes += from.getValueLength(row);
            }
        }
        to.allocateNew(Math.max(1, bytes), count);
        long offsets = to.getOffsetBuffer().memoryAddress();
        long data = to.getDataBuffer().memoryAddress();
        long validity = to.getValidityBuffer().memoryAddress();
        int offset = 0;
        MemoryUtil.putInt(offsets, 0);
        for (int i = 0; i < count; i++) {
            BaseVariableWidthVector from = source(sources, references, i);
            int row = rows != null ? rows[i] : JoinTable.rowOf(references[i]);
            if (from != null && !from.isNull(row)) {
                long start = from.getStartOffset(row);
                int length = from.getValueLength(row);
                MemoryUtil.copyMemory(from.getDataBuffer().memoryAddress() + start, data + offset, length);
                offset += length;
                set(validity, i);
            }
            MemoryUtil.putInt(offsets + ((long) (i + 1) << 2), offset);
        }
        to.setLastSet(count - 1);
    }

    /** The vector result row {@code i} comes from: the one source, else its reference's batch (null for none). */
    private static BaseVariableWidthVector source(BaseVariableWidthVector[] sources, long[] references, int i) {
        if (references == null) {
            return sources[0];
        }
        return references[i] < 0 ? null : sources[JoinTable.batchOf(references[i])];
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
