package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Columnar data held in memory: Arrow record batches plus one {@link StringDictionary} per string column (strings
 * are int32 ids into it), all allocated from one allocator, which {@link #free()} closes with them. A SPICE version
 * is one (kept until no reader needs it), and so is the part of a live table a vectorized query reads (kept for
 * that query). A column the holder did not read has empty vectors; the operators only open columns their query uses.
 */
public class ColumnarBatches implements ColumnarData {

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final List<VectorSchemaRoot> batches;
    private final StringDictionary[] dictionaries;
    private final long rows;
    private final int maxBatchRows;
    private final Map<Integer, ColumnStats> stats = new ConcurrentHashMap<>();
    /** Per batch and column: 0 not counted yet, 1 no NULLs, 2 some NULLs. */
    private final byte[][] nulls;

    /** Takes ownership of the batches, the dictionaries (frozen here) and the allocator they came from. */
    public ColumnarBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                           StringDictionary[] dictionaries) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
        this.dictionaries = dictionaries;
        long count = 0;
        int largest = 0;
        for (VectorSchemaRoot batch : batches) {
            count += batch.getRowCount();
            largest = Math.max(largest, batch.getRowCount());
        }
        this.rows = count;
        this.maxBatchRows = largest;
        this.nulls = new byte[batches.size()][columns.size()];
        for (StringDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                dictionary.freeze();
            }
        }
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
        byte known = nulls[batch][column];
        if (known == 0) {
            known = batches.get(batch).getVector(column).getNullCount() > 0 ? (byte) 2 : (byte) 1;
            nulls[batch][column] = known;
        }
        return known == 2;
    }

    @Override
    public String[] dictionaryValues(int column) {
        return dictionaries[column] == null ? null : dictionaries[column].values();
    }

    @Override
    public Object value(int batch, int column, int row) {
        return value(batches.get(batch), column, row);
    }

    @Override
    public ColumnStats stats(int column) {
        return stats.computeIfAbsent(column, index -> ColumnStats.compute(this, index));
    }

    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    /** The dictionary of column {@code index}, or null when that column is not a string column. */
    public StringDictionary dictionary(int index) {
        return dictionaries[index];
    }

    public long rows() {
        return rows;
    }

    /** Arrow memory held by the vectors and dictionaries. */
    public long bytes() {
        return allocator.getAllocatedMemory();
    }

    public Object value(VectorSchemaRoot batch, int column, int row) {
        FieldVector vector = batch.getVector(column);
        return ColumnCodecs.get(vector, row, columns.get(column).type(), dictionaries[column]);
    }

    /** Frees the vectors, the dictionaries and the allocator. */
    protected final void free() {
        free(batches, dictionaries, allocator);
    }

    /**
     * Frees batches and dictionaries that did not become columnar data (a read that failed), then their allocator
     * unless it is null.
     */
    public static void free(List<VectorSchemaRoot> batches, StringDictionary[] dictionaries,
                            BufferAllocator allocator) {
        batches.forEach(VectorSchemaRoot::close);
        for (int i = 0; i < dictionaries.length; i++) {
            if (dictionaries[i] != null) {
                dictionaries[i].close();
                dictionaries[i] = null;
            }
        }
        if (allocator != null) {
            allocator.close();
        }
    }
}
