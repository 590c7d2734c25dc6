package io.glaux.format;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a {@link RowSource} gathered into {@link ColumnBatch}es (strings as values): how an object whose reader
 * cannot decode columns still reaches a consumer of batches.
 */
public final class RowBatches implements BatchSource {

    private final RowSource rows;
    private final List<Column> columns;
    private final BufferAllocator allocator;
    private final int maxRows;
    private boolean done;

    /** @param columns the columns of the source's rows, in order */
    public RowBatches(RowSource rows, List<Column> columns, BufferAllocator allocator, int maxRows) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.allocator = allocator;
        this.maxRows = maxRows;
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (done) {
            return null;
        }
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
            for (Column column : columns) {
                FieldVector vector = ColumnVectors.create(column.name(), column.type(), allocator);
                vectors.add(vector);
                vector.setInitialCapacity(Math.min(maxRows, 4096));
                vector.allocateNew();
            }
            int count = 0;
            while (count < maxRows) {
                Object[] row = rows.next();
                if (row == null) {
                    done = true;
                    break;
                }
                for (int c = 0; c < row.length; c++) {
                    AthenaType type = columns.get(c).type();
                    if (row[c] == null) {
                        vectors.get(c).setNull(count);
                    } else {
                        ColumnVectors.set(vectors.get(c), count, type, row[c]);
                    }
                }
                count++;
            }
            if (count == 0) {
                vectors.forEach(FieldVector::close);
                return null;
            }
            for (FieldVector vector : vectors) {
                vector.setValueCount(count);
            }
            return new ColumnBatch(count, vectors, null);
        } catch (IOException | RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
