package io.glaux.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets a one-parameter lambda use columns of the row, as in {@code transform(prices, x -> x * rate)}. Calcite's
 * lambda scope resolves only the lambda's own parameters, so before validation the column becomes a second
 * parameter, and the call passes the column's value: {@code transform(prices, (x, "$captured") -> x *
 * "$captured", rate)}, bound to an overload that hands the value to the lambda with each element. Several columns
 * (or other names from outside the lambda) travel as one row, {@code ROW(a, b)}, whose fields replace them in the
 * body. A lambda nested in another lambda that captures is left as written and validation reports the name it
 * cannot resolve.
 */
final class LambdaCapture {
    /** The name of the added parameter, one no SQL text can spell without quotes. */
    static final String PARAMETER = "$captured";

    private LambdaCapture() {
    }

    /**
     * Registers {@code plain} (whose last operand is a one-parameter lambda) and its capturing overload, and binds
     * the Trino name to whichever fits the call.
     */
    static void define(FunctionRegistry.Builder r, GlauxFunction plain, Signature capturing) {
        GlauxFunction withCapture = GlauxFunction.nullAware(plain.getName() + PARAMETER, capturing);
        r.add(plain);
        r.add(withCapture);
        r.bind(plain.getName(), (call, operands, pos) -> rewrite(call, operands, pos, plain, withCapture));
    }

    private static SqlNode rewrite(SqlCall call, List<SqlNode> operands, SqlParserPos pos, GlauxFunction plain,
            GlauxFunction withCapture) {
        SqlNode last = operands.isEmpty() ? null : operands.get(operands.size() - 1);
        if (last instanceof SqlLambda && ((SqlLambda) last).getParameters().size() == 1) {
            SqlLambda lambda = (SqlLambda) last;
            List<String> free = new ArrayList<>(freeNames(lambda));
            if (!free.isEmpty()) {
                List<SqlNode> captured = new ArrayList<>();
                for (String name : free) {
                    captured.add(lambda.getExpression().accept(new FirstFree(Set.of(name))));
                }
                List<SqlNode> params = new ArrayList<>(lambda.getParameters().getList());
                params.add(new SqlIdentifier(PARAMETER, pos));
                SqlNode body = lambda.getExpression().accept(new PackedParameter(free, PARAMETER));
                List<SqlNode> newOperands = new ArrayList<>(operands.subList(0, operands.size() - 1));
                newOperands.add(new SqlLambda(lambda.getParserPosition(), new SqlNodeList(params, pos), body));
                newOperands.add(captured.size() == 1 ? captured.get(0)
                        : SqlStdOperatorTable.ROW.createCall(pos, captured));
                return withCapture.createCall(call.getFunctionQuantifier(), pos, newOperands);
            }
        }
        return plain.createCall(call.getFunctionQuantifier(), pos, operands);
    }

    /** The names in a lambda's body that are not parameters of it or of lambdas inside it. */
    private static Set<String> freeNames(SqlLambda lambda) {
        Set<String> params = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        lambda.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlLambda) {
                    ((SqlLambda) call).getParameters().forEach(p -> params.add(p.toString()));
                    return ((SqlLambda) call).getExpression().accept(this);
                }
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                names.add(id.toString());
                return null;
            }
        });
        names.removeAll(params);
        return names;
    }

    /** Finds the first identifier spelled as the free name (to pass as the call's operand). */
    private static final class FirstFree extends SqlShuttle {
        private final Set<String> free;
        private SqlIdentifier found;

        FirstFree(Set<String> free) {
            this.free = free;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (found == null && free.contains(id.toString())) {
                found = id;
            }
            return found;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null && found == null) {
                    operand.accept(this);
                }
            }
            return found;
        }
    }
}
