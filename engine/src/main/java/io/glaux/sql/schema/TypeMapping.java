package io.glaux.sql.schema;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.sql.function.JsonType;
import io.glaux.sql.function.TrinoCharType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/** Athena column types as Calcite types. Every column is nullable, as in Athena. */
public final class TypeMapping {

    private TypeMapping() {
    }

    public static RelDataType rowType(RelDataTypeFactory factory, List<Column> columns) {
        List<String> names = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
            types.add(toRelType(factory, column.type()));
        }
        return factory.createStructType(types, names);
    }

    public static RelDataType toRelType(RelDataTypeFactory factory, AthenaType type) {
        if (type instanceof AthenaType.Json) {
            return JsonType.of(factory);
        }
        RelDataType relType = switch (type.kind()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INT -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> {
                AthenaType.Decimal decimal = (AthenaType.Decimal) type;
                yield factory.createSqlType(SqlTypeName.DECIMAL, decimal.precision(), decimal.scale());
            }
            // Trino's char(n): values held without trailing spaces, shown padded (see TrinoCharType).
            case CHAR -> TrinoCharType.of(factory, ((AthenaType.Char) type).length());
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR, ((AthenaType.Varchar) type).length());
            case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
            case ARRAY -> factory.createArrayType(toRelType(factory, ((AthenaType.Array) type).element()), -1);
            case MAP -> {
                AthenaType.Map map = (AthenaType.Map) type;
                yield factory.createMapType(toRelType(factory, map.key()), toRelType(factory, map.value()));
            }
            case STRUCT -> {
                List<String> names = new ArrayList<>();
                List<RelDataType> types = new ArrayList<>();
                for (AthenaType.Field field : ((AthenaType.Struct) type).fields()) {
                    names.add(field.name());
                    types.add(toRelType(factory, field.type()));
                }
                // Trino reaches struct fields as column.field without a table alias; Calcite allows that only for
                // "peek" structs. NO_EXPAND keeps SELECT * returning the struct whole.
                yield factory.createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, types, names);
            }
        };
        return factory.createTypeWithNullability(relType, true);
    }

    /**
     * The Athena column type for a query's output type (CTAS, views); types Athena can't store in a table, such as
     * the type of a bare NULL, are refused.
     */
    public static AthenaType toAthenaType(RelDataType type) {
        if (JsonType.is(type)) {
            return AthenaType.JSON;
        }
        if (TrinoCharType.is(type)) {
            return new AthenaType.Char(type.getPrecision());
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> AthenaType.BOOLEAN;
            case TINYINT -> AthenaType.TINYINT;
            case SMALLINT -> AthenaType.SMALLINT;
            case INTEGER -> AthenaType.INT;
            case BIGINT -> AthenaType.BIGINT;
            case REAL, FLOAT -> AthenaType.FLOAT;
            case DOUBLE -> AthenaType.DOUBLE;
            case DECIMAL -> new AthenaType.Decimal(type.getPrecision(), type.getScale());
            // A bounded VARCHAR comes from a varchar(n) column and stays one, as in Trino; CHAR is also the type of
            // Calcite's string literals (varchar in Trino), so it is stored as string.
            case VARCHAR -> type.getPrecision() > 0 && type.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED
                    && type.getPrecision() <= 65535 ? new AthenaType.Varchar(type.getPrecision()) : AthenaType.STRING;
            case CHAR -> AthenaType.STRING;
            case DATE -> AthenaType.DATE;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> AthenaType.TIMESTAMP;
            // Tables hold no zone: a zoned value is stored as its instant (PreparedQuery#runAsTableRows).
            case TIMESTAMP_TZ -> AthenaType.TIMESTAMP;
            case BINARY, VARBINARY -> AthenaType.BINARY;
            case ARRAY, MULTISET -> new AthenaType.Array(toAthenaType(type.getComponentType()));
            case MAP -> new AthenaType.Map(toAthenaType(type.getKeyType()), toAthenaType(type.getValueType()));
            case ROW -> new AthenaType.Struct(type.getFieldList().stream()
                    .map(f -> new AthenaType.Field(f.getName().toLowerCase(java.util.Locale.ROOT),
                            toAthenaType(f.getType())))
                    .toList());
            // Trino's Hive connector has no column type for a geometry.
            case GEOMETRY -> throw new io.glaux.error.GlauxException(io.glaux.error.ErrorType.USER_ERROR,
                    io.glaux.error.TrinoErrorCode.NOT_SUPPORTED, "Unsupported Hive type: Geometry");
            default -> throw new io.glaux.error.GlauxException(io.glaux.error.ErrorType.USER_ERROR,
                    "Column type " + type.getSqlTypeName().getName().toLowerCase(java.util.Locale.ROOT)
                            + " cannot be stored in a table");
        };
    }
}
