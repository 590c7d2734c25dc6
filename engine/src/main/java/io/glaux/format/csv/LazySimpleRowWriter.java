package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;

import java.io.Writer;
import java.util.List;

/** Writes rows as LazySimpleSerDe lines: fields joined by the field delimiter, no header, {@code \n} endings. */
final class LazySimpleRowWriter extends DelimitedRowWriter {

    private final LazySimpleDialect dialect;
    private final LazySimpleValueEncoder encoder;

    LazySimpleRowWriter(Writer out, LazySimpleDialect dialect, List<AthenaType> types) {
        super(out, types);
        this.dialect = dialect;
        this.encoder = new LazySimpleValueEncoder(dialect);
    }

    @Override
    char separator() {
        return dialect.separator(0);
    }

    @Override
    void appendField(StringBuilder line, Object value, AthenaType type) {
        encoder.encode(line, value, type, 1);
    }
}
