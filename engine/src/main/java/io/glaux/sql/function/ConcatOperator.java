package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.List;

/**
 * Trino's {@code ||}: besides strings, varbinary and two arrays (Calcite's {@code ||}, to which it defers), an array
 * and an element, either side ({@code ARRAY[1, 2] || 3} is {@code [1, 2, 3]}, {@code 0 || ARRAY[1, 2]} is
 * {@code [0, 1, 2]}), which is Trino's {@code concat(array, element)}: NULL when the element is NULL. The parsed
 * {@code ||} is bound to this operator by {@link TrinoFunctionRewriter}; the converted call is Calcite's {@code ||}
 * or Glaux's {@code concat}. With a char operand it is Trino's concat(char(x), char(y)), typed char(x + y)
 * ({@link CharFunctions#concat(RexBuilder, RelDataType, RexNode, RexNode)}).
 */
public final class ConcatOperator extends SqlBinaryOperator {

    static final ConcatOperator INSTANCE = new ConcatOperator();

    private ConcatOperator() {
        super("||", SqlKind.OTHER, SqlStdOperatorTable.CONCAT.getLeftPrec(), true, null, null, null);
    }

    /** Whether {@code call} is a {@code ||} bound to this operator. */
    public static boolean is(SqlCall call) {
        return call.getOperator() == INSTANCE;
    }

    /** The row expression of a validated {@code ||} of type {@code type} over {@code operands}. */
    public static RexNode convert(RexBuilder rexBuilder, RelDataType type, List<RexNode> operands) {
        if (TrinoCharType.is(type)) {
            return CharFunctions.concat(rexBuilder, type, operands.get(0), operands.get(1));
        }
        int side = elementSide(operands.get(0).getType(), operands.get(1).getType());
        if (side < 0) {
            return rexBuilder.makeCall(type, SqlStdOperatorTable.CONCAT, operands);
        }
        RexNode element = operands.get(side);
        if (element.getType().getSqlTypeName() != SqlTypeName.ARRAY) {
            // Both to the result's types: ARRAY[1.5] || 2 is [1.5, 2.0].
            RexNode array = rexBuilder.makeCast(type, operands.get(1 - side), true, false);
            RexNode typed = rexBuilder.makeCast(type.getComponentType(), element, true, false);
            return rexBuilder.makeCall(type, TrinoFunctions.function("concat"),
                    side == 1 ? List.of(array, typed) : List.of(typed, array));
        }
        // The element is an array itself, which Glaux's concat would take for a second array to flatten: the
        // element becomes a one-element array of arrays, and a NULL element makes the result NULL.
        RexNode wrapped = rexBuilder.makeCall(type, SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR,
                List.of(rexBuilder.makeCast(type.getComponentType(), element)));
        RexNode array = rexBuilder.makeCast(type, operands.get(1 - side));
        RexNode joined = rexBuilder.makeCall(type, SqlStdOperatorTable.CONCAT,
                side == 1 ? List.of(array, wrapped) : List.of(wrapped, array));
        return rexBuilder.makeCall(type, SqlStdOperatorTable.CASE, List.of(
                rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, element), rexBuilder.makeNullLiteral(type), joined));
    }

    /**
     * 1 if the element is the right operand, 0 if the left, -1 if this is no array-and-element pair: the array is
     * nested one level deeper than the element ({@code ARRAY[ARRAY[1]] || ARRAY[2]} appends an array).
     */
    private static int elementSide(RelDataType left, RelDataType right) {
        int leftDepth = depth(left);
        int rightDepth = depth(right);
        return leftDepth == rightDepth + 1 ? 1 : rightDepth == leftDepth + 1 ? 0 : -1;
    }

    private static int depth(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ARRAY ? 1 + depth(type.getComponentType()) : 0;
    }

    private static RelDataType arrayWithElement(SqlOperatorBinding binding) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        return switch (elementSide(left, right)) {
            case 1 -> nullable(binding, ArrayFunctions.arrayWith(binding, left, right), left, right);
            case 0 -> nullable(binding, ArrayFunctions.arrayWith(binding, right, left), left, right);
            default -> null;
        };
    }

    private static RelDataType nullable(SqlOperatorBinding binding, RelDataType type, RelDataType left,
                                        RelDataType right) {
        return type == null ? null : binding.getTypeFactory().createTypeWithNullability(type,
                left.isNullable() || right.isNullable());
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(2);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        // Trino has no || for json: it must be cast to varchar first.
        if (JsonType.is(binding.getOperandType(0)) || JsonType.is(binding.getOperandType(1))) {
            if (throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return false;
        }
        if (elementSide(binding.getOperandType(0), binding.getOperandType(1)) >= 0
                && arrayWithElement(binding) != null) {
            return true;
        }
        return SqlStdOperatorTable.CONCAT.checkOperandTypes(binding, throwOnFailure);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        RelDataType chars = CharFunctions.concatType(binding.getTypeFactory(), binding.getOperandType(0),
                binding.getOperandType(1));
        if (chars != null) {
            return chars;
        }
        RelDataType array = arrayWithElement(binding);
        return array != null ? array : SqlStdOperatorTable.CONCAT.inferReturnType(binding);
    }

    /** Types the call itself: Calcite's operators look themselves up by name, which would find Calcite's {@code ||}. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        return validateOperands(validator, scope, call);
    }

    @Override
    public String getAllowedSignatures(String opNameToUse) {
        return SqlStdOperatorTable.CONCAT.getAllowedSignatures(opNameToUse);
    }
}
