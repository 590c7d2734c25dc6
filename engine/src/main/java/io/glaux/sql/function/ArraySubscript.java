package io.glaux.sql.function;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * Trino's array subscript {@code a[i]}: an index past the end, zero or negative fails with INVALID_FUNCTION_ARGUMENT
 * (Calcite's ITEM answers NULL; {@code element_at} keeps answering NULL). The planner replaces ITEM on arrays by a
 * call of {@link #subscript}.
 */
public final class ArraySubscript {
    private static final SqlOperator SUBSCRIPT = new PlannedOperator("array_subscript", ReturnTypes.ARG0,
            ArraySubscript.class, "subscript", call -> new Class<?>[] {List.class, long.class});

    private ArraySubscript() {
    }

    /** The checked form of {@code call}, or {@code call} itself if it is no subscript of an array. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() != SqlKind.ITEM || call.getOperands().size() != 2
                || call.getOperands().get(0).getType().getSqlTypeName() != SqlTypeName.ARRAY
                || !SqlTypeName.INT_TYPES.contains(call.getOperands().get(1).getType().getSqlTypeName())) {
            return call;
        }
        return rexBuilder.makeCall(call.getParserPosition(), call.getType(), SUBSCRIPT, call.getOperands());
    }

    /** The element at 1-based {@code index}, as Trino checks it. */
    public static Object subscript(List<?> array, long index) {
        if (index == 0) {
            throw FunctionErrors.invalidArgument("SQL array indices start at 1");
        }
        if (index < 0) {
            throw FunctionErrors.invalidArgument("Array subscript is negative: " + index);
        }
        if (index > array.size()) {
            throw FunctionErrors.invalidArgument("Array subscript must be less than or equal to array length: "
                    + index + " > " + array.size());
        }
        return array.get((int) index - 1);
    }
}
