package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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
 * second parameter is a row of v and the captured values ({@link #packing}); so does a lambda of three parameters,
 * map_zip_with's, captured values or not. Every lambda of the call (reduce's two) gets the same captured row. A lambda nested in another lambda that
 * captures is left as written and validation reports the name it cannot resolve.
 */
final class LambdaCapture {
    /** The name of the added parameter, one no SQL text can spell without quotes. */
    static final String PARAMETER = "$captured";

    private LambdaCapture() {
    }

    /**
     * Registers {@code plain} (whose lambda operands' parameters are packed to two, {@link #packed}) and its
     * capturing overload (the captured value or row an extra last operand), and binds the Trino name to whichever
     * fits the call.
     */
    static void define(FunctionRegistry.Builder r, GlauxFunction plain, Signature capturing) {
        GlauxFunction withCapture = GlauxFunction.nullAware(plain.getName() + PARAMETER, capturing);
        r.add(plain);
        r.add(withCapture);
        r.bind(plain.getName(), (call, operands, pos) -> rewrite(call, operands, pos, plain, withCapture));
    }

    private static SqlNode rewrite(SqlCall call, List<SqlNode> operands, SqlParserPos pos, GlauxFunction plain,
            GlauxFunction withCapture) {
        Set<String> names = new LinkedHashSet<>();
        boolean packs = false;
        for (SqlNode operand : operands) {
            if (operand instanceof SqlLambda lambda) {
                names.addAll(freeNames(lambda));
                packs |= lambda.getParameters().size() > 1;
            }
        }
        List<String> free = new ArrayList<>(names);
        // With two parameters or more, or several captured values, the values travel as one row.
        boolean row = packs || free.size() > 1;
        List<SqlNode> newOperands = new ArrayList<>();
        for (SqlNode operand : operands) {
            newOperands.add(operand instanceof SqlLambda lambda && (!free.isEmpty()
                    || lambda.getParameters().size() > 2) ? pack(lambda, free, row, pos) : operand);
        }
        if (free.isEmpty()) {
            return plain.createCall(call.getFunctionQuantifier(), pos, newOperands);
        }
        List<SqlNode> captured = new ArrayList<>();
        for (String name : free) {
            for (SqlNode operand : operands) {
                SqlNode found = operand instanceof SqlLambda lambda
                        ? lambda.getExpression().accept(new FirstFree(Set.of(name))) : null;
                if (found != null) {
                    captured.add(found);
                    break;
                }
            }
        }
        newOperands.add(row ? SqlStdOperatorTable.ROW.createCall(pos, captured) : captured.get(0));
        return withCapture.createCall(call.getFunctionQuantifier(), pos, newOperands);
    }

    /**
     * The lambda as one of at most two parameters: its first, and {@link #PARAMETER} carrying the others (then the
     * captured names) as a row's fields, or the one captured name itself when {@code row} is false.
     */
    private static SqlLambda pack(SqlLambda lambda, List<String> free, boolean row, SqlParserPos pos) {
        List<SqlNode> params = lambda.getParameters();
        List<String> packed = new ArrayList<>();
        params.subList(1, params.size()).forEach(p -> packed.add(p.toString()));
        packed.addAll(free);
        SqlNode body = lambda.getExpression().accept(new PackedParameter(packed, PARAMETER, row));
        return new SqlLambda(lambda.getParserPosition(),
                new SqlNodeList(List.of(params.get(0), new SqlIdentifier(PARAMETER, pos)), pos), body);
    }

    /**
     * The parameter types of a call whose lambdas take {@code plain}'s parameters, as {@link #rewrite} packs them
     * without captured values: a lambda of three parameters or more gets its first, and a row of the others.
     */
    static LambdaParameters packed(LambdaParameters plain) {
        return (operand, types, f) -> {
            List<RelDataType> params = plain.of(operand, types, f);
            return params.size() <= 2 ? params : List.of(params.get(0), row(params.subList(1, params.size()), f));
        };
    }

    /**
     * The parameter types of a capturing overload whose plain lambdas take {@code plain}'s parameters: for one
     * parameter, it and the captured value (the last operand); for more, the first and a row of the others and the
     * captured row's fields.
     */
    static LambdaParameters capturing(LambdaParameters plain) {
        return (operand, types, f) -> {
            RelDataType captured = types.get(types.size() - 1);
            List<RelDataType> params = plain.of(operand, types.subList(0, types.size() - 1), f);
            if (params.size() == 1) {
                return List.of(params.get(0), LambdaParameters.nullable(captured, f));
            }
            List<RelDataType> fields = new ArrayList<>(params.subList(1, params.size()));
            if (captured.isStruct()) {
                captured.getFieldList().forEach(field -> fields.add(field.getType()));
            } else {
                fields.add(LambdaParameters.nullable(captured, f));
            }
            return List.of(params.get(0), row(fields, f));
        };
    }

    private static RelDataType row(List<RelDataType> fields, RelDataTypeFactory f) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            names.add(PackedParameter.field(i));
        }
        return LambdaParameters.nullable(f.createStructType(fields, names), f);
    }

    /**
     * A two-parameter lambda as the plain functions call it, {@code (a, b)}, that calls the rewritten one with b and
     * the captured row's values as one row.
     */
    static Function2<Object, Object, Object> packing(Function<?> lambda, Object captured) {
        return (a, b) -> Lambdas.call(lambda, a, row(captured, b));
    }

    /** The row a packed lambda's second parameter receives: {@code leading} then the captured row's values. */
    static Object[] row(Object captured, Object... leading) {
        Object[] values = captured instanceof Object[] fields ? fields : ((List<?>) captured).toArray();
        Object[] row = new Object[leading.length + values.length];
        System.arraycopy(leading, 0, row, 0, leading.length);
        System.arraycopy(values, 0, row, leading.length, values.length);
        return row;
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
