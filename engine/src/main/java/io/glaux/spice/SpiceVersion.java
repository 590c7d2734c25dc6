package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.sql.vector.ColumnarBatches;
import io.glaux.sql.vector.StringDictionary;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One complete, immutable version of a dataset's data ({@link ColumnarBatches}: record batches of Arrow vectors plus
 * one dictionary per string column, all allocated from the version's own allocator, so its memory is exactly
 * {@link #bytes()}). Readers {@link #retain()} it for the length of a scan; the dataset holds one reference until a
 * newer version replaces it, and the memory is freed when the last reference goes.
 */
final class SpiceVersion extends ColumnarBatches {

    private final AtomicInteger references = new AtomicInteger(1);

    SpiceVersion(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                 StringDictionary[] dictionaries) {
        super(allocator, columns, batches, dictionaries);
    }

    /** Takes a reference for a reader; false when the version has already been freed. */
    boolean retain() {
        while (true) {
            int current = references.get();
            if (current == 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            free();
        }
    }
}
