package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * A row's field read by name, {@code s['sum']}, as {@link LambdaFieldAccess} writes Trino's {@code s.sum} on a lambda
 * parameter. Calcite's ITEM on a row compiles to a call typed with the row's synthetic Java class, which a lambda
 * parameter does not have, so the planner replaces it by a call of {@link #field} with the field's position.
 */
public final class RowField {
    private static final SqlOperator FIELD = new PlannedOperator("row_field", b -> b.getOperandType(0)
            .getFieldList().get(((Number) b.getOperandLiteralValue(1, Integer.class)).intValue()).getType(),
            RowField.class, "field", call -> new Class<?>[] {Object.class, int.class});

    private RowField() {
    }

    /** The field read of {@code call}, or {@code call} itself if it is no subscript of a row by a field's name. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() != SqlKind.ITEM || call.getOperands().size() != 2
                || !call.getOperands().get(0).getType().isStruct()
                || !(call.getOperands().get(1) instanceof RexLiteral name)
                || name.getValueAs(String.class) == null) {
            return call;
        }
        RexNode row = call.getOperands().get(0);
        RelDataTypeField field = row.getType().getField(name.getValueAs(String.class), false, false);
        if (field == null) {
            return call;
        }
        return rexBuilder.makeCall(call.getParserPosition(), call.getType(), FIELD,
                List.of(row, rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(field.getIndex()))));
    }

    /**
     * The lambda with its row parameters typed ANY (Java {@code Object}) once their fields are read through
     * {@link #field}: generated code would otherwise cast the row value, an array of its fields, to the row's
     * synthetic class.
     */
    public static RexNode untypeRowParameters(RexBuilder rexBuilder, RexLambda lambda) {
        if (lambda.getParameters().stream().noneMatch(p -> p.getType().isStruct())) {
            return lambda;
        }
        RelDataType any = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.ANY), true);
        List<RexLambdaRef> parameters = new ArrayList<>();
        for (RexLambdaRef p : lambda.getParameters()) {
            parameters.add(p.getType().isStruct() ? new RexLambdaRef(p.getIndex(), p.getName(), any) : p);
        }
        RexNode body = lambda.getExpression().accept(new RexShuttle() {
            @Override
            public RexNode visitLambdaRef(RexLambdaRef ref) {
                return ref.getType().isStruct() ? parameters.get(ref.getIndex()) : ref;
            }
        });
        return rexBuilder.makeLambdaCall(body, parameters);
    }

    /** The field at {@code index} of a row value (an array of its fields, or a list). */
    public static Object field(Object row, int index) {
        return row instanceof Object[] fields ? fields[index] : ((List<?>) row).get(index);
    }
}
