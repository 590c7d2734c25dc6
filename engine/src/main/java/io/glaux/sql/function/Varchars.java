package io.glaux.sql.function;

import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A value as Trino's cast to varchar prints it, given its SQL type name. */
final class Varchars {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private Varchars() {
    }

    static String of(Object value, String sqlTypeName) {
        switch (sqlTypeName) {
            case "DATE":
                return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case "TIMESTAMP":
                return TIMESTAMP.format(DateTimeFunctions.dateTime(((Number) value).longValue()));
            default:
                break;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof ByteString) {
            return ((ByteString) value).toBase64String();
        }
        return value.toString();
    }
}
