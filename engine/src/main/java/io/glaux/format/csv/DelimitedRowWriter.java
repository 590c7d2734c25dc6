package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.RowWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A text row writer: one line per row, fields joined by a separator; the dialect decides how a field is written. */
abstract class DelimitedRowWriter implements RowWriter {

    private final Writer out;
    private final List<AthenaType> types;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    DelimitedRowWriter(Writer out, List<AthenaType> types) {
        this.out = out;
        this.types = types;
    }

    /** The character between two fields. */
    abstract char separator();

    /** Appends one field's text (NULL included) to the line. */
    abstract void appendField(StringBuilder line, Object value, AthenaType type);

    @Override
    public final void write(Object[] row) throws IOException {
        RowShape.check(row, types.size());
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(separator());
            }
            appendField(line, row[i], types.get(i));
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    @Override
    public final long rowCount() {
        return rows;
    }

    @Override
    public final void close() throws IOException {
        out.close();
    }
}
