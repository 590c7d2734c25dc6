package io.glaux.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.format.text.LineReader;
import io.glaux.format.text.SerdeOptions;
import io.glaux.format.text.TextInput;

import java.io.IOException;

/**
 * Reads JSON lines for Hive's JsonSerDe and the OpenX JsonSerDe (options in {@link JsonDialect}): one object per
 * line, blank lines skipped, parsed with Jackson's streaming parser.
 */
public final class JsonFormatReader implements FormatReader {

    private final JsonFactory factory = new JsonFactory();

    public JsonFormatReader() {
    }

    @Override
    public RowSource open(ObjectSource source, ReadRequest request) throws IOException {
        JsonDialect dialect = JsonDialect.from(request.serdeParameters(), request.serializationLibrary());
        int headerLines = new SerdeOptions(request.serdeParameters()).skipHeaderLines();
        LineReader lines = new LineReader(TextInput.open(source), LineReader.NO_ESCAPE);
        return new JsonRowSource(source, lines, factory, dialect, request.dataColumns(), request.projection(),
                headerLines);
    }
}
