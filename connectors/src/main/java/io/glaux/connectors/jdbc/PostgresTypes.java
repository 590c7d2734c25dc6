package io.glaux.connectors.jdbc;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL column types as Athena types, as Athena's PostgreSQL connector maps them (its JdbcArrowTypeConverter and
 * PostGreSqlMetadataHandler): from the driver's {@code DatabaseMetaData.getColumns} DATA_TYPE, TYPE_NAME, COLUMN_SIZE
 * and DECIMAL_DIGITS.
 *
 * <ul>
 * <li>smallint → smallint, integer → int, bigint → bigint, real → float, double precision → double, boolean →
 * boolean, bit(1) → boolean, money → double;</li>
 * <li>numeric(p,s) → decimal(p,s); numeric without precision → decimal(38, default_scale), default_scale being 0
 * unless the catalog sets it, as in AWS's connector; precision above 38 → decimal(38,s). These columns are read
 * through {@code CAST(c AS numeric(38,s))}, so PostgreSQL rounds them (half away from zero) and filters the rounded
 * value;</li>
 * <li>char/varchar/text → varchar (string); char(n) is read right-trimmed, as AWS's connector does;</li>
 * <li>date → date; timestamp → timestamp; timestamptz → timestamp, the instant in UTC (both cut to milliseconds,
 * Athena's precision);</li>
 * <li>bytea → varbinary;</li>
 * <li>arrays of bool, int2, int4, int8, float4, float8, date, timestamp and numeric → array of that type; every other
 * array → array&lt;varchar&gt; of its elements' text;</li>
 * <li>every other type (json, jsonb, uuid, time, interval, inet, enums, xml, bit(n), domains, which the driver
 * reports as DISTINCT, ...) → varchar, its text form, as AWS's connector defaults a type it cannot map to VARCHAR
 * rather than leaving the column out.</li>
 * </ul>
 */
final class PostgresTypes {

    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8", "serial", "bigserial",
            "smallserial", "serial2", "serial4", "serial8");
    private static final Set<String> TEXTS = Set.of("text", "varchar");

    private PostgresTypes() {
    }

    /**
     * The column for a {@code getColumns} row.
     *
     * @param name         COLUMN_NAME
     * @param jdbcType     DATA_TYPE
     * @param typeName     TYPE_NAME
     * @param size         COLUMN_SIZE
     * @param digits       DECIMAL_DIGITS
     * @param defaultScale the catalog's scale for numeric columns without precision
     */
    static SourceColumn column(String name, int jdbcType, String typeName, int size, int digits, int defaultScale) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        String quoted = quote(name);
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> {
                if (type.equals("bool")) {
                    yield plain(name, AthenaType.BOOLEAN, type, SourceColumn.Read.BOOLEAN);
                }
                if (type.equals("bit") && size == 1) {
                    yield new SourceColumn(name, new Column(name, AthenaType.BOOLEAN), type,
                            "(" + quoted + " = B'1')", SourceColumn.Read.BOOLEAN, false, false);
                }
                yield text(name, type);
            }
            case Types.SMALLINT -> integer(name, type, AthenaType.SMALLINT, "int2", SourceColumn.Read.SMALLINT);
            case Types.INTEGER -> integer(name, type, AthenaType.INT, "int4", SourceColumn.Read.INT);
            case Types.BIGINT -> integer(name, type, AthenaType.BIGINT, "int8", SourceColumn.Read.BIGINT);
            case Types.REAL -> type.equals("float4") ? plain(name, AthenaType.FLOAT, type, SourceColumn.Read.FLOAT)
                    : cast(name, AthenaType.FLOAT, type, "CAST(" + quoted + " AS float4)", SourceColumn.Read.FLOAT);
            case Types.DOUBLE, Types.FLOAT -> {
                if (type.equals("float8")) {
                    yield plain(name, AthenaType.DOUBLE, type, SourceColumn.Read.DOUBLE);
                }
                // money has no cast to float8 of its own; numeric is exact on the way.
                String numeric = type.equals("money") ? "CAST(" + quoted + " AS numeric)" : quoted;
                yield cast(name, AthenaType.DOUBLE, type, "CAST(" + numeric + " AS float8)", SourceColumn.Read.DOUBLE);
            }
            case Types.NUMERIC, Types.DECIMAL -> decimal(name, type, size, digits, defaultScale);
            case Types.CHAR -> type.equals("bpchar")
                    ? cast(name, AthenaType.STRING, type, "rtrim(" + quoted + ")", SourceColumn.Read.STRING)
                    : text(name, type);
            case Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB ->
                    TEXTS.contains(type) ? plain(name, AthenaType.STRING, type, SourceColumn.Read.STRING)
                            : text(name, type);
            case Types.DATE -> type.equals("date") ? plain(name, AthenaType.DATE, type, SourceColumn.Read.DATE)
                    : cast(name, AthenaType.DATE, type, "CAST(" + quoted + " AS date)", SourceColumn.Read.DATE);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> switch (type) {
                case "timestamp" -> plain(name, AthenaType.TIMESTAMP, type, SourceColumn.Read.TIMESTAMP);
                case "timestamptz" -> plain(name, AthenaType.TIMESTAMP, type, SourceColumn.Read.TIMESTAMP_TZ);
                // A domain: its value as a timestamp in the session's zone, which is UTC.
                default -> cast(name, AthenaType.TIMESTAMP, type, "CAST(" + quoted + " AS timestamp)",
                        SourceColumn.Read.TIMESTAMP);
            };
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> type.equals("bytea")
                    ? plain(name, AthenaType.BINARY, type, SourceColumn.Read.BINARY)
                    : cast(name, AthenaType.BINARY, type, "CAST(" + quoted + " AS bytea)", SourceColumn.Read.BINARY);
            case Types.ARRAY -> array(name, type, size, digits, defaultScale);
            default -> text(name, type);
        };
    }

    private static SourceColumn array(String name, String type, int size, int digits, int defaultScale) {
        AthenaType element = switch (type) {
            case "_bool" -> AthenaType.BOOLEAN;
            case "_int2" -> AthenaType.SMALLINT;
            case "_int4" -> AthenaType.INT;
            case "_int8" -> AthenaType.BIGINT;
            case "_float4" -> AthenaType.FLOAT;
            case "_float8" -> AthenaType.DOUBLE;
            case "_date" -> AthenaType.DATE;
            case "_timestamp" -> AthenaType.TIMESTAMP;
            case "_numeric" -> decimalType(size, digits, defaultScale);
            default -> AthenaType.STRING;
        };
        String quoted = quote(name);
        String expression;
        if (element == AthenaType.STRING) {
            expression = "CAST(" + quoted + " AS text[])";
        } else if (element instanceof AthenaType.Decimal decimal && !fitsDecimal(size, digits)) {
            expression = "CAST(" + quoted + " AS numeric(" + decimal.precision() + "," + decimal.scale() + ")[])";
        } else {
            expression = quoted;
        }
        return new SourceColumn(name, new Column(name, new AthenaType.Array(element)), type, expression,
                SourceColumn.Read.ARRAY, expression.equals(quoted), false);
    }

    private static SourceColumn decimal(String name, String type, int size, int digits, int defaultScale) {
        AthenaType.Decimal decimal = decimalType(size, digits, defaultScale);
        if (fitsDecimal(size, digits) && type.equals("numeric")) {
            return plain(name, decimal, type, SourceColumn.Read.DECIMAL);
        }
        return cast(name, decimal, type, "CAST(" + quote(name) + " AS numeric(" + decimal.precision() + ","
                + decimal.scale() + "))", SourceColumn.Read.DECIMAL);
    }

    /** Whether numeric(size, digits) is an Athena decimal as it is. */
    private static boolean fitsDecimal(int size, int digits) {
        return size >= 1 && size <= 38 && digits >= 0 && digits <= size;
    }

    private static AthenaType.Decimal decimalType(int size, int digits, int defaultScale) {
        if (size <= 0 || size > 1000) {
            // numeric without precision (the driver reports 0, or a typmod's remains for arrays)
            return new AthenaType.Decimal(38, defaultScale);
        }
        if (digits < 0) {
            // numeric(p,-s) (PostgreSQL 15) holds whole numbers of up to p-s digits
            return new AthenaType.Decimal(Math.min(38, size - digits), 0);
        }
        int precision = Math.min(38, size);
        return new AthenaType.Decimal(precision, Math.min(digits, precision));
    }

    private static SourceColumn integer(String name, String type, AthenaType athena, String pgType,
                                        SourceColumn.Read read) {
        return INTEGERS.contains(type) ? plain(name, athena, type, read)
                : cast(name, athena, type, "CAST(" + quote(name) + " AS " + pgType + ")", read);
    }

    private static SourceColumn text(String name, String type) {
        return cast(name, AthenaType.STRING, type, "CAST(" + quote(name) + " AS text)", SourceColumn.Read.STRING);
    }

    private static SourceColumn plain(String name, AthenaType type, String typeName, SourceColumn.Read read) {
        return new SourceColumn(name, new Column(name, type), typeName, quote(name), read, true, false);
    }

    private static SourceColumn cast(String name, AthenaType type, String typeName, String expression,
                                     SourceColumn.Read read) {
        return new SourceColumn(name, new Column(name, type), typeName, expression, read, false, false);
    }

    /** A PostgreSQL identifier, quoted: double quotes doubled, as the driver's escapeIdentifier does. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier cannot hold a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
