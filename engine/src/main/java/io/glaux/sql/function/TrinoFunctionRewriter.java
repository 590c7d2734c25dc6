package io.glaux.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Binds calls to Trino functions in a parsed statement to Glaux's implementations, before validation. Calls are
 * matched by function name, case-insensitively, whatever operator the parser chose: the Babel parser binds some Trino
 * names to other dialects' functions with other argument orders (date_trunc, date_diff to BigQuery's), which an
 * operator table cannot override. Names without a binding in {@link TrinoFunctions} and qualified names are left
 * alone. Operands are rewritten first, so nested calls are bound too. Applying the rewriter twice is harmless. An
 * empty array constructor {@code ARRAY[]}, which Calcite refuses, becomes Glaux's empty array of unknown elements.
 * Window functions Calcite lacks or frames differently are rewritten by {@link WindowFunctions}.
 * Decimal literals get Trino's precision ({@link TrinoDecimalLiteral}); {@code ||} is Trino's ({@link ConcatOperator}).
 * The clock keywords written without parentheses ({@code current_timestamp}, {@code localtimestamp},
 * {@code localtime}), which the parser leaves as identifiers, are bound like calls.
 */
public class TrinoFunctionRewriter extends SqlShuttle {

    public TrinoFunctionRewriter() {
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        return TrinoDecimalLiteral.of(literal);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        SqlCall clock = DateTimeFunctions.clockCall(id);
        return clock == null ? id : visit(clock);
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
            WindowFunctions.inlineNamedWindows(select);
        }
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall)) {
            return visited;
        }
        if (visited instanceof SqlLambda) {
            return LambdaFieldAccess.rewrite((SqlLambda) visited);
        }
        SqlCall c = (SqlCall) visited;
        if (c.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR && c.operandCount() == 0) {
            return TrinoFunctions.function(ArrayFunctions.EMPTY_ARRAY).createCall(c.getParserPosition());
        }
        if (c.getKind() == SqlKind.OVER) {
            return WindowFunctions.rewrite(c);
        }
        if (c.getOperator() == SqlStdOperatorTable.CONCAT) {
            return ConcatOperator.INSTANCE.createCall(c.getParserPosition(), c.getOperandList());
        }
        if (!(c.getOperator() instanceof SqlFunction) || c.getOperator() instanceof GlauxFunction) {
            return c;
        }
        SqlIdentifier id = ((SqlFunction) c.getOperator()).getSqlIdentifier();
        if (id != null && !id.isSimple()) {
            return c;
        }
        FunctionRegistry.Binding binding = TrinoFunctions.binding(c.getOperator().getName());
        return binding == null ? c : binding.rewrite(c, c.getOperandList(), c.getParserPosition());
    }
}
