package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Conversions from a file column's decoded value ({@link FileValueKind}) to the table column's type, for the schema
 * differences Athena tolerates in Parquet: integer widening (and narrowing, where values that do not fit read as NULL,
 * as Hive does), integers and decimals to floating point or to wider decimals, float to double, decimal rescaling,
 * strings to varchar/char and unannotated binary to strings. Anything else is a schema mismatch.
 */
final class ValueCoercion {

    static final UnaryOperator<Object> IDENTITY = v -> v;

    private ValueCoercion() {
    }

    /** The conversion, or null when the file type cannot be read as the table type. */
    static UnaryOperator<Object> of(FileValueKind file, AthenaType table) {
        return switch (table.kind()) {
            case BOOLEAN -> file == FileValueKind.BOOLEAN ? IDENTITY : null;
            case TINYINT -> integral(file, Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v);
            case SMALLINT -> integral(file, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
            case INT -> file == FileValueKind.INT ? IDENTITY
                    : integral(file, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
            case BIGINT -> switch (file) {
                case LONG -> IDENTITY;
                case INT -> v -> ((Integer) v).longValue();
                default -> null;
            };
            case FLOAT -> switch (file) {
                case FLOAT -> IDENTITY;
                case INT, LONG, DECIMAL -> v -> ((Number) v).floatValue();
                default -> null;
            };
            case DOUBLE -> switch (file) {
                case DOUBLE -> IDENTITY;
                case FLOAT, INT, LONG, DECIMAL -> v -> ((Number) v).doubleValue();
                default -> null;
            };
            case DECIMAL -> toDecimal(file, (AthenaType.Decimal) table);
            case STRING -> toText(file, Integer.MAX_VALUE);
            case VARCHAR -> toText(file, ((AthenaType.Varchar) table).length());
            case CHAR -> {
                UnaryOperator<Object> text = toText(file, Integer.MAX_VALUE);
                yield text == null ? null : v -> ((AthenaType.Char) table).hold((String) text.apply(v));
            }
            case BINARY -> switch (file) {
                case BINARY -> IDENTITY;
                case STRING -> v -> new ByteString(((String) v).getBytes(StandardCharsets.UTF_8));
                default -> null;
            };
            case DATE -> file == FileValueKind.DATE ? IDENTITY : null;
            case TIMESTAMP -> file == FileValueKind.TIMESTAMP ? IDENTITY : null;
            case ARRAY, MAP, STRUCT -> null;
        };
    }

    private interface Narrowing {
        Object apply(long value);
    }

    private static UnaryOperator<Object> integral(FileValueKind file, long min, long max, Narrowing narrowing) {
        if (file != FileValueKind.INT && file != FileValueKind.LONG) {
            return null;
        }
        return v -> {
            long value = ((Number) v).longValue();
            return value < min || value > max ? null : narrowing.apply(value);
        };
    }

    private static UnaryOperator<Object> toDecimal(FileValueKind file, AthenaType.Decimal decimal) {
        return switch (file) {
            case INT, LONG -> v -> fit(BigDecimal.valueOf(((Number) v).longValue()), decimal);
            case DECIMAL -> v -> fit((BigDecimal) v, decimal);
            default -> null;
        };
    }

    /** Rescales to the table's scale; a value with more digits than the table's precision reads as NULL, as in Hive. */
    static BigDecimal fit(BigDecimal value, AthenaType.Decimal decimal) {
        BigDecimal scaled = value.scale() == decimal.scale() ? value : value.setScale(decimal.scale(), RoundingMode.HALF_UP);
        return scaled.precision() - scaled.scale() > decimal.precision() - decimal.scale() ? null : scaled;
    }

    private static UnaryOperator<Object> toText(FileValueKind file, int length) {
        UnaryOperator<Object> decode = switch (file) {
            case STRING -> IDENTITY;
            case BINARY -> v -> new String(((ByteString) v).getBytes(), StandardCharsets.UTF_8);
            default -> null;
        };
        if (decode == null || length == Integer.MAX_VALUE) {
            return decode;
        }
        return v -> {
            String text = (String) decode.apply(v);
            if (text.codePointCount(0, text.length()) > length) {
                text = text.substring(0, text.offsetByCodePoints(0, length));
            }
            return text;
        };
    }
}
