package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.text.TextValueFormatter;

import java.io.Writer;
import java.util.List;

/**
 * Writes rows as OpenCSVSerde does: every value quoted, quote and escape characters inside escaped with the escape
 * character (doubled when the escape is the quote), NULL as an empty unquoted field, {@code \n} endings. A NULL
 * string therefore reads back as an empty string, as in Athena.
 */
final class OpenCsvRowWriter extends DelimitedRowWriter {

    private final OpenCsvDialect dialect;

    OpenCsvRowWriter(Writer out, OpenCsvDialect dialect, List<AthenaType> types) {
        super(out, types);
        this.dialect = dialect;
    }

    @Override
    char separator() {
        return dialect.separator();
    }

    @Override
    void appendField(StringBuilder line, Object value, AthenaType type) {
        if (value != null) {
            appendQuoted(line, TextValueFormatter.format(value, type));
        }
    }

    private void appendQuoted(StringBuilder line, String text) {
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
}
