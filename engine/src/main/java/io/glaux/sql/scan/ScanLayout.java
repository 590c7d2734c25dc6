package io.glaux.sql.scan;

import java.util.Map;

/**
 * Where each output field of a scan comes from: a position in what the format reader returns for an object, or a
 * partition key's value, which the object's slice carries.
 */
final class ScanLayout {

    /** Per output field: >= 0, the position in the reader's row; < 0, {@code -(partition key index) - 1}. */
    private final int[] fieldSource;

    /**
     * @param fields       the output fields as indexes into the table's columns (data columns, then partition keys)
     * @param dataCount    how many data columns the table has
     * @param readPosition for each data column read, its position in the reader's row
     */
    ScanLayout(int[] fields, int dataCount, Map<Integer, Integer> readPosition) {
        this.fieldSource = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fieldSource[i] = fields[i] < dataCount ? readPosition.get(fields[i]) : -(fields[i] - dataCount) - 1;
        }
    }

    int width() {
        return fieldSource.length;
    }

    /** Whether output field {@code field} is a partition key (its value is the slice's, the same for every row). */
    boolean isPartitionKey(int field) {
        return fieldSource[field] < 0;
    }

    /** The position in the reader's row of data field {@code field}. */
    int readPosition(int field) {
        return fieldSource[field];
    }

    /** The value of partition key field {@code field} in {@code slice}. */
    Object partitionValue(int field, TableScanner.ScanSlice slice) {
        return slice.partitionValues().get(-fieldSource[field] - 1);
    }

    /** A reader's row as the scan's output row. */
    Object[] project(Object[] row, TableScanner.ScanSlice slice) {
        Object[] out = new Object[fieldSource.length];
        for (int i = 0; i < fieldSource.length; i++) {
            int source = fieldSource[i];
            out[i] = source >= 0 ? row[source] : slice.partitionValues().get(-source - 1);
        }
        return out;
    }
}
