package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.text.TextValueException;
import io.glaux.format.text.TextValueParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a span of a LazySimpleSerDe record into a value: the null text is NULL, collections split on their level's
 * separator (skipping escaped ones), and primitives are unescaped, then parsed; a primitive that does not parse is
 * NULL, as Hive reads it. Empty text is an empty array or map.
 */
final class LazySimpleValueDecoder {

    private final LazySimpleDialect dialect;

    LazySimpleValueDecoder(LazySimpleDialect dialect) {
        this.dialect = dialect;
    }

    /** The value in {@code text[start, end)} of {@code type}, nested at {@code level} (a row's fields are level 1). */
    Object decode(String text, int start, int end, AthenaType type, int level) {
        if (isNull(text, start, end)) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> decodeArray(text, start, end, (AthenaType.Array) type, level);
            case MAP -> decodeMap(text, start, end, (AthenaType.Map) type, level);
            case STRUCT -> decodeStruct(text, start, end, (AthenaType.Struct) type, level);
            default -> decodePrimitive(unescape(text, start, end), type);
        };
    }

    /** The index of the first unescaped {@code separator} in [from, end), or {@code end}. */
    int find(String text, int from, int end, char separator) {
        boolean escaping = dialect.escaping();
        char escape = (char) dialect.escape();
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == separator) {
                return i;
            }
            if (escaping && c == escape) {
                i++;
            }
        }
        return end;
    }

    private boolean isNull(String text, int start, int end) {
        String nullFormat = dialect.nullFormat();
        return end - start == nullFormat.length() && text.regionMatches(start, nullFormat, 0, nullFormat.length());
    }

    /** The value of unescaped primitive text, NULL when it does not parse. */
    static Object decodePrimitive(String text, AthenaType type) {
        try {
            return TextValueParser.parse(text, type);
        } catch (TextValueException e) {
            return null;
        }
    }

    private List<Object> decodeArray(String text, int start, int end, AthenaType.Array type, int level) {
        List<Object> elements = new ArrayList<>();
        if (start == end) {
            return elements;
        }
        char separator = dialect.separator(level);
        int from = start;
        while (true) {
            int to = find(text, from, end, separator);
            elements.add(decode(text, from, to, type.element(), level + 1));
            if (to == end) {
                return elements;
            }
            from = to + 1;
        }
    }

    private Map<Object, Object> decodeMap(String text, int start, int end, AthenaType.Map type, int level) {
        Map<Object, Object> entries = new LinkedHashMap<>();
        if (start == end) {
            return entries;
        }
        char entrySeparator = dialect.separator(level);
        char keySeparator = dialect.separator(level + 1);
        int from = start;
        while (true) {
            int to = find(text, from, end, entrySeparator);
            int keyEnd = find(text, from, to, keySeparator);
            Object key = decode(text, from, keyEnd, type.key(), level + 2);
            if (key != null && !entries.containsKey(key)) {
                Object value = keyEnd == to ? null : decode(text, keyEnd + 1, to, type.value(), level + 2);
                entries.put(key, value);
            }
            if (to == end) {
                return entries;
            }
            from = to + 1;
        }
    }

    private Object[] decodeStruct(String text, int start, int end, AthenaType.Struct type, int level) {
        List<AthenaType.Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        char separator = dialect.separator(level);
        int from = start;
        for (int i = 0; i < values.length && from <= end; i++) {
            int to = find(text, from, end, separator);
            values[i] = decode(text, from, to, fields.get(i).type(), level + 1);
            from = to + 1;
        }
        return values;
    }

    /** Drops escape characters, keeping what they escape ({@code r}/{@code n} become CR/LF with escape.crlf). */
    String unescape(String text, int start, int end) {
        int firstEscape = dialect.escaping() ? text.indexOf(dialect.escape(), start) : -1;
        if (firstEscape < 0 || firstEscape >= end) {
            return text.substring(start, end);
        }
        char escape = (char) dialect.escape();
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == escape && i + 1 < end) {
                char next = text.charAt(++i);
                if (dialect.escapeCrlf() && next == 'r') {
                    out.append('\r');
                } else if (dialect.escapeCrlf() && next == 'n') {
                    out.append('\n');
                } else {
                    out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
