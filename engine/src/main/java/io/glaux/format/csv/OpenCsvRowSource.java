package io.glaux.format.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.glaux.catalog.Column;
import io.glaux.format.ObjectSource;
import io.glaux.format.RowSource;
import io.glaux.format.text.BadData;
import io.glaux.format.text.TextValueException;

import java.io.IOException;
import io.glaux.format.SourceReadException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of an OpenCSVSerde object, parsed by Jackson CSV: quoted fields may hold separators, quotes and newlines.
 * Each record arrives as an array of strings; missing trailing fields are NULL and extra ones ignored.
 */
final class OpenCsvRowSource implements RowSource {

    private final ObjectSource source;
    private final CsvParser parser;
    private final Column[] projectedColumns;
    private final int[] projection;
    private final String[] fields;
    private final boolean nullForInvalidData;
    private int headerRecordsLeft;
    private long recordLine;
    private boolean inRecord;

    OpenCsvRowSource(ObjectSource source, CsvParser parser, List<Column> columns, int[] projection, int headerLines,
                     boolean nullForInvalidData) {
        this.source = source;
        this.parser = parser;
        this.projection = projection.clone();
        this.projectedColumns = Arrays.stream(projection).mapToObj(columns::get).toArray(Column[]::new);
        this.nullForInvalidData = nullForInvalidData;
        this.fields = new String[Arrays.stream(projection).max().orElse(-1) + 1];
        this.headerRecordsLeft = headerLines;
    }

    @Override
    public Object[] next() throws IOException {
        try {
            while (readRecord()) {
                if (headerRecordsLeft > 0) {
                    headerRecordsLeft--;
                    continue;
                }
                Object[] row = new Object[projection.length];
                for (int i = 0; i < row.length; i++) {
                    String text = fields[projection[i]];
                    row[i] = text == null ? null : decode(text, projectedColumns[i]);
                }
                return row;
            }
            return null;
        } catch (InterruptedIOException | SourceReadException e) {
            throw e; // cancelled, or the store failed: not the data's fault
        } catch (JsonProcessingException e) {
            throw BadData.at("CSV", source.name(), errorLine(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw BadData.at("CSV", source.name(), errorLine(parser.currentLocation()), BadData.describe(e), e);
        }
    }

    private Object decode(String text, Column column) {
        if (nullForInvalidData) {
            return OpenCsvValueDecoder.decodeOrNull(text, column.type());
        }
        try {
            return OpenCsvValueDecoder.decode(text, column.type());
        } catch (TextValueException e) {
            throw BadData.at("CSV", source.name(), recordLine,
                    "column '" + column.name() + "' (" + column.type().ddl() + "): " + e.getMessage(), e);
        }
    }

    /** Reads the next record's needed fields into {@link #fields}; false at the end of the object. */
    private boolean readRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IOException("Unexpected " + token + " in CSV record");
        }
        inRecord = true;
        recordLine = parser.currentLocation().getLineNr();
        Arrays.fill(fields, null);
        int index = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("Unexpected end of input inside a record");
            }
            if (index < fields.length) {
                fields[index] = parser.getText();
            }
            index++;
        }
        inRecord = false;
        return true;
    }

    private long errorLine(JsonLocation location) {
        if (inRecord) {
            return recordLine;
        }
        return location == null ? parser.currentLocation().getLineNr() : location.getLineNr();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
