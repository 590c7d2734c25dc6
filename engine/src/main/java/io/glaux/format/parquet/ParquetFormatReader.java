package io.glaux.format.parquet;

import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.DistinctCounts;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectStatistics;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.List;
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
     * (see {@link ParquetBatchSource}), of all row groups or those whose middle lies in {@code range}; empty when an
     * array, map or struct column is projected.
     */
    @Override
    public Optional<BatchSource> openBatches(ObjectSource source, ByteRange range, ReadRequest request,
                                             BufferAllocator allocator, int maxRows) throws IOException {
        return ParquetBatchSource.open(source, range, request, allocator, maxRows);
    }

    /**
     * Row groups gathered into ranges of about {@code targetBytes} (a row group is never split); the whole object
     * when the request is not read in columns.
     */
    @Override
    public List<ByteRange> splits(ObjectSource source, ReadRequest request, long targetBytes) throws IOException {
        if (source.size() <= targetBytes || !ParquetBatchSource.reads(request)) {
            return List.of(ByteRange.whole(source.size()));
        }
        return OpenedParquet.splits(source, targetBytes);
    }

    @Override
    public Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.of(ParquetFooterStatistics.read(source));
    }

    @Override
    public Optional<DistinctCounts> distinctCounts(ObjectSource source) throws IOException {
        return ParquetDictionaryCounts.read(source);
    }
}
