package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.RowWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows as LazySimpleSerDe lines: fields joined by the field delimiter, no header, {@code \n} endings. */
final class LazySimpleRowWriter implements RowWriter {

    private final Writer out;
    private final LazySimpleDialect dialect;
    private final LazySimpleValueEncoder encoder;
    private final List<AthenaType> types;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    LazySimpleRowWriter(Writer out, LazySimpleDialect dialect, List<AthenaType> types) {
        this.out = out;
        this.dialect = dialect;
        this.encoder = new LazySimpleValueEncoder(dialect);
        this.types = types;
    }

    @Override
    public void write(Object[] row) throws IOException {
        RowShape.check(row, types.size());
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(dialect.separator(0));
            }
            encoder.encode(line, row[i], types.get(i), 1);
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
