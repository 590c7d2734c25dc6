package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.format.text.TextValueException;
import io.glaux.format.text.TextValueParser;

/**
 * Reads an OpenCSVSerde field as its declared type, as Athena does: text that does not parse (an empty field in a
 * non-string column included) is NULL, unless the table sets {@code use.null.for.invalid.data=false}. Dates may
 * also be days since 1970-01-01 and timestamps milliseconds since the epoch (the UNIX numeric forms Athena documents
 * for this SerDe). OpenCSVSerde has no syntax for arrays, maps or
 * structs, so such columns read as NULL.
 */
final class OpenCsvValueDecoder {

    private OpenCsvValueDecoder() {
    }

    /** The value, or NULL when {@code text} does not parse. */
    static Object decodeOrNull(String text, AthenaType type) {
        try {
            return decode(text, type);
        } catch (TextValueException e) {
            return null;
        }
    }

    /** The value; text that does not parse raises {@link TextValueException}. */
    static Object decode(String text, AthenaType type) {
        return switch (type.kind()) {
            case ARRAY, MAP, STRUCT -> null;
            case DATE -> isInteger(text)
                    ? (int) TextValueParser.parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "date")
                    : TextValueParser.parseDate(text);
            case TIMESTAMP -> isInteger(text)
                    ? TextValueParser.parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "timestamp")
                    : TextValueParser.parse(text, type);
            default -> TextValueParser.parse(text, type);
        };
    }

    private static boolean isInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
