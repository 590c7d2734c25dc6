package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnarPartsTest {

    private static final List<Column> COLUMNS = List.of(new Column("a", AthenaType.parse("bigint")),
            new Column("b", AthenaType.parse("bigint")), new Column("c", AthenaType.parse("bigint")));

    /**
     * The merged data take as a column's stats the union of the ranges its readers gave, where every batch of every
     * part gave one (here wider than the values, so a scan of the values would give another answer); a column with a
     * batch that gave none is scanned as before.
     */
    @Test
    void mergedDataTakeTheRangesEveryBatchCameWithAndScanTheRest() {
        try (BufferAllocator root = new RootAllocator()) {
            BufferAllocator allocator = root.newChildAllocator("parts", 0, Long.MAX_VALUE);
            ColumnarParts parts = new ColumnarParts(allocator, COLUMNS, new boolean[COLUMNS.size()]);
            int[] fields = {0, 1, 2};
            // Filled out of order: the second part first.
            ColumnarParts.Part second = parts.newPart(1);
            second.add(batch(allocator, new long[] {5, 6}, new ValueRange(0, 50), new ValueRange(5, 6), null),
                    fields);
            ColumnarParts.Part first = parts.newPart(0);
            first.add(batch(allocator, new long[] {1, 2, 3}, new ValueRange(-10, 10), new ValueRange(1, 3),
                    new ValueRange(1, 3)), fields);
            first.add(batch(allocator, new long[] {4}, new ValueRange(4, 4), new ValueRange(4, 4),
                    new ValueRange(4, 4)), fields);
            ColumnarParts.Merged merged = parts.merge();
            assertThat(Arrays.asList(merged.ranges())).containsExactly(new ColumnStats(-10, 50, false),
                    new ColumnStats(1, 6, false), null);
            try (OwnedBatches data = new OwnedBatches(allocator, COLUMNS, merged)) {
                assertThat(data.batchCount()).isEqualTo(3);
                assertThat(data.rowCount(0)).isEqualTo(3);
                assertThat(data.stats(0)).isEqualTo(new ColumnStats(-10, 50, false));
                assertThat(data.stats(1)).isEqualTo(new ColumnStats(1, 6, false));
                assertThat(data.stats(2)).as("scanned").isEqualTo(new ColumnStats(1, 6, false));
            }
            assertThat(root.getAllocatedMemory()).isZero();
        }
    }

    private static ColumnBatch batch(BufferAllocator allocator, long[] values, ValueRange... ranges) {
        FieldVector[] vectors = new FieldVector[COLUMNS.size()];
        for (int column = 0; column < vectors.length; column++) {
            BigIntVector vector = new BigIntVector(COLUMNS.get(column).name(), allocator);
            vector.allocateNew(values.length);
            for (int row = 0; row < values.length; row++) {
                vector.set(row, values[row]);
            }
            vector.setValueCount(values.length);
            vectors[column] = vector;
        }
        return new ColumnBatch(values.length, Arrays.asList(vectors), null, Arrays.asList(ranges));
    }
}
