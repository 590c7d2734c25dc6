package io.glaux.format.text;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.util.Base64;

/**
 * Writes a primitive value (as {@link io.glaux.format.Values} holds it) as the text {@link TextValueParser} reads
 * back: decimals in plain notation, dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss.SSS}, binary as
 * base64, floating point in Java's shortest round-tripping form ({@code NaN}, {@code Infinity}).
 */
public final class TextValueFormatter {

    private TextValueFormatter() {
    }

    public static String format(Object value, AthenaType type) {
        return switch (type.kind()) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case DATE -> TimestampText.formatDate(((Number) value).intValue());
            case TIMESTAMP -> TimestampText.format(((Number) value).longValue());
            case BINARY -> Base64.getEncoder().encodeToString(((ByteString) value).getBytes());
            case ARRAY, MAP, STRUCT -> throw new IllegalArgumentException("Type " + type.ddl() + " is not primitive");
            default -> value.toString();
        };
    }
}
