package io.glaux.format.parquet;

import io.glaux.format.ByteRange;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet object opened for one request, shared by the row and the batch readers so that both read the same rows:
 * the footer, the plan (which fails a column the table cannot read the file's column as), and a reader of the
 * requested columns that skips the row groups and pages the request's predicates rule out.
 *
 * @param reader null when the file holds none of the projected columns
 * @param nullRows with no reader, the object's row count (every row reads as NULLs, nothing is pruned); else 0
 */
record OpenedParquet(ParquetMetadata footer, ReadPlanner.RowPlan plan, ParquetFileReader reader, long nullRows) {

    static OpenedParquet open(ObjectSource source, ReadRequest request) throws IOException {
        return open(source, ByteRange.whole(source.size()), request);
    }

    /** The object opened for the row groups whose middle lies in {@code range} (all of them for the whole object). */
    static OpenedParquet open(ObjectSource source, ByteRange range, ReadRequest request) throws IOException {
        ObjectSourceInputFile file = new ObjectSourceInputFile(source);
        SeekableInputStream stream = file.newStream();
        ParquetMetadata footer;
        try {
            footer = ParquetFileReader.readFooter(file, footerOptions(source, range), stream);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
        ReadPlanner.RowPlan plan;
        try {
            plan = new ReadPlanner(source.name())
                    .planRow(footer.getFileMetaData().getSchema(), request.dataColumns(), request.projection());
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        if (plan.requestedSchema().getFieldCount() == 0) {
            long rows = footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
            stream.close();
            return new OpenedParquet(footer, plan, null, rows);
        }
        FilterPredicate filter = PredicateTranslator.translate(request.predicates(), request.dataColumns(),
                plan.pushable());
        try {
            ParquetFileReader reader = new ParquetFileReader(file, footer, ParquetRowSource.options(filter), stream);
            reader.setRequestedSchema(plan.requestedSchema());
            return new OpenedParquet(footer, plan, reader, 0);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
    }

    /** The object's whole footer (every row group), for its statistics and how it splits. */
    static ParquetMetadata footer(ObjectSource source) throws IOException {
        ObjectSourceInputFile file = new ObjectSourceInputFile(source);
        try (SeekableInputStream stream = file.newStream()) {
            return ParquetFileReader.readFooter(file, ParquetRowSource.options(null), stream);
        } catch (IOException | RuntimeException e) {
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
    }

    /**
     * Ranges of about {@code targetBytes} that part the object's row groups between them, in order: each holds the
     * middle of the row groups it starts with and of none other (as Hadoop's input splits part a file), so that
     * opening each with {@link #open(ObjectSource, ByteRange, ReadRequest)} reads each row group once.
     */
    static List<ByteRange> splits(ObjectSource source, long targetBytes) throws IOException {
        long size = source.size();
        List<BlockMetaData> groups = footer(source).getBlocks();
        List<Long> starts = new ArrayList<>();
        long gathered = 0;
        for (BlockMetaData group : groups) {
            if (starts.isEmpty() || gathered >= targetBytes) {
                starts.add(starts.isEmpty() ? 0 : group.getStartingPos());
                gathered = 0;
            }
            gathered += group.getCompressedSize();
        }
        if (starts.size() < 2) {
            return List.of(ByteRange.whole(size));
        }
        List<ByteRange> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1) : size;
            ranges.add(new ByteRange(starts.get(i), end - starts.get(i)));
        }
        return ranges;
    }

    private static ParquetReadOptions footerOptions(ObjectSource source, ByteRange range) {
        if (range.covers(source.size())) {
            return ParquetRowSource.options(null);
        }
        return ParquetRowSource.options(null, ParquetMetadataConverter.range(range.offset(), range.end()));
    }

    String createdBy() {
        return footer.getFileMetaData().getCreatedBy();
    }
}
