package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Columnar data held as a list of Arrow record batches: the access every holder shares (batches, row counts,
 * vectors, NULL counts and column ranges computed once). Subclasses say where string columns' dictionaries are.
 */
public abstract class RecordBatches implements ColumnarData {

    private final List<Column> columns;
    private final List<VectorSchemaRoot> batches;
    private final long rows;
    private final int maxBatchRows;
    private final Map<Integer, ColumnStats> stats = new ConcurrentHashMap<>();
    /** Per batch and column: 0 not counted yet, 1 no NULLs, 2 some NULLs. */
    private final byte[][] nulls;

    protected RecordBatches(List<Column> columns, List<VectorSchemaRoot> batches) {
        this(columns, batches, new ColumnStats[columns.size()]);
    }

    /**
     * @param ranges per column, a range its values lie in that the readers gave ({@link ColumnarParts.Merged}), taken
     *     as its {@link #stats} instead of a scan of the values; null where none was given
     */
    protected RecordBatches(List<Column> columns, List<VectorSchemaRoot> batches, ColumnStats[] ranges) {
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
        long count = 0;
        int largest = 0;
        for (VectorSchemaRoot batch : batches) {
            count += batch.getRowCount();
            largest = Math.max(largest, batch.getRowCount());
        }
        this.rows = count;
        this.maxBatchRows = largest;
        this.nulls = new byte[batches.size()][columns.size()];
        for (int column = 0; column < ranges.length; column++) {
            if (ranges[column] != null) {
                stats.put(column, ranges[column]);
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
    public ColumnStats stats(int column) {
        return stats.computeIfAbsent(column, index -> ColumnStats.compute(this, index));
    }

    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    public long rows() {
        return rows;
    }
}
