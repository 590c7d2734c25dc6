package io.glaux.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent reader for Hive type strings ({@code array<string>}, {@code struct<a:int>}), also in Trino's
 * spelling ({@code array(varchar)}, {@code map(varchar, integer)}, {@code row(a integer)}); errors name the position
 * and what was expected.
 */
final class TypeParser {

    private final String text;
    /** Whether json is a type: a view's column may be json, a table's may not. */
    private final boolean json;
    private int pos;

    TypeParser(String text, boolean json) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Missing column type");
        }
        this.text = text;
        this.json = json;
    }

    AthenaType parseWhole() {
        AthenaType type = type();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return type;
    }

    private AthenaType type() {
        skipSpaces();
        int start = pos;
        String name = word().toLowerCase(Locale.ROOT);
        if (json && name.equals("json")) {
            return AthenaType.JSON;
        }
        switch (name) {
            case "boolean": return AthenaType.BOOLEAN;
            case "tinyint": return AthenaType.TINYINT;
            case "smallint": return AthenaType.SMALLINT;
            case "int": case "integer": return AthenaType.INT;
            case "bigint": return AthenaType.BIGINT;
            case "float": case "real": return AthenaType.FLOAT;
            case "double": return AthenaType.DOUBLE;
            case "string": return AthenaType.STRING;
            case "date": return AthenaType.DATE;
            case "timestamp": return AthenaType.TIMESTAMP;
            case "binary": case "varbinary": return AthenaType.BINARY;
            case "decimal": case "numeric": {
                if (!peek('(')) {
                    return new AthenaType.Decimal(10, 0); // Hive's default
                }
                expect('(');
                int precision = number();
                int scale = 0;
                if (peek(',')) {
                    expect(',');
                    scale = number();
                }
                expect(')');
                return new AthenaType.Decimal(precision, scale);
            }
            case "char": {
                expect('(');
                int length = number();
                expect(')');
                return new AthenaType.Char(length);
            }
            case "varchar": {
                if (!peek('(')) {
                    return AthenaType.STRING;
                }
                expect('(');
                int length = number();
                expect(')');
                return new AthenaType.Varchar(length);
            }
            case "array": {
                char close = open();
                AthenaType element = type();
                expect(close);
                return new AthenaType.Array(element);
            }
            case "map": {
                char close = open();
                AthenaType key = type();
                expect(',');
                AthenaType value = type();
                expect(close);
                return new AthenaType.Map(key, value);
            }
            case "struct":
            case "row": {
                // Hive's struct<name:type, ...>; Trino's row(name type, ...).
                char close = name.equals("row") ? expectThen('(', ')') : open();
                List<AthenaType.Field> fields = new ArrayList<>();
                do {
                    if (!fields.isEmpty()) {
                        expect(',');
                    }
                    String fieldName = word().toLowerCase(Locale.ROOT);
                    if (close == '>') {
                        expect(':');
                    }
                    fields.add(new AthenaType.Field(fieldName, type()));
                } while (peek(','));
                expect(close);
                return new AthenaType.Struct(fields);
            }
            default:
                pos = start;
                throw error("unknown type '" + name + "'");
        }
    }

    /**
     * The opening of a structured type's parameters: Hive's {@code <} or Trino's {@code (} ({@code array(varchar)},
     * {@code map(varchar, integer)}); returns the character that closes them.
     */
    private char open() {
        if (peek('(')) {
            return expectThen('(', ')');
        }
        return expectThen('<', '>');
    }

    private char expectThen(char open, char close) {
        expect(open);
        return close;
    }

    private String word() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw error("unterminated `name`");
            }
            pos = end + 1;
            return text.substring(start + 1, end);
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private int number() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new TypeSyntaxException(text, pos, what);
    }
}
