package io.glaux.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams a query's rows into {@code <id>.csv} and, on commit, writes {@code <id>.csv.metadata}, both through the
 * query's {@link ResultObjects.Sink} (so encrypted as the query asks). Nothing is visible before commit; closing
 * without commit leaves no object behind.
 */
public final class CsvResultWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResultObjects.Sink sink;
    private final S3Location csv;
    private final S3Location metadata;
    private final List<ColumnInfo> columns;
    private final ValueFormatter[] formatters;
    private final ObjectUpload upload;
    private final Writer out;
    private long rowCount;
    private boolean committed;

    /**
     * @param types the shape of each column's values (for nested values); one per column
     */
    public CsvResultWriter(ResultObjects.Sink sink, S3Location outputPrefix, String queryId,
                           List<ColumnInfo> columns, List<ValueType> types) throws IOException {
        this.sink = sink;
        this.csv = ResultLocations.csv(outputPrefix, queryId);
        this.metadata = ResultLocations.metadata(outputPrefix, queryId);
        this.columns = List.copyOf(columns);
        this.formatters = types.stream().map(ValueFormatter::new).toArray(ValueFormatter[]::new);
        this.upload = sink.create(csv);
        this.out = new BufferedWriter(new OutputStreamWriter(upload, StandardCharsets.UTF_8), 64 * 1024);
        AthenaCsv.writeRow(out, columns.stream().map(ColumnInfo::label).toArray(String[]::new));
    }

    public void write(Object[] row) throws IOException {
        String[] fields = new String[formatters.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = row[i] == null ? null : formatters[i].format(row[i]);
        }
        AthenaCsv.writeRow(out, fields);
        rowCount++;
    }

    public long rowCount() {
        return rowCount;
    }

    /** Publishes the CSV, then its metadata; if the metadata can't be written the CSV is removed again. */
    public S3Location commit(String statementType) throws IOException {
        out.flush();
        upload.commit();
        committed = true;
        try {
            ResultMetadata content = new ResultMetadata(ResultMetadata.CURRENT_VERSION, statementType, columns,
                    rowCount, null);
            sink.put(metadata, JSON.writeValueAsBytes(content));
        } catch (IOException | RuntimeException e) {
            sink.delete(csv);
            throw e;
        }
        return csv;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            upload.close();
        }
    }
}
