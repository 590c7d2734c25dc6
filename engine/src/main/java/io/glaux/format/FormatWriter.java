package io.glaux.format;

import io.glaux.catalog.Column;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Encodes rows into one object (CTAS, INSERT INTO, sample data). One implementation per format. */
public interface FormatWriter {

    /**
     * Starts an object written to {@code out}; the writer closes {@code out} when it is closed.
     *
     * @param properties writer options, e.g. {@code write_compression} (SNAPPY, GZIP, ZSTD, NONE) for Parquet, or the
     *     SerDe parameters for text
     */
    RowWriter create(OutputStream out, List<Column> columns, Map<String, String> properties) throws IOException;

    /** The file name suffix Athena gives such objects, e.g. {@code .parquet}. */
    String fileExtension(Map<String, String> properties);
}
