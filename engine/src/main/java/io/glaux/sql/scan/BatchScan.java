package io.glaux.sql.scan;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowBatches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's rows as {@link ColumnBatch}es of the scan's output fields, one object open at a time: an object is read
 * in columns where its format reader can, else its rows are gathered into batches; a partition key's column is its
 * partition's value repeated. The dictionaries a batch's string ids point into stay valid until the next call of
 * {@link #next()} (an object's source is closed when its last batch has been taken).
 */
public final class BatchScan implements AutoCloseable {

    private final FormatReader reader;
    private final ReadRequest request;
    private final ObjectWalk walk;
    private final ScanLayout layout;
    private final List<Column> columns;
    private final List<Column> readColumns;
    private final ScanContext context;
    private final BufferAllocator allocator;
    private final int maxRows;
    private BatchSource batches;

    BatchScan(FormatReader reader, ReadRequest request, ObjectWalk walk, ScanLayout layout, List<Column> columns,
              ScanContext context, BufferAllocator allocator, int maxRows) {
        this.reader = reader;
        this.request = request;
        this.walk = walk;
        this.layout = layout;
        this.columns = List.copyOf(columns);
        List<Column> read = new ArrayList<>();
        for (int index : request.projection()) {
            read.add(request.dataColumns().get(index));
        }
        this.readColumns = List.copyOf(read);
        this.context = context;
        this.allocator = allocator;
        this.maxRows = maxRows;
    }

    /** The columns of the batches, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The next batch of rows (the caller closes it), or null when every object is read. */
    public ColumnBatch next() {
        try {
            while (true) {
                context.checkCancelled();
                if (batches != null) {
                    ColumnBatch read = batches.next();
                    if (read != null) {
                        return arrange(read);
                    }
                    BatchSource done = batches;
                    batches = null;
                    done.close();
                }
                ObjectSource object = walk.next();
                if (object == null) {
                    return null;
                }
                batches = open(object);
            }
        } catch (RuntimeException | IOException e) {
            throw walk.failure(e);
        }
    }

    private BatchSource open(ObjectSource object) throws IOException {
        var columnar = reader.openBatches(object, request, allocator, maxRows);
        if (columnar.isPresent()) {
            return columnar.get();
        }
        return new RowBatches(reader.open(object, request), readColumns, allocator, maxRows);
    }

    /** The reader's batch (its columns in read order) as the scan's output fields, partition keys filled in. */
    private ColumnBatch arrange(ColumnBatch read) {
        int rows = read.rowCount();
        List<FieldVector> vectors = new ArrayList<>(layout.width());
        List<VarCharVector> dictionaries = new ArrayList<>(layout.width());
        boolean[] used = new boolean[read.columnCount()];
        try {
            for (int field = 0; field < layout.width(); field++) {
                if (layout.isPartitionKey(field)) {
                    vectors.add(constant(columns.get(field), layout.partitionValue(field, walk.slice()), rows));
                    dictionaries.add(null);
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
        return new ColumnBatch(rows, vectors, dictionaries);
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

    @Override
    public void close() {
        if (batches != null) {
            try {
                batches.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                batches = null;
            }
        }
    }
}
