package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ObjectSource;
import io.glaux.format.RowSource;
import io.glaux.format.text.BadData;
import io.glaux.format.text.LineReader;

import java.io.IOException;
import io.glaux.format.SourceReadException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a LazySimpleSerDe object: one record per line (escaped newlines stay inside), fields split on the field
 * delimiter; missing trailing fields are NULL and extra ones ignored. Only the projected fields are decoded.
 */
final class LazySimpleRowSource implements RowSource {

    private final ObjectSource source;
    private final LineReader lines;
    private final LazySimpleValueDecoder decoder;
    private final char fieldSeparator;
    private final AthenaType[] projectedTypes;
    private final int[] projection;
    private final int fieldsNeeded;
    private final int[] fieldStarts;
    private final int[] fieldEnds;
    private int headerLinesLeft;

    LazySimpleRowSource(ObjectSource source, LineReader lines, LazySimpleDialect dialect, List<AthenaType> columnTypes,
                        int[] projection, int headerLines) {
        this.source = source;
        this.lines = lines;
        this.decoder = new LazySimpleValueDecoder(dialect);
        this.fieldSeparator = dialect.separator(0);
        this.projection = projection.clone();
        this.projectedTypes = Arrays.stream(projection).mapToObj(columnTypes::get).toArray(AthenaType[]::new);
        this.fieldsNeeded = Arrays.stream(projection).max().orElse(-1) + 1;
        this.fieldStarts = new int[fieldsNeeded];
        this.fieldEnds = new int[fieldsNeeded];
        this.headerLinesLeft = headerLines;
    }

    @Override
    public Object[] next() throws IOException {
        String record = nextRecord();
        while (record != null && headerLinesLeft > 0) {
            headerLinesLeft--;
            record = nextRecord();
        }
        if (record == null) {
            return null;
        }
        int found = split(record);
        Object[] row = new Object[projection.length];
        for (int i = 0; i < row.length; i++) {
            int field = projection[i];
            row[i] = field < found
                    ? decoder.decode(record, fieldStarts[field], fieldEnds[field], projectedTypes[i], 1) : null;
        }
        return row;
    }

    /** Records the bounds of the first {@link #fieldsNeeded} fields; returns how many the record has of them. */
    private int split(String record) {
        int end = record.length();
        int from = 0;
        for (int field = 0; field < fieldsNeeded; field++) {
            int to = decoder.find(record, from, end, fieldSeparator);
            fieldStarts[field] = from;
            fieldEnds[field] = to;
            if (to == end) {
                return field + 1;
            }
            from = to + 1;
        }
        return fieldsNeeded;
    }

    private String nextRecord() throws IOException {
        try {
            return lines.next();
        } catch (InterruptedIOException | SourceReadException e) {
            throw e; // cancelled, or the store failed: not the data's fault
        } catch (IOException e) {
            throw BadData.at("CSV", source.name(), lines.nextLineNumber(), BadData.describe(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
