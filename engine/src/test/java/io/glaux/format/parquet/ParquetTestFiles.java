package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.format.RowWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Writing Parquet bytes with {@link ParquetFormatWriter} and reading them back with {@link ParquetFormatReader}. */
final class ParquetTestFiles {

    private ParquetTestFiles() {
    }

    static Column column(String name, String type) {
        return new Column(name, AthenaType.parse(type));
    }

    static byte[] write(List<Column> columns, List<Object[]> rows, Map<String, String> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter writer = new ParquetFormatWriter().create(out, columns, properties)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static int[] all(List<Column> columns) {
        return IntStream.range(0, columns.size()).toArray();
    }

    static List<Object[]> read(ObjectSource source, List<Column> columns, int[] projection,
                               List<ColumnPredicate> predicates) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (RowSource rowSource = new ParquetFormatReader().open(source,
                new ReadRequest(columns, projection, predicates, Map.of(), null))) {
            for (Object[] row = rowSource.next(); row != null; row = rowSource.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<Object[]> readAll(byte[] bytes, List<Column> columns) throws IOException {
        return read(new BytesObjectSource("s3://bucket/test.parquet", bytes), columns, all(columns), List.of());
    }
}
