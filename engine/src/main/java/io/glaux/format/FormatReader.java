package io.glaux.format;

import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.List;
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
        return openBatches(source, ByteRange.whole(source.size()), request, allocator, maxRows);
    }

    /**
     * As {@link #openBatches(ObjectSource, ReadRequest, BufferAllocator, int)}, the rows of one part of the object:
     * {@code range} is all of it or one of the ranges {@link #splits} gave for it.
     */
    default Optional<BatchSource> openBatches(ObjectSource source, ByteRange range, ReadRequest request,
                                              BufferAllocator allocator, int maxRows) throws IOException {
        return Optional.empty();
    }

    /**
     * The parts the object can be read in by several readers at once with {@link #openBatches(ObjectSource,
     * ByteRange, ReadRequest, BufferAllocator, int)}, each of about {@code targetBytes}, in the object's order; read in
     * that order they give the object's rows in order. The whole object as one range when it cannot be read in
     * parts (a compressed or headed text object, a format without batches) or is no larger than the target.
     */
    default List<ByteRange> splits(ObjectSource source, ReadRequest request, long targetBytes) throws IOException {
        return List.of(ByteRange.whole(source.size()));
    }

    /**
     * The object's row count and column ranges from its own metadata, for the planner's estimates; empty for formats
     * that keep none (text).
     */
    default Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.empty();
    }

    /**
     * What the object's encoding records of its columns' distinct values ({@link DistinctCounts}), for the planner's
     * estimates; empty for formats that record none (text).
     */
    default Optional<DistinctCounts> distinctCounts(ObjectSource source) throws IOException {
        return Optional.empty();
    }
}
