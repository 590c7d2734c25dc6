package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/** Batches a test built ({@link BatchBuilder#build}), freed with their allocator when closed. */
final class HeldBatches extends ColumnarBatches implements AutoCloseable {

    HeldBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                StringDictionary[] dictionaries) {
        super(allocator, columns, batches, dictionaries);
    }

    @Override
    public void close() {
        free();
    }
}
