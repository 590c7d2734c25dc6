package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;

/** Rows of one Parquet object, read a row group at a time. */
final class ParquetRowSource implements RowSource {

    private final String objectName;
    private final ParquetFileReader reader;
    private final MessageColumnIO columnIO;
    private final RowMaterializer materializer;
    private final int width;
    /** Rows left when no column is read (every projected column is missing from the file): all NULL. */
    private long nullRowsLeft;

    private RecordReader<Object[]> records;
    private long rowsLeftInGroup;
    private boolean closed;

    private ParquetRowSource(String objectName, ParquetFileReader reader, MessageColumnIO columnIO,
                             RowMaterializer materializer, int width, long nullRows) {
        this.objectName = objectName;
        this.reader = reader;
        this.columnIO = columnIO;
        this.materializer = materializer;
        this.width = width;
        this.nullRowsLeft = nullRows;
    }

    static ParquetRowSource open(ObjectSource source, ReadRequest request) throws IOException {
        ObjectSourceInputFile file = new ObjectSourceInputFile(source);
        SeekableInputStream stream = file.newStream();
        ParquetMetadata footer;
        try {
            footer = ParquetFileReader.readFooter(file, options(null), stream);
        } catch (IOException | RuntimeException e) {
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
        int width = request.projection().length;
        ReadPlanner.RowPlan plan = new ReadPlanner(source.name())
                .planRow(footer.getFileMetaData().getSchema(), request.dataColumns(), request.projection());
        if (plan.requestedSchema().getFieldCount() == 0) {
            long rows = footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
            stream.close();
            return new ParquetRowSource(source.name(), null, null, null, width, rows);
        }
        FilterPredicate filter = PredicateTranslator.translate(request.predicates(), request.dataColumns(),
                plan.pushable());
        try {
            ParquetFileReader reader = new ParquetFileReader(file, footer, options(filter), stream);
            reader.setRequestedSchema(plan.requestedSchema());
            MessageColumnIO columnIO = new ColumnIOFactory(footer.getFileMetaData().getCreatedBy())
                    .getColumnIO(plan.requestedSchema(), footer.getFileMetaData().getSchema(), true);
            return new ParquetRowSource(source.name(), reader, columnIO, new RowMaterializer(plan, width), width, 0);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
    }

    static ParquetReadOptions options(FilterPredicate filter) {
        return new ParquetReadOptions.Builder(new PlainParquetConfiguration())
                .withCodecFactory(CodecFactory.INSTANCE)
                .withRecordFilter(filter == null ? FilterCompat.NOOP : FilterCompat.get(filter))
                .useStatsFilter(true)
                .useColumnIndexFilter(true)
                .useDictionaryFilter(true)
                .useBloomFilter(false)
                .useRecordFilter(false)
                .build();
    }

    @Override
    public Object[] next() throws IOException {
        if (closed) {
            return null;
        }
        if (reader == null) {
            if (nullRowsLeft == 0) {
                return null;
            }
            nullRowsLeft--;
            return new Object[width];
        }
        try {
            while (rowsLeftInGroup == 0) {
                PageReadStore pages = reader.readNextFilteredRowGroup();
                if (pages == null) {
                    return null;
                }
                rowsLeftInGroup = pages.getRowCount();
                records = columnIO.getRecordReader(pages, materializer, FilterCompat.NOOP);
            }
            rowsLeftInGroup--;
            return records.read();
        } catch (IOException | RuntimeException e) {
            throw ParquetErrors.readFailure(e, objectName);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            records = null;
            if (reader != null) {
                reader.close();
            }
        }
    }
}
