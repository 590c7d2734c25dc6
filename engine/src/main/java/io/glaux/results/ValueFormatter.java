package io.glaux.results;

import io.glaux.format.ZonedTime;
import io.glaux.format.ZonedTimestamp;
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
 * milliseconds (with time zone: {@code 2001-08-22 03:04:05.321 Europe/Paris}, see {@link ZonedTimestamp}), dates ISO, decimals with their type's scale, arrays {@code [a, b]}, maps {@code {k=v}}, rows
 * {@code {a=1, b=x}}, varbinary as hex bytes, intervals as {@link IntervalText} spells them. Nested NULLs print as
 * {@code null}.
 */
public final class ValueFormatter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ValueType type;

    public ValueFormatter(ValueType type) {
        this.type = type;
    }

    /** For a flat column. */
    public ValueFormatter(ColumnInfo column) {
        this(ValueType.of(column));
    }

    /** The text of a non-null value. */
    public String format(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, type);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, ValueType type) {
        if (value == null) {
            out.append("null");
        } else if (type instanceof ValueType.ArrayOf array && value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, list.get(i), array.element());
            }
            out.append(']');
        } else if (type instanceof ValueType.MapOf mapType && value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ");
                append(out, entry.getKey(), mapType.key());
                out.append('=');
                append(out, entry.getValue(), mapType.value());
                first = false;
            }
            out.append('}');
        } else if (type instanceof ValueType.RowOf row && value instanceof Object[] fields) {
            out.append('{');
            for (int i = 0; i < fields.length; i++) {
                out.append(i == 0 ? "" : ", ");
                out.append(i < row.fieldNames().size() ? row.fieldNames().get(i) : "field" + i).append('=');
                append(out, fields[i], i < row.fieldTypes().size() ? row.fieldTypes().get(i)
                        : new ValueType.Scalar("unknown", 0));
            }
            out.append('}');
        } else if (type instanceof ValueType.Scalar scalar) {
            out.append(scalar(value, scalar));
        } else {
            out.append(value);
        }
    }

    private static String scalar(Object value, ValueType.Scalar type) {
        switch (type.typeName()) {
            case "date":
                return value instanceof Number days ? LocalDate.ofEpochDay(days.longValue()).toString()
                        : value.toString();
            case "timestamp":
                return value instanceof Number millis
                        ? LocalDateTime.ofEpochSecond(Math.floorDiv(millis.longValue(), 1000),
                        (int) Math.floorMod(millis.longValue(), 1000) * 1_000_000, ZoneOffset.UTC).format(TIMESTAMP)
                        : value.toString();
            case "time":
                return value instanceof Number millis ? TimeText.of(millis.longValue(), type.scale()) : value.toString();
            case "time with time zone":
                return value instanceof Number packed ? ZonedTime.format(packed.longValue(), 3) : value.toString();
            case "timestamp with time zone":
                return value instanceof Number packed ? ZonedTimestamp.format(packed.longValue()) : value.toString();
            case "interval day to second":
                return value instanceof Number millis ? IntervalText.dayToSecond(millis.longValue()) : value.toString();
            case "interval year to month":
                return value instanceof Number months ? IntervalText.yearToMonth(months.longValue()) : value.toString();
            case "decimal":
                // Calcite may carry more digits than the column's type (e.g. after division); Athena prints the type's.
                return value instanceof BigDecimal decimal
                        ? decimal.setScale(type.scale(), RoundingMode.HALF_UP).toPlainString() : value.toString();
            default:
                if (value instanceof BigDecimal decimal) {
                    return decimal.toPlainString();
                }
                if (value instanceof ByteString bytes) {
                    return hex(bytes.getBytes());
                }
                if (value instanceof byte[] bytes) {
                    return hex(bytes);
                }
                return value.toString();
        }
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
