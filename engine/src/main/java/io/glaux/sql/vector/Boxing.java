package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Turns a primitive result back into the engine's row representation of a SQL type (the same objects a row-by-row
 * scan produces: Integer for int and date, Long for bigint and timestamp, BigDecimal for decimal...).
 */
public interface Boxing {

    Object box(long value);

    /** A result that overflowed a long (only sums do); types that cannot hold it fail as SQL arithmetic would. */
    default Object box(BigInteger value) {
        if (value.bitLength() < Long.SIZE) {
            return box(value.longValue());
        }
        throw new ArithmeticException("long overflow");
    }

    static Boxing decimal(int scale) {
        return new Boxing() {
            @Override
            public Object box(long value) {
                return BigDecimal.valueOf(value, scale);
            }

            @Override
            public Object box(BigInteger value) {
                return new BigDecimal(value, scale);
            }
        };
    }

    /** The representation of an integer-like column's value as read by {@link ColumnView#getLong}. */
    static Boxing forColumn(AthenaType type, StringLookup dictionary) {
        return switch (type.kind()) {
            case BOOLEAN -> value -> value != 0;
            case TINYINT -> value -> (byte) value;
            case SMALLINT -> value -> (short) value;
            case INT, DATE -> value -> (int) value;
            case BIGINT, TIMESTAMP -> value -> value;
            case DECIMAL -> decimal(((AthenaType.Decimal) type).scale());
            case CHAR, VARCHAR, STRING -> value -> dictionary.value((int) value);
            default -> throw new IllegalArgumentException("Not an integer-like type: " + type.ddl());
        };
    }
}
