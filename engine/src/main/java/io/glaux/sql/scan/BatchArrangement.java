package io.glaux.sql.scan;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reader's batch (its columns in read order) into the scan's output fields: a column projected twice is
 * copied, a partition key's column is its partition's value repeated; the reader's value ranges go with its columns.
 * Stateless: readers on several threads share one.
 */
final class BatchArrangement {

    private final ScanLayout layout;
    private final List<Column> columns;
    private final BufferAllocator allocator;

    BatchArrangement(ScanLayout layout, List<Column> columns, BufferAllocator allocator) {
        this.layout = layout;
        this.columns = List.copyOf(columns);
        this.allocator = allocator;
    }

    /** The reader's batch as the output fields, partition keys from {@code slice}; {@code read} is taken over. */
    ColumnBatch arrange(ColumnBatch read, TableScanner.ScanSlice slice) {
        int rows = read.rowCount();
        List<FieldVector> vectors = new ArrayList<>(layout.width());
        List<VarCharVector> dictionaries = new ArrayList<>(layout.width());
        List<ValueRange> ranges = new ArrayList<>(layout.width());
        boolean[] used = new boolean[read.columnCount()];
        try {
            for (int field = 0; field < layout.width(); field++) {
                if (layout.isPartitionKey(field)) {
                    vectors.add(constant(columns.get(field), layout.partitionValue(field, slice), rows));
                    dictionaries.add(null);
                    ranges.add(null);
                    continue;
                }
                int position = layout.readPosition(field);
                FieldVector vector = read.vector(position);
                if (used[position]) {
                    // The same column twice in the output: each output vector is owned once.
                    vector = copyOf(vector, rows);
                } else {
                    used[position] = true;
                }
                vectors.add(vector);
                dictionaries.add(read.dictionary(position));
                ranges.add(read.range(position));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            read.close();
            throw e;
        }
        for (int position = 0; position < used.length; position++) {
            if (!used[position]) {
                read.vector(position).close();
            }
        }
        return new ColumnBatch(rows, vectors, dictionaries, ranges);
    }

    private FieldVector copyOf(FieldVector vector, int rows) {
        FieldVector copy = vector.getField().createVector(allocator);
        copy.setInitialCapacity(rows);
        copy.allocateNew();
        for (int row = 0; row < rows; row++) {
            copy.copyFromSafe(row, row, vector);
        }
        copy.setValueCount(rows);
        return copy;
    }

    private FieldVector constant(Column column, Object value, int rows) {
        FieldVector vector = ColumnVectors.create(column.name(), column.type(), allocator);
        try {
            vector.setInitialCapacity(rows);
            vector.allocateNew();
            for (int row = 0; row < rows; row++) {
                if (value == null) {
                    vector.setNull(row);
                } else {
                    ColumnVectors.set(vector, row, column.type(), value);
                }
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }
}
