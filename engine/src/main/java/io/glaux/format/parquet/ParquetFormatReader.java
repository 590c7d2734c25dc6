package io.glaux.format.parquet;

import io.glaux.format.FormatReader;
import io.glaux.format.ObjectStatistics;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;

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

    @Override
    public Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.of(ParquetFooterStatistics.read(source));
    }
}
