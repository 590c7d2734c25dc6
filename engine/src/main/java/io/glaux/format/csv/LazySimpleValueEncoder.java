package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.text.TextValueFormatter;

import java.util.List;
import java.util.Map;

/**
 * Writes a value in LazySimpleSerDe's layout, the inverse of {@link LazySimpleValueDecoder}: NULL as the null text,
 * collections joined by their level's separator, and, when an escape character is set, every separator, escape and
 * line break inside a primitive escaped (line breaks as {@code r}/{@code n} under escape.crlf). Without an escape
 * character text is written as is, as Hive does.
 */
final class LazySimpleValueEncoder {

    private final LazySimpleDialect dialect;

    LazySimpleValueEncoder(LazySimpleDialect dialect) {
        this.dialect = dialect;
    }

    /** Appends {@code value} of {@code type} nested at {@code level} (a row's fields are level 1). */
    void encode(StringBuilder out, Object value, AthenaType type, int level) {
        if (value == null) {
            out.append(dialect.nullFormat());
            return;
        }
        switch (type.kind()) {
            case ARRAY -> {
                List<?> elements = (List<?>) value;
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(dialect.separator(level));
                    }
                    encode(out, elements.get(i), ((AthenaType.Array) type).element(), level + 1);
                }
            }
            case MAP -> {
                AthenaType.Map mapType = (AthenaType.Map) type;
                boolean first = true;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!first) {
                        out.append(dialect.separator(level));
                    }
                    first = false;
                    encode(out, entry.getKey(), mapType.key(), level + 2);
                    out.append(dialect.separator(level + 1));
                    encode(out, entry.getValue(), mapType.value(), level + 2);
                }
            }
            case STRUCT -> {
                List<AthenaType.Field> fields = ((AthenaType.Struct) type).fields();
                Object[] values = (Object[]) value;
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(dialect.separator(level));
                    }
                    encode(out, values[i], fields.get(i).type(), level + 1);
                }
            }
            default -> appendEscaped(out, TextValueFormatter.format(value, type));
        }
    }

    private void appendEscaped(StringBuilder out, String text) {
        if (!dialect.escaping()) {
            out.append(text);
            return;
        }
        char escape = (char) dialect.escape();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (dialect.escapeCrlf() && (c == '\n' || c == '\r')) {
                out.append(escape).append(c == '\n' ? 'n' : 'r');
            } else {
                if (c == escape || c == '\n' || c == '\r' || isSeparator(c)) {
                    out.append(escape);
                }
                out.append(c);
            }
        }
    }

    private boolean isSeparator(char c) {
        for (char separator : dialect.separators()) {
            if (c == separator) {
                return true;
            }
        }
        return false;
    }
}
