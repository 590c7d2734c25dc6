package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.rel.type.RelDataType;
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
 * Lets a lambda use columns of the row, as in {@code transform(prices, x -> x * rate)}. Calcite's lambda scope
 * resolves only the lambda's own parameters, so before validation the column becomes a parameter, and the call
 * passes the column's value: {@code transform(prices, (x, "$captured") -> x * "$captured", rate)}, bound to an
 * overload that hands the value to the lambda with each element. Several columns (or other names from outside the
 * lambda) travel as one row, {@code ROW(a, b)}, whose fields replace them in the body. Generated lambdas take at most
 * two parameters, so a two-parameter lambda {@code (k, v) -> v * rate} becomes {@code (k, "$captured") -> ...} whose
 * second parameter is a row of v and the captured values ({@link #packing}). A lambda nested in another lambda that
 * captures is left as written and validation reports the name it cannot resolve.
 */
final class LambdaCapture {
    /** The name of the added parameter, one no SQL text can spell without quotes. */
    static final String PARAMETER = "$captured";

    private LambdaCapture() {
    }

    /**
     * Registers {@code plain} (whose last operand is a lambda of one or two parameters) and its capturing overload,
     * and binds the Trino name to whichever fits the call.
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
        if (last instanceof SqlLambda lambda && lambda.getParameters().size() <= 2) {
            List<String> free = new ArrayList<>(freeNames(lambda));
            if (!free.isEmpty()) {
                List<SqlNode> captured = new ArrayList<>();
                for (String name : free) {
                    captured.add(lambda.getExpression().accept(new FirstFree(Set.of(name))));
                }
                boolean twoParameters = lambda.getParameters().size() == 2;
                // With two parameters the second one travels in the row, ahead of the captured values.
                List<String> packed = new ArrayList<>(free);
                if (twoParameters) {
                    packed.add(0, lambda.getParameters().get(1).toString());
                }
                List<SqlNode> params = List.of(lambda.getParameters().get(0), new SqlIdentifier(PARAMETER, pos));
                SqlNode body = lambda.getExpression().accept(new PackedParameter(packed, PARAMETER));
                List<SqlNode> newOperands = new ArrayList<>(operands.subList(0, operands.size() - 1));
                newOperands.add(new SqlLambda(lambda.getParserPosition(), new SqlNodeList(params, pos), body));
                newOperands.add(captured.size() == 1 && !twoParameters ? captured.get(0)
                        : SqlStdOperatorTable.ROW.createCall(pos, captured));
                return withCapture.createCall(call.getFunctionQuantifier(), pos, newOperands);
            }
        }
        return plain.createCall(call.getFunctionQuantifier(), pos, operands);
    }

    /**
     * The parameter types of a capturing overload whose plain lambda takes {@code plain}'s parameters: for one
     * parameter, it and the captured value (the last operand); for two, the first and a row of the second and the
     * captured row's fields.
     */
    static LambdaParameters capturing(LambdaParameters plain) {
        return (operand, types, f) -> {
            RelDataType captured = types.get(types.size() - 1);
            List<RelDataType> params = plain.of(operand, types.subList(0, types.size() - 1), f);
            if (params.size() == 1) {
                return List.of(params.get(0), LambdaParameters.nullable(captured, f));
            }
            List<RelDataType> fields = new ArrayList<>();
            fields.add(params.get(1));
            if (captured.isStruct()) {
                captured.getFieldList().forEach(field -> fields.add(field.getType()));
            } else {
                fields.add(LambdaParameters.nullable(captured, f));
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                names.add(PackedParameter.field(i));
            }
            return List.of(params.get(0), LambdaParameters.nullable(f.createStructType(fields, names), f));
        };
    }

    /**
     * A two-parameter lambda as the plain functions call it, {@code (a, b)}, that calls the rewritten one with b and
     * the captured row's values as one row.
     */
    static Function2<Object, Object, Object> packing(Function<?> lambda, Object captured) {
        Object[] values = captured instanceof Object[] fields ? fields : ((List<?>) captured).toArray();
        return (a, b) -> {
            Object[] row = new Object[values.length + 1];
            row[0] = b;
            System.arraycopy(values, 0, row, 1, values.length);
            return Lambdas.call(lambda, a, row);
        };
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
