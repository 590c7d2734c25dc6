package io.glaux.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.stream.Collectors;

/**
 * Trino's spelling of a Calcite type, as DESCRIBE OUTPUT and DESCRIBE INPUT print it: {@code integer},
 * {@code varchar(3)} (Calcite's {@code CHAR(3)} literals are Trino's {@code varchar(3)}), {@code varchar},
 * {@code decimal(10,2)}, {@code timestamp(3)}, {@code array(integer)}, {@code map(varchar, bigint)},
 * {@code row(x integer, y varchar)}; {@code unknown} for a type nothing determined.
 */
public final class TrinoTypeName {

    private TrinoTypeName() {
    }

    public static String of(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL, FLOAT -> "real";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
            case CHAR, VARCHAR -> type.getPrecision() > 0 && type.getPrecision() < Integer.MAX_VALUE
                    ? "varchar(" + type.getPrecision() + ")" : "varchar";
            case BINARY, VARBINARY -> "varbinary";
            case DATE -> "date";
            case TIME -> "time(" + type.getPrecision() + ")";
            case TIMESTAMP -> "timestamp(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp(" + type.getPrecision() + ") with time zone";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> "interval year to month";
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                 INTERVAL_SECOND -> "interval day to second";
            case ARRAY, MULTISET -> "array(" + of(type.getComponentType()) + ")";
            case MAP -> "map(" + of(type.getKeyType()) + ", " + of(type.getValueType()) + ")";
            case ROW -> type.getFieldList().stream().map(TrinoTypeName::field)
                    .collect(Collectors.joining(", ", "row(", ")"));
            default -> "unknown";
        };
    }

    /**
     * The fixed width of a value in bytes as Trino reports it in DESCRIBE OUTPUT's {@code Type Size}; 0 for types of
     * variable width.
     */
    public static long fixedSize(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN, TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER, REAL, FLOAT, DATE -> 4;
            case BIGINT, DOUBLE, TIME, TIMESTAMP -> 8;
            case DECIMAL -> type.getPrecision() <= 18 ? 8 : 16;
            default -> 0;
        };
    }

    private static String field(RelDataTypeField field) {
        return field.getName() + " " + of(field.getType());
    }
}
