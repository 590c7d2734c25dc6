package io.glaux.format;

import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.Optional;

/** Turns the bytes of one object into rows. One implementation per {@link io.glaux.catalog.DataFormat}. */
public interface FormatReader {

    /**
     * Opens the object. Malformed content raises {@link io.glaux.error.GlauxException} (DATA_ERROR) naming the object
     * and, where known, the line or row group.
     */
    RowSource open(ObjectSource source, ReadRequest request) throws IOException;

    /**
     * Opens the object for reading in columns: the same rows as {@link #open}, as batches of at most
     * {@code maxRows} rows allocated from {@code allocator}. Empty when this reader cannot read the request in
     * columns (a projected column without a {@link ColumnLayout}, a conversion it does not decode); the caller then
     * reads rows.
     */
    default Optional<BatchSource> openBatches(ObjectSource source, ReadRequest request, BufferAllocator allocator,
                                              int maxRows) throws IOException {
        return Optional.empty();
    }

    /**
     * The object's row count and column ranges from its own metadata, for the planner's estimates; empty for formats
     * that keep none (text).
     */
    default Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.empty();
    }
}
