package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.glaux.sql.function.Arg.ANY;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's format(format, args...): Java's {@link String#format} in an English locale, with each argument first
 * turned into the Java value Trino hands it: integers as {@link Long}, decimals as {@link BigDecimal}, dates,
 * timestamps and times as {@code java.time} values (so that {@code %tY} works), NULL as null (printed "null").
 * The operands' SQL types reach the method as a hidden argument, since a date and an integer share a representation.
 */
public final class FormatFunction {
    private FormatFunction() {
    }

    /** Declares format. */
    static void declare(FunctionRegistry.Builder r) {
        r.define(GlauxFunction.nullAware("format", Signature.variadicWithHidden(FormatFunction.class, "format",
                Returns.VARCHAR, 1, FormatFunction::argumentTypes, STRING, ANY)));
    }

    /** The SQL type names of the operands after the format, comma-separated. */
    private static List<Object> argumentTypes(List<RelDataType> types) {
        return List.of(types.stream().skip(1).map(t -> t.getSqlTypeName().getName())
                .collect(Collectors.joining(",")));
    }

    public static String format(String format, Object[] args, String types) {
        if (format == null) {
            return null;
        }
        String[] typeNames = types.isEmpty() ? new String[0] : types.split(",");
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = javaValue(args[i], SqlTypeName.valueOf(typeNames[i]));
        }
        try {
            return String.format(Locale.ENGLISH, format, values);
        } catch (IllegalFormatException e) {
            throw FunctionErrors.invalidArgument("Invalid format string: " + format + " (" + e.getMessage() + ")");
        }
    }

    private static Object javaValue(Object value, SqlTypeName type) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return ((Number) value).longValue();
            case DATE:
                return LocalDate.ofEpochDay(((Number) value).intValue());
            case TIMESTAMP:
                return LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) value).longValue(), 1000L),
                        (int) Math.floorMod(((Number) value).longValue(), 1000L) * 1_000_000, ZoneOffset.UTC);
            case TIME:
                return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000);
            case CHAR:
            case VARCHAR:
            case DECIMAL:
            case DOUBLE:
            case FLOAT:
            case REAL:
            case BOOLEAN:
                return value;
            default:
                throw FunctionErrors.invalidArgument("Unsupported type for format(): " + type.getName().toLowerCase(
                        Locale.ROOT));
        }
    }
}
