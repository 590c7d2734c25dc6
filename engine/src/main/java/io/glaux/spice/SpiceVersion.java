package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.sql.vector.ColumnStats;
import io.glaux.sql.vector.ColumnarData;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One complete, immutable version of a dataset's data: record batches of Arrow vectors plus one dictionary per
 * string column, all allocated from the version's own allocator (so its memory is exactly
 * {@link #bytes()}). Readers {@link #retain()} it for the length of a scan; the dataset holds one reference until a
 * newer version replaces it, and the memory is freed when the last reference goes.
 */
final class SpiceVersion implements ColumnarData {

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final List<VectorSchemaRoot> batches;
    private final StringDictionary[] dictionaries;
    private final long rows;
    private final AtomicInteger references = new AtomicInteger(1);
    private final java.util.Map<Integer, ColumnStats> stats = new java.util.concurrent.ConcurrentHashMap<>();
    private final int maxBatchRows;
    /** Per batch and column: 0 not counted yet, 1 no NULLs, 2 some NULLs. */
    private final byte[][] nulls;

    SpiceVersion(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                 StringDictionary[] dictionaries) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
        this.dictionaries = dictionaries;
        long count = 0;
        for (VectorSchemaRoot batch : batches) {
            count += batch.getRowCount();
        }
        this.rows = count;
        int largest = 0;
        for (VectorSchemaRoot batch : batches) {
            largest = Math.max(largest, batch.getRowCount());
        }
        this.maxBatchRows = largest;
        this.nulls = new byte[batches.size()][columns.size()];
        for (StringDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                dictionary.freeze();
            }
        }
    }

    /** The Arrow schema of the batches (string columns as dictionary ids), dictionary id = column index. */
    static Schema schema(List<Column> columns, java.util.Map<String, String> metadata) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            fields.add(ColumnCodecs.field(columns.get(i), i));
        }
        return new Schema(fields, metadata);
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

    List<VectorSchemaRoot> batches() {
        return batches;
    }

    /** The dictionary of column {@code index}, or null when that column is not a string column. */
    StringDictionary dictionary(int index) {
        return dictionaries[index];
    }

    long rows() {
        return rows;
    }

    /** Arrow memory held by this version's vectors and dictionaries. */
    long bytes() {
        return allocator.getAllocatedMemory();
    }

    Object value(VectorSchemaRoot batch, int column, int row) {
        FieldVector vector = batch.getVector(column);
        return ColumnCodecs.get(vector, row, columns.get(column).type(), dictionaries[column]);
    }

    /** Takes a reference for a reader; false when the version has already been freed. */
    boolean retain() {
        while (true) {
            int current = references.get();
            if (current == 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            for (VectorSchemaRoot batch : batches) {
                batch.close();
            }
            for (StringDictionary dictionary : dictionaries) {
                if (dictionary != null) {
                    dictionary.close();
                }
            }
            allocator.close();
        }
    }
}
