package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Calcite type spelled as Trino spells it ({@code typeof}, and the shape handed to the JSON casts): {@code integer},
 * {@code varchar(5)} (Calcite's CHAR(n) literals are Trino's varchar(n)), {@code decimal(3,1)},
 * {@code timestamp(3)}, {@code array(integer)}, {@code map(varchar(1), integer)}, {@code row(x integer)};
 * unnamed row fields (Calcite's {@code EXPR$0}, Glaux's {@code field0}) print without a name, as Trino's do. Also
 * what DESCRIBE OUTPUT and DESCRIBE INPUT print, with {@link #fixedSize}.
 */
public final class TrinoTypeNames {
    private static final Pattern UNNAMED_FIELD = Pattern.compile("(EXPR\\$|field)\\d+");

    private TrinoTypeNames() {
    }

    public static String of(RelDataType type) {
        if (JsonType.is(type)) {
            return "json";
        }
        if (TrinoCharType.is(type)) {
            return "char(" + type.getPrecision() + ")";
        }
        switch (type.getSqlTypeName()) {
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DOUBLE:
            case REAL:
            case DATE:
                return type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
            case FLOAT:
                return "real";
            case DECIMAL:
                return "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
            case CHAR:
            case VARCHAR:
                return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                        || type.getPrecision() == Integer.MAX_VALUE ? "varchar" : "varchar(" + type.getPrecision() + ")";
            case BINARY:
            case VARBINARY:
                return "varbinary";
            case TIME:
                return "time(" + Math.max(type.getPrecision(), 0) + ")";
            case TIME_TZ:
                return "time(" + Math.max(type.getPrecision(), 0) + ") with time zone";
            case TIMESTAMP:
                return "timestamp(" + Math.max(type.getPrecision(), 0) + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return "timestamp(" + Math.max(type.getPrecision(), 0) + ") with time zone";
            case ARRAY:
            case MULTISET:
                return "array(" + of(type.getComponentType()) + ")";
            case MAP:
                return "map(" + of(type.getKeyType()) + ", " + of(type.getValueType()) + ")";
            case ROW:
                List<String> fields = new ArrayList<>();
                for (RelDataTypeField f : type.getFieldList()) {
                    fields.add(UNNAMED_FIELD.matcher(f.getName()).matches() ? of(f.getType())
                            : f.getName().toLowerCase(Locale.ROOT) + " " + of(f.getType()));
                }
                return "row(" + String.join(", ", fields) + ")";
            case NULL:
                return "unknown";
            case GEOMETRY:
                return "Geometry";
            default:
                if (type.getSqlTypeName().isYearMonth()) {
                    return "interval year to month";
                }
                if (type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return "interval day to second";
                }
                return type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The fixed width of a value in bytes, as Trino reports it in DESCRIBE OUTPUT's {@code Type Size}; 0 for types of
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
}
