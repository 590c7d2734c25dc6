package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.List;
import java.util.Map;

/** Feeds {@code Object[]} rows (one value per column, {@link io.glaux.format.Values} form) to Parquet's column writers. */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final List<Column> columns;
    private final MessageType schema;
    private final ValueWriter[] writers;
    private RecordConsumer out;

    RowWriteSupport(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.schema = WriteSchema.of(columns);
        this.writers = new ValueWriter[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = ValueWriter.of(columns.get(i).type(), columns.get(i).name());
        }
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        if (row.length != writers.length) {
            throw new IllegalArgumentException("Row has " + row.length + " values for " + writers.length + " columns");
        }
        out.startMessage();
        for (int i = 0; i < writers.length; i++) {
            Object value = row[i];
            if (value != null) {
                String name = columns.get(i).name();
                out.startField(name, i);
                try {
                    writers[i].write(out, value);
                } catch (ClassCastException | ArithmeticException e) {
                    throw new IllegalArgumentException("Column " + name + " (" + columns.get(i).type().ddl()
                            + ") cannot hold a " + value.getClass().getName() + ": " + e.getMessage(), e);
                }
                out.endField(name, i);
            }
        }
        out.endMessage();
    }
}
