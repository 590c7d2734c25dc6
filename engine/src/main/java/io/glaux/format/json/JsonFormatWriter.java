package io.glaux.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.glaux.catalog.Column;
import io.glaux.format.FormatWriter;
import io.glaux.format.RowWriter;
import io.glaux.format.text.TextOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON lines readable by both JSON SerDes ({@link JsonRowWriter}). {@code write_compression=GZIP}
 * compresses the object (extension {@code .gz}); plain text has no extension.
 */
public final class JsonFormatWriter implements FormatWriter {

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public JsonFormatWriter() {
    }

    @Override
    public RowWriter create(OutputStream out, List<Column> columns, Map<String, String> properties)
            throws IOException {
        JsonGenerator generator = factory.createGenerator(TextOutput.open(out, properties));
        generator.setRootValueSeparator(null);
        return new JsonRowWriter(generator, columns);
    }

    @Override
    public String fileExtension(Map<String, String> properties) {
        return TextOutput.fileExtension(properties);
    }
}
