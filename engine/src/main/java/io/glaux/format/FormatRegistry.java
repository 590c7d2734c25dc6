package io.glaux.format;

import io.glaux.catalog.DataFormat;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.csv.CsvFormatReader;
import io.glaux.format.csv.CsvFormatWriter;
import io.glaux.format.json.JsonFormatReader;
import io.glaux.format.json.JsonFormatWriter;
import io.glaux.format.parquet.ParquetFormatReader;
import io.glaux.format.parquet.ParquetFormatWriter;

import java.util.EnumMap;
import java.util.Map;

/** The reader and writer of each data format. */
public final class FormatRegistry {

    private final Map<DataFormat, FormatReader> readers;
    private final Map<DataFormat, FormatWriter> writers;

    public FormatRegistry(Map<DataFormat, FormatReader> readers, Map<DataFormat, FormatWriter> writers) {
        this.readers = new EnumMap<>(readers);
        this.writers = new EnumMap<>(writers);
    }

    /** CSV (LazySimpleSerDe, OpenCSVSerde), JSON lines and Parquet. */
    public static FormatRegistry defaults() {
        return new FormatRegistry(
                Map.of(DataFormat.CSV, new CsvFormatReader(), DataFormat.JSON, new JsonFormatReader(),
                        DataFormat.PARQUET, new ParquetFormatReader()),
                Map.of(DataFormat.CSV, new CsvFormatWriter(), DataFormat.JSON, new JsonFormatWriter(),
                        DataFormat.PARQUET, new ParquetFormatWriter()));
    }

    public FormatReader reader(DataFormat format) {
        FormatReader reader = readers.get(format);
        if (reader == null) {
            throw new GlauxException(ErrorType.USER_ERROR, "Reading " + format + " tables is not supported");
        }
        return reader;
    }

    public FormatWriter writer(DataFormat format) {
        FormatWriter writer = writers.get(format);
        if (writer == null) {
            throw new GlauxException(ErrorType.USER_ERROR, "Writing " + format + " tables is not supported");
        }
        return writer;
    }
}
