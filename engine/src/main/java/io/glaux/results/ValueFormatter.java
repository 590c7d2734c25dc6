package io.glaux.results;

import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Values ({@link io.glaux.format.Values} form) as Athena prints them in result objects: timestamps with
 * milliseconds, dates ISO, decimals plain, arrays {@code [a, b]}, maps {@code {k=v}}, rows {@code {a=1, b=x}}.
 */
public final class ValueFormatter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ColumnInfo column;

    public ValueFormatter(ColumnInfo column) {
        this.column = column;
    }

    /** The text of a non-null value. */
    public String format(Object value) {
        if (value instanceof BigDecimal decimal && column.type().equals("decimal")) {
            // Calcite may carry more digits than the column's type (e.g. after division); Athena prints the type's.
            return decimal.setScale(column.scale(), RoundingMode.HALF_UP).toPlainString();
        }
        return format(value, column.type());
    }

    static String format(Object value, String type) {
        switch (type) {
            case "date":
                return value instanceof Number days ? LocalDate.ofEpochDay(days.longValue()).toString()
                        : value.toString();
            case "timestamp":
                return value instanceof Number millis
                        ? LocalDateTime.ofEpochSecond(Math.floorDiv(millis.longValue(), 1000),
                        (int) Math.floorMod(millis.longValue(), 1000) * 1_000_000, ZoneOffset.UTC).format(TIMESTAMP)
                        : value.toString();
            default:
                return formatAny(value);
        }
    }

    /** Formats a value whose type is only known from its Java class (nested values). */
    private static String formatAny(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof ByteString bytes) {
            return hex(bytes.getBytes());
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(formatAny(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ").append(formatAny(entry.getKey())).append('=')
                        .append(formatAny(entry.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (value instanceof Object[] fields) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < fields.length; i++) {
                out.append(i == 0 ? "" : ", ").append(formatAny(fields[i]));
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

    /** Trino prints varbinary as space-separated hex bytes. */
    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return out.toString();
    }
}
