package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.RowWriter;
import io.glaux.format.text.TextValueFormatter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as OpenCSVSerde does: every value quoted, quote and escape characters inside escaped with the escape
 * character (doubled when the escape is the quote), NULL as an empty unquoted field, {@code \n} endings. A NULL
 * string therefore reads back as an empty string, as in Athena.
 */
final class OpenCsvRowWriter implements RowWriter {

    private final Writer out;
    private final OpenCsvDialect dialect;
    private final List<AthenaType> types;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    OpenCsvRowWriter(Writer out, OpenCsvDialect dialect, List<AthenaType> types) {
        this.out = out;
        this.dialect = dialect;
        this.types = types;
    }

    @Override
    public void write(Object[] row) throws IOException {
        RowShape.check(row, types.size());
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(dialect.separator());
            }
            if (row[i] != null) {
                appendQuoted(TextValueFormatter.format(row[i], types.get(i)));
            }
        }
        line.append('\n');
        out.append(line);
        rows++;
    }

    private void appendQuoted(String text) {
        line.append(dialect.quote());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == dialect.quote() || c == dialect.escape()) {
                line.append(dialect.escape());
            }
            line.append(c);
        }
        line.append(dialect.quote());
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
