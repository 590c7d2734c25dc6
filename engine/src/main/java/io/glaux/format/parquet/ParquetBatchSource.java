package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one Parquet object as column batches, decoded column chunk by column chunk with parquet-column's
 * column readers (no record assembly). It opens the object exactly as the row path does ({@link OpenedParquet}: the
 * same plan, the same row groups and pages skipped by the request's predicates), so it yields the same rows in the
 * same order. Batches never span row groups: a batch holds at most {@code maxRows} rows of one row group, so a
 * string column's ids always point into one chunk's dictionary. Dictionaries stay open until the source closes.
 */
final class ParquetBatchSource implements BatchSource {

    private final String objectName;
    private final ParquetFileReader reader;
    private final MessageType requestedSchema;
    private final String createdBy;
    private final BufferAllocator allocator;
    private final int maxRows;
    private final List<Column> outputColumns;
    private final ColumnDecoder[] decoders;
    private final int[][] slots;
    private final List<VarCharVector> dictionaries = new ArrayList<>();
    /** Rows left when no column is read (every projected column is missing from the file): all NULL. */
    private long nullRowsLeft;
    private long rowsLeftInGroup;
    private boolean closed;

    private ParquetBatchSource(String objectName, OpenedParquet opened, BufferAllocator allocator, int maxRows,
                               List<Column> outputColumns, ColumnDecoder[] decoders) {
        this.objectName = objectName;
        this.reader = opened.reader();
        this.requestedSchema = opened.plan().requestedSchema();
        this.createdBy = opened.createdBy();
        this.allocator = allocator;
        this.maxRows = maxRows;
        this.outputColumns = outputColumns;
        this.decoders = decoders;
        this.slots = opened.plan().slots();
        this.nullRowsLeft = opened.nullRows();
    }

    /** Whether every projected column has a columnar layout (no arrays, maps or structs). */
    static boolean reads(ReadRequest request) {
        for (int column : request.projection()) {
            if (!ColumnLayout.isSupported(request.dataColumns().get(column).type())) {
                return false;
            }
        }
        return true;
    }

    /** Empty when a projected column has no columnar layout (arrays, maps, structs). */
    static Optional<BatchSource> open(ObjectSource source, ByteRange range, ReadRequest request,
                                      BufferAllocator allocator, int maxRows) throws IOException {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        if (!reads(request)) {
            return Optional.empty();
        }
        List<Column> outputColumns = new ArrayList<>();
        for (int column : request.projection()) {
            outputColumns.add(request.dataColumns().get(column));
        }
        OpenedParquet opened = OpenedParquet.open(source, range, request);
        try {
            ReadPlanner.RowPlan plan = opened.plan();
            ColumnDecoder[] decoders = new ColumnDecoder[plan.fields().size()];
            for (int i = 0; i < decoders.length; i++) {
                decoders[i] = ColumnDecoder.of(plan.fields().get(i).requested().asPrimitiveType(),
                        outputColumns.get(plan.slots()[i][0]));
            }
            return Optional.of(new ParquetBatchSource(source.name(), opened, allocator, maxRows, outputColumns,
                    decoders));
        } catch (RuntimeException e) {
            if (opened.reader() != null) {
                opened.reader().close();
            }
            throw e;
        }
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (closed) {
            return null;
        }
        if (reader == null) {
            if (nullRowsLeft == 0) {
                return null;
            }
            int rows = (int) Math.min(maxRows, nullRowsLeft);
            nullRowsLeft -= rows;
            return assemble(rows, new ColumnDecoder.Decoded[0]);
        }
        ColumnDecoder.Decoded[] decoded = new ColumnDecoder.Decoded[decoders.length];
        try {
            while (rowsLeftInGroup == 0) {
                PageReadStore pages = reader.readNextFilteredRowGroup();
                if (pages == null) {
                    return null;
                }
                rowsLeftInGroup = pages.getRowCount();
                if (rowsLeftInGroup > 0) {
                    startRowGroup(pages);
                }
            }
            int rows = (int) Math.min(maxRows, rowsLeftInGroup);
            for (int i = 0; i < decoders.length; i++) {
                decoded[i] = decoders[i].decode(rows, allocator);
            }
            rowsLeftInGroup -= rows;
            return assemble(rows, decoded);
        } catch (IOException | RuntimeException e) {
            for (ColumnDecoder.Decoded column : decoded) {
                if (column != null) {
                    column.vector().close();
                }
            }
            throw ParquetErrors.readFailure(e, objectName);
        }
    }

    private void startRowGroup(PageReadStore pages) {
        BlockMetaData block = reader.getRowGroups().get(reader.getCurrentRowGroupIndex());
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new Root(), requestedSchema, createdBy);
        List<ColumnDescriptor> columns = requestedSchema.getColumns();
        for (int i = 0; i < decoders.length; i++) {
            ColumnDescriptor descriptor = columns.get(i);
            VarCharVector dictionary = decoders[i].startChunk(store, pages, descriptor, chunk(block, descriptor),
                    allocator);
            if (dictionary != null) {
                dictionaries.add(dictionary);
            }
        }
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor descriptor) {
        String[] path = descriptor.getPath();
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (Arrays.equals(chunk.getPath().toArray(), path)) {
                return chunk;
            }
        }
        throw new IllegalStateException("No column chunk for " + Arrays.toString(path));
    }

    /** Places each decoded file column in its output slots (a copy for a column projected twice), NULLs elsewhere. */
    private ColumnBatch assemble(int rows, ColumnDecoder.Decoded[] decoded) {
        int width = outputColumns.size();
        FieldVector[] vectors = new FieldVector[width];
        VarCharVector[] batchDictionaries = new VarCharVector[width];
        ValueRange[] ranges = new ValueRange[width];
        boolean anyDictionary = false;
        boolean anyRange = false;
        for (int i = 0; i < decoded.length; i++) {
            for (int k = 0; k < slots[i].length; k++) {
                int slot = slots[i][k];
                FieldVector vector = decoded[i].vector();
                if (k > 0) {
                    TransferPair copy = vector.getTransferPair(outputColumns.get(slot).name(), allocator);
                    copy.splitAndTransfer(0, rows);
                    vector = (FieldVector) copy.getTo();
                }
                vectors[slot] = vector;
                batchDictionaries[slot] = decoded[i].dictionary();
                anyDictionary |= decoded[i].dictionary() != null;
                ranges[slot] = decoded[i].range();
                anyRange |= decoded[i].range() != null;
            }
        }
        for (int slot = 0; slot < width; slot++) {
            if (vectors[slot] == null) {
                Column column = outputColumns.get(slot);
                vectors[slot] = ColumnDecoder.nulls(column.name(), column.type(), rows, allocator);
            }
        }
        return new ColumnBatch(rows, Arrays.asList(vectors), anyDictionary ? Arrays.asList(batchDictionaries) : null,
                anyRange ? Arrays.asList(ranges) : null);
    }

    /** The root of the requested schema's converters: each top-level field's decoder's converter. */
    private final class Root extends GroupConverter {
        @Override
        public Converter getConverter(int fieldIndex) {
            return decoders[fieldIndex].converter();
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            for (VarCharVector dictionary : dictionaries) {
                dictionary.close();
            }
            dictionaries.clear();
            if (reader != null) {
                reader.close();
            }
        }
    }
}
