package io.glaux.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.RowWriter;
import io.glaux.format.text.TextValueFormatter;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON object per line with the column names as keys. Numbers and booleans are JSON numbers and
 * booleans (decimals in plain notation, NaN and infinities as strings); dates, timestamps and binary are strings
 * as {@link TextValueFormatter} writes them; arrays, maps (keys as text) and structs (field names) nest.
 */
final class JsonRowWriter implements RowWriter {

    private final JsonGenerator generator;
    private final List<Column> columns;
    private long rows;

    JsonRowWriter(JsonGenerator generator, List<Column> columns) {
        this.generator = generator;
        this.columns = columns;
    }

    @Override
    public void write(Object[] row) throws IOException {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("Row has " + row.length + " values for " + columns.size() + " columns");
        }
        generator.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            generator.writeFieldName(columns.get(i).name());
            writeValue(row[i], columns.get(i).type());
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
        rows++;
    }

    private void writeValue(Object value, AthenaType type) throws IOException {
        if (value == null) {
            generator.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case TINYINT, SMALLINT, INT -> generator.writeNumber(((Number) value).intValue());
            case BIGINT -> generator.writeNumber((Long) value);
            case FLOAT -> generator.writeNumber((Float) value);
            case DOUBLE -> generator.writeNumber((Double) value);
            case DECIMAL -> generator.writeNumber((BigDecimal) value);
            case ARRAY -> {
                generator.writeStartArray();
                for (Object element : (List<?>) value) {
                    writeValue(element, ((AthenaType.Array) type).element());
                }
                generator.writeEndArray();
            }
            case MAP -> {
                AthenaType.Map mapType = (AthenaType.Map) type;
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    generator.writeFieldName(TextValueFormatter.format(entry.getKey(), mapType.key()));
                    writeValue(entry.getValue(), mapType.value());
                }
                generator.writeEndObject();
            }
            case STRUCT -> {
                List<AthenaType.Field> fields = ((AthenaType.Struct) type).fields();
                Object[] values = (Object[]) value;
                generator.writeStartObject();
                for (int i = 0; i < fields.size(); i++) {
                    generator.writeFieldName(fields.get(i).name());
                    writeValue(values[i], fields.get(i).type());
                }
                generator.writeEndObject();
            }
            default -> generator.writeString(TextValueFormatter.format(value, type));
        }
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
