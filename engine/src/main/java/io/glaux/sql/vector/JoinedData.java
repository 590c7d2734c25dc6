package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of a join as columnar data ({@link HashJoin}): record batches gathered from the two sides' columns, string
 * columns still ids into the dictionaries of the side they came from (which stay the sides' and must outlive this).
 * {@link #close()} frees the gathered batches and their allocator (an {@link #empty} one has neither).
 */
public final class JoinedData implements ColumnarData, AutoCloseable {

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final List<VectorSchemaRoot> batches;
    /** Per column, the side column's dictionary values, or null. */
    private final String[][] dictionaries;
    private final int maxBatchRows;
    private final long rows;
    private final Map<Integer, ColumnStats> stats = new ConcurrentHashMap<>();

    JoinedData(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
               String[][] dictionaries) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
        this.dictionaries = dictionaries;
        int largest = 0;
        long count = 0;
        for (VectorSchemaRoot batch : batches) {
            largest = Math.max(largest, batch.getRowCount());
            count += batch.getRowCount();
        }
        this.maxBatchRows = largest;
        this.rows = count;
    }

    /** No rows of {@code columns} (a side without data), string columns with empty dictionaries. */
    public static JoinedData empty(List<Column> columns) {
        String[][] dictionaries = new String[columns.size()][];
        for (int i = 0; i < dictionaries.length; i++) {
            dictionaries[i] = ColumnLayout.isDictionaryEncoded(columns.get(i).type()) ? new String[0] : null;
        }
        return new JoinedData(null, columns, List.of(), dictionaries);
    }

    /** The rows of the join. */
    public long rows() {
        return rows;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int batchCount() {
        return batches.size();
    }

    @Override
    public int rowCount(int batch) {
        return batches.get(batch).getRowCount();
    }

    @Override
    public int maxBatchRows() {
        return maxBatchRows;
    }

    @Override
    public FieldVector vector(int batch, int column) {
        return batches.get(batch).getVector(column);
    }

    @Override
    public boolean hasNulls(int batch, int column) {
        return batches.get(batch).getVector(column).getNullCount() > 0;
    }

    @Override
    public String[] dictionaryValues(int column) {
        return dictionaries[column];
    }

    @Override
    public Object value(int batch, int column, int row) {
        FieldVector vector = vector(batch, column);
        if (dictionaries[column] == null) {
            return ColumnCodecs.get(vector, row, columns.get(column).type(), null);
        }
        return vector.isNull(row) ? null : dictionaries[column][((IntVector) vector).get(row)];
    }

    @Override
    public ColumnStats stats(int column) {
        return stats.computeIfAbsent(column, index -> ColumnStats.compute(this, index));
    }

    /** Frees the gathered batches and their allocator. */
    @Override
    public void close() {
        batches.forEach(VectorSchemaRoot::close);
        if (allocator != null) {
            allocator.close();
        }
    }
}
