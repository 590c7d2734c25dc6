package io.glaux.results;

import io.glaux.iam.Principal;
import io.glaux.storage.S3Location;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads result objects back the way clients do: the rows of {@code <id>.csv} (header first) or the lines of
 * {@code <id>.txt}, streaming.
 */
public final class ResultReader implements Closeable {

    private final BufferedReader reader;
    private final AthenaCsv.RowReader csv;

    private ResultReader(BufferedReader reader, boolean isCsv) {
        this.reader = reader;
        this.csv = isCsv ? new AthenaCsv.RowReader(reader) : null;
    }

    /** Opens {@code object} as {@code caller} reads it (null: Glaux itself), decrypted if it is encrypted. */
    public static ResultReader open(ResultObjects results, S3Location object, Principal caller) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                results.open(object, 0, caller), StandardCharsets.UTF_8), 64 * 1024);
        return new ResultReader(reader, object.key().endsWith(".csv"));
    }

    /** The next row (one field per column for CSV, the whole line for text), or null at the end. */
    public List<String> next() throws IOException {
        if (csv != null) {
            return csv.next();
        }
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        List<String> row = new ArrayList<>(1);
        row.add(line);
        return row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
