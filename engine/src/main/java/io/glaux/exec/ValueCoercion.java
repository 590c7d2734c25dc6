package io.glaux.exec;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * INSERT INTO's implicit coercions: a query column may feed a table column of the same type family (numbers to
 * numbers, strings to strings, ...); values are converted to the table's type as they are written.
 */
final class ValueCoercion {

    private ValueCoercion() {
    }

    /** Refuses an INSERT whose query columns don't fit the table's, with Trino's message. */
    static void checkCompatible(List<Column> table, List<Column> query) {
        boolean fits = table.size() == query.size();
        for (int i = 0; fits && i < table.size(); i++) {
            fits = family(table.get(i).type()) == family(query.get(i).type());
        }
        if (!fits) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.TYPE_MISMATCH, "Insert query has mismatched"
                    + " column types: Table: [" + names(table) + "], Query: [" + names(query) + "]");
        }
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(c -> c.type().ddl()).collect(Collectors.joining(", "));
    }

    private enum Family { NUMBER, STRING, BOOLEAN, DATE, TIMESTAMP, BINARY, ARRAY, MAP, STRUCT }

    private static Family family(AthenaType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL -> Family.NUMBER;
            case CHAR, VARCHAR, STRING -> Family.STRING;
            case BOOLEAN -> Family.BOOLEAN;
            case DATE -> Family.DATE;
            case TIMESTAMP -> Family.TIMESTAMP;
            case BINARY -> Family.BINARY;
            case ARRAY -> Family.ARRAY;
            case MAP -> Family.MAP;
            case STRUCT -> Family.STRUCT;
        };
    }

    /** A value of a compatible type as a value of {@code target}. */
    static Object coerce(Object value, AthenaType target) {
        if (value == null || !(value instanceof Number number)) {
            return value;
        }
        return switch (target.kind()) {
            case TINYINT -> (byte) exact(number, Byte.MIN_VALUE, Byte.MAX_VALUE, target);
            case SMALLINT -> (short) exact(number, Short.MIN_VALUE, Short.MAX_VALUE, target);
            case INT -> (int) exact(number, Integer.MIN_VALUE, Integer.MAX_VALUE, target);
            case BIGINT -> exact(number, Long.MIN_VALUE, Long.MAX_VALUE, target);
            case FLOAT -> number.floatValue();
            case DOUBLE -> number.doubleValue();
            case DECIMAL -> {
                AthenaType.Decimal decimal = (AthenaType.Decimal) target;
                BigDecimal result = new BigDecimal(number.toString()).setScale(decimal.scale(), RoundingMode.HALF_UP);
                if (result.precision() > decimal.precision()) {
                    throw outOfRange(number, target);
                }
                yield result;
            }
            default -> value;
        };
    }

    /** Trino rounds when a fractional number goes into an integer column. */
    private static long exact(Number number, long min, long max, AthenaType target) {
        BigDecimal rounded = new BigDecimal(number.toString()).setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(number, target);
        }
        return rounded.longValue();
    }

    private static GlauxException outOfRange(Number number, AthenaType target) {
        return new GlauxException(ErrorType.DATA_ERROR, TrinoErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Value " + number
                + " is out of range for " + target.ddl());
    }
}
