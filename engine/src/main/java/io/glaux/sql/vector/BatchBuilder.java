package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Appends rows, or batches read in columns, to Arrow record batches of at most {@code batchRows} rows each, string
 * columns as ids into dictionaries of their own (or, where the builder keeps distinct values, a column read as values
 * that are nearly all new as those values); only the batch being filled exists as slots being written, earlier
 * batches are sealed vectors. {@link #build} hands everything to the columnar data that holds it (a SPICE version, an
 * aggregate's rows a join reads); {@link #close()} before that frees it all (a failed or cancelled ingestion).
 */
public final class BatchBuilder implements AutoCloseable {

    /** Makes the columnar data that holds what was built, and frees it. */
    @FunctionalInterface
    public interface Holder<T extends ColumnarBatches> {
        T hold(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
               StringDictionary[] dictionaries);
    }

    private static final int INITIAL_CAPACITY = 4096;
    /** The fewest rows of a batch given as values whose share of new values decides that a column keeps values. */
    private static final int VALUES_SAMPLE_ROWS = 64;

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final Schema schema;
    private final int batchRows;
    private final StringDictionary[] dictionaries;
    private final BatchEncoder encoder;
    private final int[] allColumns;
    private final boolean keepsDistinctValues;
    private final List<VectorSchemaRoot> batches = new ArrayList<>();
    private VectorSchemaRoot current;
    private int currentRows;
    private boolean built;

    public BatchBuilder(BufferAllocator allocator, List<Column> columns, int batchRows) {
        this(allocator, columns, batchRows, false);
    }

    /**
     * @param keepsDistinctValues whether a string column whose batches are read as values, and mostly new ones
     *     (more than half of a batch's rows add to the dictionary: comments, names), keeps the values of the batches
     *     that follow rather than ids (the data holds a {@code VarCharVector} in those batches, and
     *     {@link ColumnarBatches#withIds} gives the ids a query needs); the importer's choice, sparing a dictionary
     *     lookup per row where nearly every lookup adds a value
     */
    public BatchBuilder(BufferAllocator allocator, List<Column> columns, int batchRows, boolean keepsDistinctValues) {
        this.keepsDistinctValues = keepsDistinctValues;
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.schema = ColumnCodecs.schema(columns, Map.of());
        this.batchRows = batchRows;
        this.dictionaries = new StringDictionary[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            if (ColumnLayout.isDictionaryEncoded(columns.get(i).type())) {
                dictionaries[i] = new StringDictionary(i, columns.get(i).name(), allocator);
            }
        }
        this.encoder = new BatchEncoder(allocator, columns, dictionaries);
        this.allColumns = java.util.stream.IntStream.range(0, columns.size()).toArray();
    }

    /**
     * Adds one row; returns true when it completed a batch (so the caller can check capacity between batches).
     */
    public boolean append(Object[] row) {
        if (current == null) {
            current = VectorSchemaRoot.create(schema, allocator);
            // A power of two, so doubling lands a full 64K-row batch exactly on its size (Arrow's default start
            // of 3,970 values would end at 127,040, twice the content).
            for (FieldVector vector : current.getFieldVectors()) {
                vector.setInitialCapacity(Math.min(batchRows, INITIAL_CAPACITY));
            }
            current.allocateNew();
            currentRows = 0;
        }
        for (int column = 0; column < columns.size(); column++) {
            Object value = row[column];
            FieldVector vector = current.getVector(column);
            if (value == null) {
                vector.setNull(currentRows);
            } else {
                ColumnCodecs.set(vector, currentRows, columns.get(column).type(), value, dictionaries[column]);
            }
        }
        currentRows++;
        if (currentRows == batchRows) {
            seal();
            return true;
        }
        return false;
    }

    /**
     * Adds a batch of rows read in columns (allocated from this builder's allocator, so its buffers move into the
     * data without a copy) as one batch; the caller's batch is left empty. String columns become
     * ids into the builder's dictionaries: each value of a reader's dictionary is looked up once per dictionary,
     * values given as such once per row.
     */
    public void append(ColumnBatch batch) {
        seal();
        int[] sizes = keepsDistinctValues ? dictionarySizes(batch) : null;
        int rows = batch.rowCount();
        batches.add(encoder.encode(batch, allColumns));
        if (sizes == null) {
            return;
        }
        for (int column = 0; column < sizes.length; column++) {
            if (sizes[column] >= 0 && (dictionaries[column].size() - sizes[column]) * 2L > rows) {
                encoder.holdValues(column);
            }
        }
    }

    /**
     * Per column, the size of its dictionary before {@code batch}, where the batch gives a string column as values
     * that are still encoded and has rows enough to judge them by; else -1.
     */
    private int[] dictionarySizes(ColumnBatch batch) {
        int[] sizes = new int[columns.size()];
        Arrays.fill(sizes, -1);
        for (int column = 0; column < sizes.length; column++) {
            if (dictionaries[column] != null && !encoder.holdsValues(column) && batch.rowCount() >= VALUES_SAMPLE_ROWS
                    && batch.dictionary(column) == null && batch.vector(column) instanceof VarCharVector) {
                sizes[column] = dictionaries[column].size();
            }
        }
        return sizes;
    }

    private void seal() {
        if (current != null) {
            current.setRowCount(currentRows);
            batches.add(currentRows < batchRows / 2 ? exactCopy(current, currentRows) : current);
            current = null;
        }
    }

    /** A short last batch moves into vectors of its own size, so it does not hold a full batch's memory. */
    private VectorSchemaRoot exactCopy(VectorSchemaRoot batch, int rows) {
        VectorSchemaRoot copy = VectorSchemaRoot.create(schema, allocator);
        try {
            for (FieldVector vector : copy.getFieldVectors()) {
                vector.setInitialCapacity(Math.max(rows, 1));
            }
            copy.allocateNew();
            for (int column = 0; column < columns.size(); column++) {
                FieldVector from = batch.getVector(column);
                FieldVector to = copy.getVector(column);
                for (int row = 0; row < rows; row++) {
                    to.copyFromSafe(row, row, from);
                }
            }
            copy.setRowCount(rows);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        } finally {
            batch.close();
        }
        return copy;
    }

    /** Arrow memory taken so far, sealed batches, the batch being filled and the dictionaries together. */
    public long bytes() {
        return allocator.getAllocatedMemory();
    }

    /** The data, held by what {@code holder} makes of it (which then owns the allocator). */
    public <T extends ColumnarBatches> T build(Holder<T> holder) {
        seal();
        built = true;
        return holder.hold(allocator, columns, batches, dictionaries);
    }

    @Override
    public void close() {
        if (built) {
            return;
        }
        if (current != null) {
            current.close();
        }
        ColumnarBatches.free(batches, dictionaries, allocator);
    }
}
