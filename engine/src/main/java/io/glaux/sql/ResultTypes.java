package io.glaux.sql;

import io.glaux.results.ColumnInfo;
import io.glaux.results.ValueType;
import io.glaux.sql.function.JsonType;
import io.glaux.sql.function.TrinoCharType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;

/** Describes a query's output columns with Athena's type names and precisions. */
final class ResultTypes {

    private ResultTypes() {
    }

    /** The columns of a query's result, named as {@code names} says (Trino's names, not Calcite's). */
    static List<ColumnInfo> columns(RelDataType rowType, List<String> names) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            RelDataType type = field.getType();
            columns.add(ColumnInfo.of(names.get(field.getIndex()), athenaTypeName(type), precision(type),
                    type.getSqlTypeName().allowsScale() ? type.getScale() : 0));
        }
        return columns;
    }

    /** The shape of each output column's values, nested types included. */
    static List<ValueType> valueTypes(RelDataType rowType) {
        return rowType.getFieldList().stream().map(field -> valueType(field.getType())).toList();
    }

    private static ValueType valueType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case ARRAY, MULTISET -> new ValueType.ArrayOf(valueType(type.getComponentType()));
            case MAP -> new ValueType.MapOf(valueType(type.getKeyType()), valueType(type.getValueType()));
            case ROW -> new ValueType.RowOf(type.getFieldNames().stream().map(ResultTypes::fieldName).toList(),
                    type.getFieldList().stream().map(f -> valueType(f.getType())).toList());
            // A time's fractional digits travel as its scale: time(3) prints milliseconds, time(0) none.
            case TIME -> new ValueType.Scalar(athenaTypeName(type), Math.max(type.getPrecision(), 0));
            default -> new ValueType.Scalar(athenaTypeName(type),
                    type.getSqlTypeName().allowsScale() ? type.getScale() : 0);
        };
    }

    /**
     * A row field's name as Athena prints it: Calcite names the fields of an unnamed row ({@code ROW(1, 'a')})
     * {@code EXPR$0}, {@code EXPR$1}, ...; Athena prints {@code field0}, {@code field1}, ...
     */
    static String fieldName(String name) {
        return name.startsWith("EXPR$") && name.length() > 5 && name.substring(5).chars().allMatch(Character::isDigit)
                ? "field" + name.substring(5) : name;
    }

    static String athenaTypeName(RelDataType type) {
        if (JsonType.is(type)) {
            return "json";
        }
        if (TrinoCharType.is(type)) {
            return "char";
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL, FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal";
            // Calcite types string literals CHAR(n); Trino types them varchar(n), and so reports them.
            case CHAR, VARCHAR -> "varchar";
            case DATE -> "date";
            case TIME -> "time";
            case TIME_TZ -> "time with time zone";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case BINARY, VARBINARY -> "varbinary";
            case ARRAY, MULTISET -> "array";
            case MAP -> "map";
            case ROW -> "row";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> "interval year to month";
            case NULL -> "unknown";
            case GEOMETRY -> "Geometry";
            default -> type.getSqlTypeName().isYearMonth() ? "interval year to month"
                    : type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
                    ? "interval day to second" : type.getSqlTypeName().getName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static int precision(RelDataType type) {
        if (JsonType.is(type)) {
            return 0;
        }
        return switch (type.getSqlTypeName()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case REAL, FLOAT, DOUBLE -> 17;
            case DECIMAL -> type.getPrecision();
            case CHAR, VARCHAR, BINARY, VARBINARY -> type.getPrecision() < 0 ? Integer.MAX_VALUE : type.getPrecision();
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> 3;
            default -> 0;
        };
    }
}
