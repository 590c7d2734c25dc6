package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.function.Function;

/** Result type rules and hidden arguments that several function families share. */
final class Returns {
    static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR);
    /** Trino's char(x) for a char(x) first operand (trim, ltrim, rtrim), else varchar. */
    static final SqlReturnTypeInference CHAR_OR_VARCHAR = b -> TrinoCharType.is(b.getOperandType(0))
            ? b.getOperandType(0) : VARCHAR.inferReturnType(b);
    static final SqlReturnTypeInference BIGINT = ReturnTypes.explicit(SqlTypeName.BIGINT);
    static final SqlReturnTypeInference DOUBLE = ReturnTypes.explicit(SqlTypeName.DOUBLE);
    static final SqlReturnTypeInference BOOLEAN = ReturnTypes.explicit(SqlTypeName.BOOLEAN);
    static final SqlReturnTypeInference DATE = ReturnTypes.explicit(SqlTypeName.DATE);
    static final SqlReturnTypeInference VARBINARY = ReturnTypes.explicit(SqlTypeName.VARBINARY);
    static final SqlReturnTypeInference GEOMETRY = ReturnTypes.explicit(SqlTypeName.GEOMETRY);
    static final SqlReturnTypeInference TIMESTAMP_3 =
            b -> b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3);
    static final SqlReturnTypeInference ZONED_3 =
            b -> b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_TZ, 3);
    static final SqlReturnTypeInference ZONED_TIME_3 =
            b -> b.getTypeFactory().createSqlType(SqlTypeName.TIME_TZ, 3);
    static final SqlReturnTypeInference TIME_3 = b -> b.getTypeFactory().createSqlType(SqlTypeName.TIME, 3);
    static final SqlReturnTypeInference ARRAY_OF_VARCHAR = b -> b.getTypeFactory().createArrayType(
            b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1);
    static final SqlReturnTypeInference ELEMENT_OF_ARG0 = b -> b.getOperandType(0).getComponentType();
    static final SqlReturnTypeInference VALUE_OF_ARG0 = b -> b.getOperandType(0).getValueType();

    private Returns() {
    }

    /**
     * The SQL type name of operand {@code i}'s elements (arrays) as a hidden argument; a timestamp's with its
     * precision ({@code TIMESTAMP(6)}), which tells the unit of its values.
     */
    static Function<List<RelDataType>, List<Object>> elementTypeOf(int i) {
        return types -> {
            RelDataType component = types.get(i).getComponentType();
            return List.of(component == null ? "NULL" : component.getSqlTypeName() == SqlTypeName.TIMESTAMP
                    ? "TIMESTAMP(" + component.getPrecision() + ")" : component.getSqlTypeName().getName());
        };
    }
}
