package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Columnar data one query made for itself (the part of a live table it read, an aggregate's rows, a one-row join's
 * row), freed with its allocator when the query is done with it: {@link #close()} frees it once, whoever calls it
 * first.
 */
public final class OwnedBatches extends ColumnarBatches implements AutoCloseable {

    private boolean closed;

    public OwnedBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                        StringDictionary[] dictionaries) {
        super(allocator, columns, batches, dictionaries);
    }

    /** Data merged from parts read in columns, with the value ranges their readers gave. */
    public OwnedBatches(BufferAllocator allocator, List<Column> columns, ColumnarParts.Merged merged) {
        super(allocator, columns, merged.batches(), merged.dictionaries(), merged.ranges());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            free();
        }
    }
}
