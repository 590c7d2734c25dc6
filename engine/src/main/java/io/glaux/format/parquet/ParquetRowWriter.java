package io.glaux.format.parquet;

import io.glaux.format.RowWriter;
import org.apache.parquet.hadoop.ParquetWriter;

import java.io.IOException;

/** Rows going into one Parquet object; closing writes the footer and closes the stream. */
final class ParquetRowWriter implements RowWriter {

    private final ParquetWriter<Object[]> writer;
    private long rows;
    private boolean closed;

    ParquetRowWriter(ParquetWriter<Object[]> writer) {
        this.writer = writer;
    }

    @Override
    public void write(Object[] row) throws IOException {
        if (closed) {
            throw new IOException("Parquet writer is closed");
        }
        writer.write(row);
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
