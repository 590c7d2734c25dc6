package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * The rows of a join as columnar data ({@link HashJoin}): record batches gathered from the two sides' columns, string
 * columns still ids into the dictionaries of the side they came from (which stay the sides' and must outlive this).
 * {@link #close()} frees the gathered batches and their allocator (an {@link #empty} one has neither).
 */
public final class JoinedData extends RecordBatches implements AutoCloseable {

    private final BufferAllocator allocator;
    /** Per column, the side column's dictionary values, or null. */
    private final String[][] dictionaries;

    JoinedData(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
               String[][] dictionaries) {
        super(columns, batches);
        this.allocator = allocator;
        this.dictionaries = dictionaries;
    }

    /** No rows of {@code columns} (a side without data), string columns with empty dictionaries. */
    public static JoinedData empty(List<Column> columns) {
        String[][] dictionaries = new String[columns.size()][];
        for (int i = 0; i < dictionaries.length; i++) {
            dictionaries[i] = ColumnLayout.isDictionaryEncoded(columns.get(i).type()) ? new String[0] : null;
        }
        return new JoinedData(null, columns, List.of(), dictionaries);
    }

    @Override
    public String[] dictionaryValues(int column) {
        return dictionaries[column];
    }

    @Override
    public Object value(int batch, int column, int row) {
        FieldVector vector = vector(batch, column);
        if (dictionaries[column] == null) {
            return ColumnCodecs.get(vector, row, columns().get(column).type(), null);
        }
        return vector.isNull(row) ? null : dictionaries[column][((IntVector) vector).get(row)];
    }

    /** Frees the gathered batches and their allocator. */
    @Override
    public void close() {
        batches().forEach(VectorSchemaRoot::close);
        if (allocator != null) {
            allocator.close();
        }
    }
}
