package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;

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
        OpenedParquet opened = OpenedParquet.open(source, request);
        int width = request.projection().length;
        if (opened.reader() == null) {
            return new ParquetRowSource(source.name(), null, null, null, width, opened.nullRows());
        }
        try {
            MessageColumnIO columnIO = new ColumnIOFactory(opened.createdBy())
                    .getColumnIO(opened.plan().requestedSchema(), opened.footer().getFileMetaData().getSchema(), true);
            return new ParquetRowSource(source.name(), opened.reader(), columnIO,
                    new RowMaterializer(opened.plan(), width), width, 0);
        } catch (RuntimeException e) {
            opened.reader().close();
            throw ParquetErrors.openFailure(e, source.name(), source.size());
        }
    }

    static ParquetReadOptions options(FilterPredicate filter) {
        return options(filter, ParquetMetadataConverter.NO_FILTER);
    }

    /** With the footer's row groups limited by {@code rowGroups} (those of one byte range, say). */
    static ParquetReadOptions options(FilterPredicate filter, ParquetMetadataConverter.MetadataFilter rowGroups) {
        return new ParquetReadOptions.Builder(new PlainParquetConfiguration())
                .withMetadataFilter(rowGroups)
                .withCodecFactory(CodecFactory.INSTANCE)
                .withRecordFilter(filter == null ? FilterCompat.NOOP : FilterCompat.get(filter))
                .useStatsFilter(true)
                .useColumnIndexFilter(true)
                .useDictionaryFilter(PredicateTranslator.testsValues(filter))
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
