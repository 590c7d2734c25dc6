package io.glaux.format.csv;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

import java.util.Arrays;

/**
 * A string column of one batch as int32 ids into a dictionary of its distinct values, when it has few: flags, modes
 * and other low-cardinality columns. A consumer that keeps strings as dictionary ids (SPICE) then looks each distinct
 * value up once per batch instead of once per row ({@link io.glaux.format.ColumnBatch} carries the dictionary). The
 * values are compared as bytes copied out of the vector once, which costs far less per row than comparing them in
 * Arrow buffers.
 */
final class SmallDictionary {

    /** More distinct values than this in a batch, and the column stays values. */
    static final int MAX_VALUES = 256;
    private static final int SLOTS = 1024;

    private SmallDictionary() {
    }

    /** The ids and the dictionary of a column's batch. */
    record Encoded(IntVector ids, VarCharVector dictionary) {
    }

    /** The values' ids and dictionary (the caller owns both), or null when the batch has more than {@link #MAX_VALUES}. */
    static Encoded encode(VarCharVector values, int rows, BufferAllocator allocator) {
        if (rows == 0) {
            return null;
        }
        int size = (int) values.getEndOffset(rows - 1);
        byte[] bytes = new byte[size];
        values.getDataBuffer().getBytes(0, bytes, 0, size);
        int[] slots = new int[SLOTS];
        int[] starts = new int[MAX_VALUES];
        int[] ends = new int[MAX_VALUES];
        int[] hashes = new int[MAX_VALUES];
        int[] ids = new int[rows];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (values.isNull(row)) {
                ids[row] = -1;
                continue;
            }
            int start = (int) values.getStartOffset(row);
            int end = (int) values.getEndOffset(row);
            int hash = 1;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + bytes[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            int id = -1;
            while (slots[slot] != 0) {
                int known = slots[slot] - 1;
                if (hashes[known] == hash && Arrays.equals(bytes, start, end, bytes, starts[known], ends[known])) {
                    id = known;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            if (id < 0) {
                if (count == MAX_VALUES) {
                    return null;
                }
                id = count++;
                starts[id] = start;
                ends[id] = end;
                hashes[id] = hash;
                slots[slot] = id + 1;
            }
            ids[row] = id;
        }
        IntVector idVector = new IntVector(values.getName(), allocator);
        VarCharVector dictionary = new VarCharVector(values.getName(), allocator);
        try {
            idVector.allocateNew(rows);
            for (int row = 0; row < rows; row++) {
                if (ids[row] < 0) {
                    idVector.setNull(row);
                } else {
                    idVector.set(row, ids[row]);
                }
            }
            idVector.setValueCount(rows);
            dictionary.allocateNew(Math.max(1, size), count);
            for (int id = 0; id < count; id++) {
                dictionary.setSafe(id, bytes, starts[id], ends[id] - starts[id]);
            }
            dictionary.setValueCount(count);
            return new Encoded(idVector, dictionary);
        } catch (RuntimeException | Error e) {
            idVector.close();
            dictionary.close();
            throw e;
        }
    }
}
