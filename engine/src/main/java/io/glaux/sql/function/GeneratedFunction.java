package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * The Calcite function behind an operator whose code generation is its whole definition: the operator types its
 * calls itself, so Calcite asks this only for the implementor ({@link #getImplementor()}); the parameter list and
 * return type it never consults are left open.
 */
abstract class GeneratedFunction implements ScalarFunction, ImplementableFunction {

    @Override
    public final RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return typeFactory.createSqlType(SqlTypeName.ANY);
    }

    @Override
    public final List<FunctionParameter> getParameters() {
        return List.of();
    }
}
