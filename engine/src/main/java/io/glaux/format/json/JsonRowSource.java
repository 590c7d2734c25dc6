package io.glaux.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ObjectSource;
import io.glaux.format.RowSource;
import io.glaux.format.text.BadData;
import io.glaux.format.text.LineReader;
import io.glaux.format.text.TextValueException;

import java.io.IOException;
import io.glaux.format.SourceReadException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;

/**
 * Rows of a JSON-lines object: each non-blank line is one JSON object whose keys name columns; absent keys and
 * unknown ones are NULL and ignored. A line that is not one JSON object is a data error, or a row of NULLs with
 * {@code ignore.malformed.json}.
 */
final class JsonRowSource implements RowSource {

    private final ObjectSource source;
    private final LineReader lines;
    private final JsonFactory factory;
    private final JsonDialect dialect;
    private final JsonValueDecoder decoder;
    private final Map<String, int[]> positionsByKey;
    private final List<Column> columns;
    private final int[] projection;
    private int headerLinesLeft;

    JsonRowSource(ObjectSource source, LineReader lines, JsonFactory factory, JsonDialect dialect,
                  List<Column> columns, int[] projection, int headerLines) {
        this.source = source;
        this.lines = lines;
        this.factory = factory;
        this.dialect = dialect;
        this.decoder = new JsonValueDecoder(dialect, factory);
        this.columns = columns;
        this.projection = projection.clone();
        this.positionsByKey = dialect.projectedKeys(columns, projection);
        this.headerLinesLeft = headerLines;
    }

    @Override
    public Object[] next() throws IOException {
        String line;
        while ((line = nextLine()) != null) {
            if (headerLinesLeft > 0) {
                headerLinesLeft--;
            } else if (!line.isBlank()) {
                return parseRow(line);
            }
        }
        return null;
    }

    private Object[] parseRow(String line) throws IOException {
        Object[] row = new Object[projection.length];
        try (JsonParser parser = factory.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return malformed(row, "Row is not a valid JSON Object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int[] positions = positionsByKey.get(dialect.normalizeKey(parser.currentName()));
                parser.nextToken();
                if (positions == null) {
                    parser.skipChildren();
                    continue;
                }
                Object value = decodeColumn(parser, positions[0]);
                for (int position : positions) {
                    row[position] = value;
                }
            }
            if (parser.nextToken() != null) {
                return malformed(new Object[projection.length], "Unexpected content after the JSON object", null);
            }
            return row;
        } catch (JsonProcessingException e) {
            return malformed(new Object[projection.length], e.getOriginalMessage(), e);
        }
    }

    private Object decodeColumn(JsonParser parser, int position) throws IOException {
        Column column = columns.get(projection[position]);
        AthenaType type = column.type();
        try {
            return decoder.decode(parser, type);
        } catch (TextValueException e) {
            if (dialect.nullForInvalidData()) {
                return null;
            }
            throw BadData.at("JSON", source.name(), lines.lineNumber(),
                    "column '" + column.name() + "' (" + type.ddl() + "): " + e.getMessage(), e);
        }
    }

    private Object[] malformed(Object[] nulls, String detail, Throwable cause) {
        if (dialect.ignoreMalformed()) {
            return nulls;
        }
        throw BadData.at("JSON", source.name(), lines.lineNumber(), detail, cause);
    }

    private String nextLine() throws IOException {
        try {
            return lines.next();
        } catch (InterruptedIOException | SourceReadException e) {
            throw e; // cancelled, or the store failed: not the data's fault
        } catch (IOException e) {
            throw BadData.at("JSON", source.name(), lines.nextLineNumber(), BadData.describe(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
