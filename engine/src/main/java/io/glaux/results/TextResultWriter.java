package io.glaux.results;

import io.glaux.storage.S3Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a DDL statement's output lines as {@code <id>.txt}, one line per row, as Athena does. */
public final class TextResultWriter {

    private TextResultWriter() {
    }

    public static S3Location write(ResultObjects.Sink sink, S3Location outputPrefix, String queryId, List<String> lines)
            throws IOException {
        S3Location location = ResultLocations.text(outputPrefix, queryId);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        sink.put(location, text.toString().getBytes(StandardCharsets.UTF_8));
        return location;
    }

    /** The manifest of a CTAS or INSERT INTO: the data objects it wrote, one per line. */
    public static S3Location writeManifest(ResultObjects.Sink sink, S3Location outputPrefix, String queryId,
                                           List<S3Location> objects) throws IOException {
        S3Location location = ResultLocations.manifest(outputPrefix, queryId);
        StringBuilder text = new StringBuilder();
        for (S3Location object : objects) {
            text.append(object).append('\n');
        }
        sink.put(location, text.toString().getBytes(StandardCharsets.UTF_8));
        return location;
    }
}
