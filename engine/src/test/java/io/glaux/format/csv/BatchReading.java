package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ColumnVectors;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.text.TestRows;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drains a {@link BatchSource} back into rows of {@link io.glaux.format.Values} objects, checking on the way that
 * each batch is in {@link ColumnLayout} (strings as plain values) and holds at most the batch size, and compares them
 * with the rows {@link FormatReader#open} gives for the same object and request.
 */
final class BatchReading {

    private BatchReading() {
    }

    /** Reads the object both ways and checks the batches hold the same rows, in full batches but the last. */
    static List<List<Object>> assertSameRows(FormatReader reader, ObjectSource source, ReadRequest request,
                                             BufferAllocator allocator, int maxRows) {
        List<List<Object>> expected = TestRows.readAll(reader, source, request).stream().map(Arrays::asList)
                .toList();
        List<Integer> batchSizes = new ArrayList<>();
        List<List<Object>> actual = readBatches(reader, source, request, allocator, maxRows, batchSizes);
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < batchSizes.size(); i++) {
            assertThat(batchSizes.get(i)).as("batch %d of %s", i, batchSizes)
                    .isEqualTo(i < batchSizes.size() - 1 ? maxRows : batchSizes.get(i)).isBetween(1, maxRows);
        }
        assertThat(allocator.getAllocatedMemory()).as("every batch closed, nothing leaked").isZero();
        return actual;
    }

    static List<List<Object>> readBatches(FormatReader reader, ObjectSource source, ReadRequest request,
                                          BufferAllocator allocator, int maxRows, List<Integer> batchSizes) {
        return readBatches(reader, source, ByteRange.whole(source.size()), request, allocator, maxRows, batchSizes);
    }

    /** The rows of one part of the object, read in batches. */
    static List<List<Object>> readBatches(FormatReader reader, ObjectSource source, ByteRange range,
                                          ReadRequest request, BufferAllocator allocator, int maxRows,
                                          List<Integer> batchSizes) {
        List<AthenaType> types = Arrays.stream(request.projection())
                .mapToObj(field -> request.dataColumns().get(field).type()).toList();
        List<List<Object>> rows = new ArrayList<>();
        try (BatchSource batches = reader.openBatches(source, range, request, allocator, maxRows).orElseThrow()) {
            ColumnBatch batch;
            while ((batch = batches.next()) != null) {
                try (ColumnBatch open = batch) {
                    batchSizes.add(open.rowCount());
                    assertThat(open.columnCount()).isEqualTo(types.size());
                    for (int column = 0; column < types.size(); column++) {
                        assertLayout(open, column, types.get(column), request.dataColumns()
                                .get(request.projection()[column]));
                    }
                    for (int row = 0; row < open.rowCount(); row++) {
                        List<Object> values = new ArrayList<>();
                        for (int column = 0; column < types.size(); column++) {
                            values.add(ColumnVectors.get(open.vector(column), row, types.get(column)));
                        }
                        rows.add(values);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void assertLayout(ColumnBatch batch, int column, AthenaType type, Column declared) {
        FieldVector vector = batch.vector(column);
        assertThat(vector.getValueCount()).isEqualTo(batch.rowCount());
        assertThat(vector.getField().getName()).isEqualTo(declared.name());
        assertThat(batch.dictionary(column)).isNull();
        ArrowType expected = ColumnLayout.isDictionaryEncoded(type) ? ArrowType.Utf8.INSTANCE
                : ColumnLayout.arrowType(type);
        assertThat(vector.getField().getType()).isEqualTo(expected);
    }
}
