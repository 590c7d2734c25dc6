package io.glaux.format.csv;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.format.text.ByteLineReader;
import io.glaux.format.text.LineReader;
import io.glaux.format.text.SerdeOptions;
import io.glaux.format.text.TextInput;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads delimited text: OpenCSVSerde objects when the request's serialization library says so, LazySimpleSerDe
 * otherwise (Athena's default for text tables). The SerDe parameters choose delimiters, quoting, escapes, the NULL
 * text and how many header lines to skip. LazySimpleSerDe reads a value that does not parse as NULL; so does
 * OpenCSVSerde unless {@code use.null.for.invalid.data=false}.
 */
public final class CsvFormatReader implements FormatReader {

    /** OpenCSVSerde only: false makes a value that does not parse a data error instead of NULL. */
    static final String USE_NULL_FOR_INVALID_DATA = "use.null.for.invalid.data";

    private final CsvFactory csvFactory = new CsvFactory();

    public CsvFormatReader() {
    }

    @Override
    public RowSource open(ObjectSource source, ReadRequest request) throws IOException {
        SerdeOptions options = new SerdeOptions(request.serdeParameters());
        int headerLines = options.skipHeaderLines();
        Reader reader = TextInput.open(source);
        if (StorageDescriptor.OPEN_CSV_SERDE.equals(request.serializationLibrary())) {
            return new OpenCsvRowSource(source, openCsvParser(reader, OpenCsvDialect.from(request.serdeParameters())),
                    request.dataColumns(), request.projection(), headerLines,
                    options.flag(USE_NULL_FOR_INVALID_DATA, true));
        }
        List<AthenaType> types = request.dataColumns().stream().map(Column::type).toList();
        LazySimpleDialect dialect = LazySimpleDialect.from(request.serdeParameters());
        return new LazySimpleRowSource(source, new LineReader(reader, dialect.escape()), dialect, types,
                request.projection(), headerLines);
    }

    /**
     * Reads LazySimpleSerDe objects in columns straight from their UTF-8 bytes ({@link LazySimpleBatchSource}), all
     * of an object or the lines that start in one of its {@link #splits}. Declines OpenCSVSerde, projected arrays,
     * maps and structs, and a non-ASCII field delimiter or escape character.
     */
    @Override
    public Optional<BatchSource> openBatches(ObjectSource source, ByteRange range, ReadRequest request,
                                             BufferAllocator allocator, int maxRows) throws IOException {
        if (!readsInColumns(request)) {
            return Optional.empty();
        }
        LazySimpleDialect dialect = LazySimpleDialect.from(request.serdeParameters());
        ByteLineReader lines;
        int headerLines = 0;
        if (range.covers(source.size())) {
            headerLines = new SerdeOptions(request.serdeParameters()).skipHeaderLines();
            lines = new ByteLineReader(TextInput.openBytes(source), dialect.escape());
        } else {
            if (!splittable(source, request)) {
                throw new IllegalArgumentException(source.name() + " is not read in parts");
            }
            long streamStart = range.offset() == 0 ? 0 : range.offset() - 1;
            lines = ByteLineReader.ofRange(source.open(streamStart, -1), range.offset(), range.end());
        }
        return Optional.of(new LazySimpleBatchSource(source, lines, dialect, request.dataColumns(),
                request.projection(), headerLines, allocator, maxRows));
    }

    /**
     * Equal parts of about {@code targetBytes} of an uncompressed LazySimpleSerDe object read in columns, without
     * header lines or an escape character (an escaped newline cannot be told from a record's end in the middle of
     * an object); else the whole object.
     */
    @Override
    public List<ByteRange> splits(ObjectSource source, ReadRequest request, long targetBytes) {
        long size = source.size();
        if (targetBytes < 1 || size <= targetBytes || !readsInColumns(request) || !splittable(source, request)) {
            return List.of(ByteRange.whole(size));
        }
        long parts = (size + targetBytes - 1) / targetBytes;
        long step = (size + parts - 1) / parts;
        List<ByteRange> ranges = new ArrayList<>();
        for (long offset = 0; offset < size; offset += step) {
            ranges.add(new ByteRange(offset, Math.min(step, size - offset)));
        }
        return ranges;
    }

    private static boolean readsInColumns(ReadRequest request) {
        if (StorageDescriptor.OPEN_CSV_SERDE.equals(request.serializationLibrary())) {
            return false;
        }
        for (int field : request.projection()) {
            if (!BatchColumn.decodes(request.dataColumns().get(field).type())) {
                return false;
            }
        }
        return LazySimpleBatchSource.reads(LazySimpleDialect.from(request.serdeParameters()));
    }

    private static boolean splittable(ObjectSource source, ReadRequest request) {
        return !TextInput.isCompressed(source) && !LazySimpleDialect.from(request.serdeParameters()).escaping()
                && new SerdeOptions(request.serdeParameters()).skipHeaderLines() == 0;
    }

    private CsvParser openCsvParser(Reader reader, OpenCsvDialect dialect) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(dialect.separator())
                .withQuoteChar(dialect.quote());
        Reader input = reader;
        if (dialect.escapes()) {
            schema = schema.withEscapeChar(dialect.escape());
            input = new OpenCsvEscapeFilter(reader, dialect.escape(), dialect.quote());
        }
        CsvParser parser = csvFactory.createParser(input);
        parser.setSchema(schema);
        return parser;
    }
}
