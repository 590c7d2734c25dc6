package io.glaux.sample;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Lines of delimited text in the two dialects Athena reads: OpenCSVSerde (every field in double quotes, a quote
 * inside a field doubled, which opencsv reads back as one quote) and LazySimpleSerDe (no quoting at all, NULL written
 * as {@code \N}; values must not contain the delimiter). Lines end with a line feed.
 */
final class CsvText {

    static final String LAZY_SIMPLE_NULL = "\\N";

    private CsvText() {
    }

    static String openCsvLine(List<String> fields) {
        return fields.stream().map(CsvText::quoted).collect(Collectors.joining(",", "", "\n"));
    }

    private static String quoted(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("OpenCSVSerde cannot read line breaks or backslashes: " + field);
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static String lazySimpleLine(List<String> fields) {
        return fields.stream().map(CsvText::unquoted).collect(Collectors.joining(",", "", "\n"));
    }

    private static String unquoted(String field) {
        if (field == null) {
            return LAZY_SIMPLE_NULL;
        }
        if (field.indexOf(',') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("LazySimpleSerDe cannot read commas, line breaks or backslashes: "
                    + field);
        }
        return field;
    }
}
