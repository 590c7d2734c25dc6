package io.glaux.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.glaux.catalog.AthenaType;
import io.glaux.format.text.TextValueException;
import io.glaux.format.text.TextValueParser;
import io.glaux.format.text.TimestampText;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one JSON value from a parser as a column type. Strings in typed columns parse as text ({@code "12"} in an int
 * column is 12); a JSON object or array in a string column gives its JSON text; timestamps may be epoch milliseconds.
 * A value of the wrong type is consumed whole and then reported as a {@link TextValueException}, or becomes NULL
 * in lenient mode, element by element inside arrays, maps and structs.
 */
final class JsonValueDecoder {

    private final JsonDialect dialect;
    private final JsonFactory factory;

    JsonValueDecoder(JsonDialect dialect, JsonFactory factory) {
        this.dialect = dialect;
        this.factory = factory;
    }

    /** Decodes the value starting at the parser's current token; leaves the parser on its last token. */
    Object decode(JsonParser parser, AthenaType type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return switch (type.kind()) {
            case STRING -> text(parser);
            case CHAR -> ((AthenaType.Char) type).hold(text(parser));
            case VARCHAR -> TextValueParser.truncate(text(parser), ((AthenaType.Varchar) type).length());
            case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                    ? parser.getBooleanValue() : fromString(parser, type);
            case TINYINT, SMALLINT, INT, BIGINT -> integer(parser, type);
            case FLOAT -> token.isNumeric() ? parser.getFloatValue() : fromString(parser, type);
            case DOUBLE -> token.isNumeric() ? parser.getDoubleValue() : fromString(parser, type);
            case DECIMAL -> token.isNumeric()
                    ? TextValueParser.fitDecimal(parser.getDecimalValue(), (AthenaType.Decimal) type)
                    : fromString(parser, type);
            case TIMESTAMP -> timestamp(parser);
            case DATE, BINARY -> fromString(parser, type);
            case ARRAY -> array(parser, (AthenaType.Array) type);
            case MAP -> map(parser, (AthenaType.Map) type);
            case STRUCT -> struct(parser, (AthenaType.Struct) type);
        };
    }

    private Object decodeElement(JsonParser parser, AthenaType type) throws IOException {
        try {
            return decode(parser, type);
        } catch (TextValueException e) {
            if (dialect.nullForInvalidData()) {
                return null;
            }
            throw e;
        }
    }

    private String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = factory.createGenerator(json)) {
                generator.copyCurrentStructure(parser);
            }
            return json.toString();
        }
        return parser.getText();
    }

    private Object fromString(JsonParser parser, AthenaType type) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw mismatch(parser, type);
        }
        return TextValueParser.parse(parser.getText(), type);
    }

    private Object integer(JsonParser parser, AthenaType type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return TextValueParser.parse(parser.getText(), type);
        }
        if (!token.isNumeric()) {
            throw mismatch(parser, type);
        }
        BigDecimal value = parser.getDecimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new TextValueException("Cannot read " + value.toPlainString() + " as " + type.ddl());
        }
        return TextValueParser.parse(value.setScale(0, RoundingMode.UNNECESSARY).toPlainString(), type);
    }

    private Object timestamp(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue().setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        if (token != JsonToken.VALUE_STRING) {
            throw mismatch(parser, AthenaType.TIMESTAMP);
        }
        String text = parser.getText();
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return TextValueParser.parseInteger(text, 0, Long.MAX_VALUE, "timestamp");
        }
        return TimestampText.parseMillis(text);
    }

    private List<Object> array(JsonParser parser, AthenaType.Array type) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(parser, type);
        }
        List<Object> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(decodeElement(parser, type.element()));
        }
        return elements;
    }

    private Map<Object, Object> map(JsonParser parser, AthenaType.Map type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(parser, type);
        }
        Map<Object, Object> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Object key = mapKey(name, type.key());
            Object value = decodeElement(parser, type.value());
            if (key != null) {
                entries.put(key, value);
            }
        }
        return entries;
    }

    private Object mapKey(String name, AthenaType keyType) {
        try {
            return TextValueParser.parse(name, keyType);
        } catch (TextValueException e) {
            if (dialect.nullForInvalidData()) {
                return null;
            }
            throw e;
        }
    }

    private Object[] struct(JsonParser parser, AthenaType.Struct type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(parser, type);
        }
        List<AthenaType.Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int field = fieldIndex(fields, dialect.normalizeKey(parser.currentName()));
            parser.nextToken();
            if (field < 0) {
                parser.skipChildren();
            } else {
                values[field] = decodeElement(parser, fields.get(field).type());
            }
        }
        return values;
    }

    private int fieldIndex(List<AthenaType.Field> fields, String key) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name();
            if (dialect.caseInsensitive() ? name.toLowerCase(Locale.ROOT).equals(key) : name.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Skips the rest of the value and describes why it does not fit {@code type}. */
    private static TextValueException mismatch(JsonParser parser, AthenaType type) throws IOException {
        JsonToken token = parser.currentToken();
        String found = switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "string '" + parser.getText() + "'";
            default -> "JSON value " + parser.getText();
        };
        parser.skipChildren();
        return new TextValueException("Cannot read " + found + " as " + type.ddl());
    }
}
