package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A join gathers strings held as values (a column the query only returns) through the buffers: the chosen rows'
 * bytes, NULLs, empty and non-ASCII values and values far longer than a vector's first guess, from one batch by row
 * and from several by reference, into a vector allocated at their size.
 */
class RowGatherTest {

    private final BufferAllocator allocator = new RootAllocator();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    /** Values of row {@code i}: NULL every 5th, empty every 7th, else a value that grows with the row. */
    private static String value(int batch, int i) {
        if (i % 5 == 4) {
            return null;
        }
        return i % 7 == 6 ? "" : "b" + batch + " row " + i + " café".repeat(i % 4) + "x".repeat(i * 3);
    }

    private VarCharVector values(int batch, int rows) {
        VarCharVector vector = new VarCharVector("note", allocator);
        open.add(vector);
        vector.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            String value = value(batch, i);
            if (value == null) {
                vector.setNull(i);
            } else {
                vector.setSafe(i, value.getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(rows);
        return vector;
    }

    private VarCharVector target() {
        VarCharVector target = new VarCharVector("note", allocator);
        open.add(target);
        // As a join allocates its result's vectors before gathering into them.
        target.setInitialCapacity(4);
        target.allocateNew();
        return target;
    }

    private static List<String> read(VarCharVector vector, int rows) {
        List<String> read = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            read.add(vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8));
        }
        return read;
    }

    @Test
    void chosenRowsOfOneBatchAreCopiedWithTheirNulls() {
        VarCharVector from = values(0, 40);
        int[] rows = {39, 0, 4, 6, 6, 17, 38, 9, 1};
        VarCharVector to = target();
        RowGather.rows(from, true, rows, rows.length, to);
        to.setValueCount(rows.length);
        List<String> expected = new ArrayList<>();
        for (int row : rows) {
            expected.add(value(0, row));
        }
        assertThat(read(to, rows.length)).isEqualTo(expected);
        assertThat(to.getNullCount()).isEqualTo(3);
    }

    @Test
    void referencesIntoSeveralBatchesAreCopiedAndANegativeOneIsNull() {
        List<Column> columns = List.of(new Column("note", AthenaType.STRING));
        List<VectorSchemaRoot> batches = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            VarCharVector vector = values(batch, 30 + batch);
            batches.add(new VectorSchemaRoot(List.of(vector.getField()), List.<FieldVector>of(vector),
                    vector.getValueCount()));
        }
        ColumnarData data = new JoinedData(null, columns, batches, new ColumnarData[1], new int[1]);
        long[] references = {JoinTable.reference(2, 31), -1, JoinTable.reference(0, 3), JoinTable.reference(1, 4),
            JoinTable.reference(1, 29), JoinTable.reference(0, 6), JoinTable.reference(2, 0)};
        VarCharVector to = target();
        RowGather.references(data, 0, references, references.length, to);
        to.setValueCount(references.length);
        assertThat(read(to, references.length)).containsExactly(value(2, 31), null, value(0, 3), null,
                value(1, 29), "", value(2, 0));
    }

    @Test
    void noRowsGiveAnEmptyVector() {
        VarCharVector to = target();
        RowGather.rows(values(0, 10), true, new int[0], 0, to);
        to.setValueCount(0);
        assertThat(to.getValueCount()).isZero();
    }

    @Test
    void idsAreNotGatheredAsValues() {
        IntVector ids = new IntVector("note", allocator);
        open.add(ids);
        ids.allocateNew(2);
        ids.set(0, 1);
        ids.set(1, 0);
        ids.setValueCount(2);
        assertThatThrownBy(() -> RowGather.rows(ids, false, new int[] {1, 0}, 2, target()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot gather");
    }
}
