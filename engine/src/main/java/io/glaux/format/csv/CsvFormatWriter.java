package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.GlauxException;
import io.glaux.format.FormatWriter;
import io.glaux.format.RowWriter;
import io.glaux.format.text.TextOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes delimited text for INSERT INTO and CTAS: the OpenCSVSerde dialect when property {@code serialization.lib}
 * names it, LazySimpleSerDe otherwise, with the SerDe parameters of {@link CsvFormatReader} among the properties.
 * {@code write_compression=GZIP} compresses the object (extension {@code .gz}); plain text has no extension.
 */
public final class CsvFormatWriter implements FormatWriter {

    /** The property naming the SerDe class. */
    public static final String SERIALIZATION_LIB = "serialization.lib";

    public CsvFormatWriter() {
    }

    @Override
    public RowWriter create(OutputStream out, List<Column> columns, Map<String, String> properties)
            throws IOException {
        List<AthenaType> types = columns.stream().map(Column::type).toList();
        if (StorageDescriptor.OPEN_CSV_SERDE.equals(properties.get(SERIALIZATION_LIB))) {
            for (Column column : columns) {
                switch (column.type().kind()) {
                    case ARRAY, MAP, STRUCT -> throw GlauxException.user("OpenCSVSerde cannot write column "
                            + column.name() + " of type " + column.type().ddl());
                    default -> {
                    }
                }
            }
            Writer writer = TextOutput.open(out, properties);
            return new OpenCsvRowWriter(writer, OpenCsvDialect.from(properties), types);
        }
        Writer writer = TextOutput.open(out, properties);
        return new LazySimpleRowWriter(writer, LazySimpleDialect.from(properties), types);
    }

    @Override
    public String fileExtension(Map<String, String> properties) {
        return TextOutput.fileExtension(properties);
    }
}
