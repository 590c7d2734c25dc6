package io.glaux.format.csv;

import io.glaux.format.text.LineReader;
import io.glaux.format.text.SerdeOptions;

import java.util.Map;

/**
 * LazySimpleSerDe's text layout: one separator per nesting level (fields, collection items, map keys, then \u0004
 * upwards as Hive assigns them), an optional escape character, the text that stands for NULL, and whether escaped
 * {@code r}/{@code n} mean CR/LF ({@code serialization.escape.crlf}).
 *
 * @param separators separator of each nesting level; level 0 splits the fields of a row
 * @param escape the escape character, or {@link LineReader#NO_ESCAPE}
 */
record LazySimpleDialect(char[] separators, int escape, String nullFormat, boolean escapeCrlf) {

    static final String FIELD_DELIM = "field.delim";
    static final String SERIALIZATION_FORMAT = "serialization.format";
    static final String COLLECTION_DELIM = "collection.delim";
    static final String MAPKEY_DELIM = "mapkey.delim";
    static final String ESCAPE_DELIM = "escape.delim";
    static final String NULL_FORMAT = "serialization.null.format";
    static final String ESCAPE_CRLF = "serialization.escape.crlf";

    private static final int LEVELS = 24;

    static LazySimpleDialect from(Map<String, String> parameters) {
        SerdeOptions options = new SerdeOptions(parameters);
        char[] separators = new char[LEVELS];
        char field = options.hiveDelimiter(SERIALIZATION_FORMAT, '\u0001');
        separators[0] = options.hiveDelimiter(FIELD_DELIM, field);
        separators[1] = options.hiveDelimiter(COLLECTION_DELIM, '\u0002');
        separators[2] = options.hiveDelimiter(MAPKEY_DELIM, '\u0003');
        for (int level = 3; level < 8; level++) {
            separators[level] = (char) (level + 1);
        }
        separators[8] = 11;
        for (int level = 9; level < LEVELS; level++) {
            separators[level] = (char) (level + 5);
        }
        int escape = options.get(ESCAPE_DELIM) == null ? LineReader.NO_ESCAPE
                : options.hiveDelimiter(ESCAPE_DELIM, '\\');
        return new LazySimpleDialect(separators, escape, options.get(NULL_FORMAT, "\\N"),
                options.flag(ESCAPE_CRLF, false));
    }

    char separator(int level) {
        if (level >= separators.length) {
            throw new IllegalArgumentException("Types nested deeper than " + LEVELS + " levels are not supported");
        }
        return separators[level];
    }

    boolean escaping() {
        return escape != LineReader.NO_ESCAPE;
    }
}
