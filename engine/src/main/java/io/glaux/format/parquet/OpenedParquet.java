package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;

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
        ObjectSourceInputFile file = new ObjectSourceInputFile(source);
        SeekableInputStream stream = file.newStream();
        ParquetMetadata footer;
        try {
            footer = ParquetFileReader.readFooter(file, ParquetRowSource.options(null), stream);
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

    String createdBy() {
        return footer.getFileMetaData().getCreatedBy();
    }
}
