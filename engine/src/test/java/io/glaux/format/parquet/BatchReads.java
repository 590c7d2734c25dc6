package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ColumnVectors;
import io.glaux.format.ColumnPredicate;
import io.glaux.format.ReadRequest;
import io.glaux.format.ValueRange;
import io.glaux.testing.BytesObjectSource;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads Parquet bytes in batches ({@link ParquetFormatReader#openBatches}) and turns the batches back into rows in
 * {@link io.glaux.format.Values}' representation, to compare with the row path ({@link ParquetFormatReader#open}).
 * Checks the batch contract on the way: at most maxRows rows, vectors in {@link ColumnLayout}, ids only with a
 * dictionary, every value within the range its batch gives for its column, every NULL's slot of a fixed-width vector
 * zero although the memory came filled with other bytes, and every buffer released once the batches and the source
 * are closed.
 */
final class BatchReads {

    /**
     * What a batch read gave: the rows, the size of each batch, per batch and column the dictionary (or null) and
     * the range the reader gave for its values (or null), and how many NULL slots of fixed-width vectors were checked.
     */
    record Result(List<Object[]> rows, List<Integer> batchSizes, List<VarCharVector[]> dictionaries,
                  List<ValueRange[]> ranges, long nullSlots) {

        long batchesWithIds() {
            return dictionaries.stream().filter(d -> Arrays.stream(d).anyMatch(v -> v != null)).count();
        }

        int distinctDictionaries() {
            Map<VarCharVector, Boolean> seen = new IdentityHashMap<>();
            dictionaries.forEach(d -> Arrays.stream(d).filter(v -> v != null).forEach(v -> seen.put(v, true)));
            return seen.size();
        }
    }

    private BatchReads() {
    }

    static ReadRequest request(List<Column> columns, int[] projection, List<ColumnPredicate> predicates) {
        return new ReadRequest(columns, projection, predicates, Map.of(), null);
    }

    static Optional<Result> read(byte[] bytes, List<Column> columns, int[] projection,
                                 List<ColumnPredicate> predicates, int maxRows) throws IOException {
        return read(bytes, ByteRange.whole(bytes.length), columns, projection, predicates, maxRows);
    }

    /** The row groups of one part of the bytes, read in batches. */
    static Optional<Result> read(byte[] bytes, ByteRange range, List<Column> columns, int[] projection,
                                 List<ColumnPredicate> predicates, int maxRows) throws IOException {
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(DIRTY_MEMORY).build())) {
            Optional<Result> result;
            Optional<BatchSource> opened = new ParquetFormatReader().openBatches(
                    new BytesObjectSource("s3://bucket/batches.parquet", bytes), range,
                    request(columns, projection, predicates), allocator, maxRows);
            if (opened.isEmpty()) {
                result = Optional.empty();
            } else {
                List<Object[]> rows = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                List<VarCharVector[]> dictionaries = new ArrayList<>();
                List<ValueRange[]> ranges = new ArrayList<>();
                long nullSlots = 0;
                try (BatchSource source = opened.get()) {
                    for (ColumnBatch next = source.next(); next != null; next = source.next()) {
                        try (ColumnBatch batch = next) {
                            assertThat(batch.rowCount()).isBetween(1, maxRows);
                            assertThat(batch.columnCount()).isEqualTo(projection.length);
                            VarCharVector[] used = new VarCharVector[projection.length];
                            for (int c = 0; c < projection.length; c++) {
                                used[c] = batch.dictionary(c);
                                assertThat(batch.vector(c).getValueCount()).isEqualTo(batch.rowCount());
                            }
                            dictionaries.add(used);
                            ranges.add(checkedRanges(batch));
                            nullSlots += checkedNullSlots(batch);
                            sizes.add(batch.rowCount());
                            for (int r = 0; r < batch.rowCount(); r++) {
                                Object[] row = new Object[projection.length];
                                for (int c = 0; c < projection.length; c++) {
                                    row[c] = value(batch, c, r, columns.get(projection[c]).type());
                                }
                                rows.add(row);
                            }
                        }
                    }
                    assertThat(source.next()).isNull();
                }
                result = Optional.of(new Result(rows, sizes, dictionaries, ranges, nullSlots));
            }
            assertThat(allocator.getAllocatedMemory()).as("memory left allocated").isZero();
            return result;
        }
    }

    /** Reads rows and batches of the same request and checks that they hold the same values. */
    static Result assertSameAsRows(byte[] bytes, List<Column> columns, int[] projection,
                                   List<ColumnPredicate> predicates, int maxRows) throws IOException {
        List<Object[]> expected = ParquetTestFiles.read(new BytesObjectSource("s3://bucket/batches.parquet", bytes),
                columns, projection, predicates);
        Result batches = read(bytes, columns, projection, predicates, maxRows).orElseThrow();
        assertThat(Rows.comparableRows(batches.rows()))
                .as("batches of %d rows", maxRows)
                .isEqualTo(Rows.comparableRows(expected));
        return batches;
    }

    /** The ranges a batch came with, each checked to hold every value of its column (and to have one). */
    private static ValueRange[] checkedRanges(ColumnBatch batch) {
        ValueRange[] ranges = new ValueRange[batch.columnCount()];
        for (int c = 0; c < ranges.length; c++) {
            ValueRange range = batch.range(c);
            ranges[c] = range;
            if (range == null) {
                continue;
            }
            FieldVector vector = batch.vector(c);
            assertThat(vector.getField().getType()).as("a range only for integer-like columns")
                    .isNotInstanceOf(ArrowType.FloatingPoint.class).isNotInstanceOf(ArrowType.Bool.class);
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
            assertThat(vector.getNullCount()).as("a range only for a batch with values").isLessThan(batch.rowCount());
            for (int r = 0; r < batch.rowCount(); r++) {
                if (!vector.isNull(r)) {
                    long value = switch (fixed.getTypeWidth()) {
                        case 1 -> fixed.getDataBuffer().getByte(r);
                        case 2 -> fixed.getDataBuffer().getShort(2L * r);
                        case 4 -> fixed.getDataBuffer().getInt(4L * r);
                        default -> fixed.getDataBuffer().getLong(8L * r);
                    };
                    assertThat(range.contains(value)).as("%s holds %d of column %d", range, value, c).isTrue();
                }
            }
        }
        return ranges;
    }

    /** Checks that each NULL's slot of the batch's fixed-width vectors (not bits) is zero; returns how many it saw. */
    private static long checkedNullSlots(ColumnBatch batch) {
        long checked = 0;
        for (int c = 0; c < batch.columnCount(); c++) {
            if (!(batch.vector(c) instanceof BaseFixedWidthVector fixed) || fixed instanceof BitVector) {
                continue;
            }
            int width = fixed.getTypeWidth();
            for (int r = 0; r < batch.rowCount(); r++) {
                if (fixed.isNull(r)) {
                    checked++;
                    for (int b = 0; b < width; b++) {
                        assertThat(fixed.getDataBuffer().getByte((long) r * width + b))
                                .as("byte %d of the NULL in row %d of column %d", b, r, c).isZero();
                    }
                }
            }
        }
        return checked;
    }

    /** Native memory whose every block comes filled with ones, as memory that held other bytes may. */
    private static final AllocationManager.Factory DIRTY_MEMORY = new AllocationManager.Factory() {
        @Override
        public AllocationManager create(BufferAllocator accountingAllocator, long size) {
            return new DirtyBlock(accountingAllocator, size);
        }

        @Override
        public ArrowBuf empty() {
            return UnsafeAllocationManager.FACTORY.empty();
        }
    };

    private static final class DirtyBlock extends AllocationManager {
        private final long address;
        private final long size;

        DirtyBlock(BufferAllocator accountingAllocator, long size) {
            super(accountingAllocator);
            this.size = size;
            this.address = MemoryUtil.allocateMemory(Math.max(size, 1));
            MemoryUtil.setMemory(address, size, (byte) -1);
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        protected long memoryAddress() {
            return address;
        }

        @Override
        protected void release0() {
            MemoryUtil.freeMemory(address);
        }
    }

    private static Object value(ColumnBatch batch, int column, int row, AthenaType type) {
        FieldVector vector = batch.vector(column);
        VarCharVector dictionary = batch.dictionary(column);
        if (dictionary != null) {
            assertThat(ColumnLayout.isDictionaryEncoded(type)).isTrue();
            assertThat(vector.getField().getType()).isEqualTo(ColumnLayout.DICTIONARY_INDEX_TYPE);
            IntVector ids = (IntVector) vector;
            return ids.isNull(row) ? null : new String(dictionary.get(ids.get(row)), StandardCharsets.UTF_8);
        }
        assertThat(vector.getField().getType()).isEqualTo(ColumnLayout.isDictionaryEncoded(type)
                ? ArrowType.Utf8.INSTANCE : ColumnLayout.arrowType(type));
        return ColumnVectors.get(vector, row, type);
    }
}
