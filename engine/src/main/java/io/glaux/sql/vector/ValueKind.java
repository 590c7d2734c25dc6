package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;

/**
 * How a column's values sit in an Arrow buffer, as far as the vectorized operators care: integer-like values read as
 * longs (integers, dates as days, timestamps as millis, booleans as 0/1, string dictionary ids, and decimals of up to
 * 18 digits as their unscaled value, the low half of Arrow's 128-bit decimal) or floating point read as doubles.
 */
public enum ValueKind {
    INT8(1), INT16(2), INT32(4), INT64(8), DECIMAL64(16), BIT(0), FLOAT32(4), FLOAT64(8), UNSUPPORTED(0);

    // Decimals of up to 18 digits are held as unscaled longs (INT64); DECIMAL64 reads the low half of a 128-bit
    // Arrow decimal, for datasets saved before that.

    private final int width;

    ValueKind(int width) {
        this.width = width;
    }

    int width() {
        return width;
    }

    public boolean isLong() {
        return this != FLOAT32 && this != FLOAT64 && this != UNSUPPORTED;
    }

    public boolean isDouble() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public static ValueKind of(AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN -> BIT;
            case TINYINT -> INT8;
            case SMALLINT -> INT16;
            case INT, DATE, CHAR, VARCHAR, STRING -> INT32;
            case BIGINT, TIMESTAMP -> INT64;
            case FLOAT -> FLOAT32;
            case DOUBLE -> FLOAT64;
            case DECIMAL -> ColumnLayout.isLongDecimal(type) ? INT64 : UNSUPPORTED;
            default -> UNSUPPORTED;
        };
    }
}
