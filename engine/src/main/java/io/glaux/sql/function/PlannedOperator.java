package io.glaux.sql.function;

import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An operator the planner puts in place of one of Calcite's after validation (never written in SQL), implemented by
 * a public static method: generated code calls the method named {@code method} of {@code owner} whose parameter
 * types {@code parameters} gives for the call, operands converted (unboxed) to them. NULL operands give NULL without
 * a call. Calcite's code generation finds the implementation because the operator is a user-defined function.
 */
final class PlannedOperator extends SqlUserDefinedFunction {

    private final boolean deterministic;

    PlannedOperator(String name, SqlReturnTypeInference returnType, Class<?> owner, String method,
            Function<RexCall, Class<?>[]> parameters) {
        this(name, returnType, owner, method, parameters, true);
    }

    /** An operator the planner must not evaluate while it plans when {@code deterministic} is false. */
    PlannedOperator(String name, SqlReturnTypeInference returnType, Class<?> owner, String method,
            Function<RexCall, Class<?>[]> parameters, boolean deterministic) {
        super(new SqlIdentifier(List.of(GlauxFunction.QUALIFIER, name), SqlParserPos.ZERO), returnType, null,
                OperandTypes.VARIADIC, List.of(), new Implementation(owner, method, parameters));
        this.deterministic = deterministic;
    }

    @Override
    public boolean isDeterministic() {
        return deterministic;
    }

    /** NULL when any operand is, as its implementation is called only without NULLs (the planner may rely on it). */
    @Override
    public Supplier<Strong.Policy> getStrongPolicyInference() {
        return () -> Strong.Policy.ANY;
    }

    /** Calls the method matching the parameter types the call asks for. */
    private static final class Implementation extends GeneratedFunction {
        private final CallImplementor implementor;

        Implementation(Class<?> owner, String name, Function<RexCall, Class<?>[]> parameters) {
            this.implementor = RexImpTable.createImplementor((translator, call, operands) -> {
                Class<?>[] types = parameters.apply(call);
                Method method;
                try {
                    method = owner.getMethod(name, types);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("No " + owner.getSimpleName() + "." + name + " for " + call, e);
                }
                List<Expression> args = new ArrayList<>();
                for (int i = 0; i < operands.size(); i++) {
                    // A row's synthetic record type is no class EnumUtils can convert from: a plain cast.
                    Expression operand = operands.get(i);
                    args.add(operand.getType() instanceof Class ? EnumUtils.convert(operand, types[i])
                            : Expressions.convert_(operand, types[i]));
                }
                return Expressions.call(method, args);
            }, NullPolicy.STRICT, false);
        }

        @Override
        public CallImplementor getImplementor() {
            return implementor;
        }

    }
}
