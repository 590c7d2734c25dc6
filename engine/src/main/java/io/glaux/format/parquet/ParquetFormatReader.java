package io.glaux.format.parquet;

import io.glaux.format.BatchSource;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectStatistics;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads Parquet objects: only the projected columns (matched to file columns by name, case-insensitively; a column
 * the file lacks reads as NULL), one row group at a time, skipping row groups and pages that the request's
 * predicates rule out by statistics and column indexes. Values follow {@link io.glaux.format.Values}; file types
 * that differ from the table's are converted where Athena allows it (see {@link ValueCoercion}). Stateless and
 * thread-safe.
 */
public final class ParquetFormatReader implements FormatReader {

    @Override
    public RowSource open(ObjectSource source, ReadRequest request) throws IOException {
        return ParquetRowSource.open(source, request);
    }

    /**
     * Reads flat columns of every type with a {@link io.glaux.format.ColumnLayout} straight from the column chunks
     * (see {@link ParquetBatchSource}); empty when an array, map or struct column is projected.
     */
    @Override
    public Optional<BatchSource> openBatches(ObjectSource source, ReadRequest request, BufferAllocator allocator,
                                             int maxRows) throws IOException {
        return ParquetBatchSource.open(source, request, allocator, maxRows);
    }

    @Override
    public Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.of(ParquetFooterStatistics.read(source));
    }
}
