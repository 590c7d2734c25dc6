package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.SqlErrors;
import io.glaux.sql.parse.GlauxTypeSystem;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Trino's {@code try(expr)}: the value of {@code expr}, or NULL when evaluating it fails with division by zero, an
 * invalid cast or function argument, or a number out of range; other failures still fail the query.
 *
 * <p>Calcite's generated code evaluates a call's operands before the call, which would raise the error outside any
 * handler. So the operand is converted to a lambda without parameters ({@link #convert}, used by the planner's
 * convertlets), which the generated code passes unevaluated to {@link #evaluate}: only the row whose value fails gets
 * NULL, and a failure during constant folding at planning time gives NULL the same way.
 */
public final class TryFunction extends SqlUserDefinedFunction {
    static final TryFunction INSTANCE = new TryFunction();

    private static final Set<TrinoErrorCode> CAUGHT = Set.of(TrinoErrorCode.DIVISION_BY_ZERO,
            TrinoErrorCode.INVALID_CAST_ARGUMENT, TrinoErrorCode.INVALID_FUNCTION_ARGUMENT,
            TrinoErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);

    private static final SqlOperator CONSTANT = new PlannedOperator("try_constant", ReturnTypes.ARG0,
            TryFunction.class, "constant", call -> new Class<?>[] {Object.class}, false);

    private TryFunction() {
        super(new SqlIdentifier("try", SqlParserPos.ZERO), ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.ANY,
                List.of(), new Implementation());
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(1);
    }

    /** Any single operand: its type is the result's. */
    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        return true;
    }

    static void declare(FunctionRegistry.Builder r) {
        r.bindToLibrary(INSTANCE, "try");
    }

    /** Whether {@code call} is a validated call of try. */
    public static boolean isTry(SqlCall call) {
        return call.getOperator() == INSTANCE;
    }

    /**
     * The row expression of a try call whose operand converted to {@code operand}: the operand as a lambda, followed
     * by the input fields it reads. Calcite's search for the fields an expression uses does not look into lambdas;
     * without them the planner would trim the fields away.
     */
    public static RexNode convert(RexBuilder rexBuilder, RelDataType type, RexNode operand) {
        List<RexNode> operands = new ArrayList<>();
        operands.add(null);
        RexNode body = operand.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                if (!operands.contains(ref)) {
                    operands.add(ref);
                }
                return ref;
            }

            @Override
            public RexNode visitCall(RexCall call) {
                RexCall visited = (RexCall) super.visitCall(call);
                if (visited.getKind() == SqlKind.CAST) {
                    return visited;
                }
                List<RexNode> hidden = new ArrayList<>();
                for (RexNode o : visited.getOperands()) {
                    hidden.add(o instanceof RexLiteral && !RexLiteral.isNullLiteral(o)
                            ? rexBuilder.makeCall(o.getType(), CONSTANT, List.of(o)) : o);
                }
                return visited.clone(visited.getType(), hidden);
            }
        });
        operands.set(0, rexBuilder.makeLambdaCall(body, List.of()));
        return rexBuilder.makeCall(type, INSTANCE, operands);
    }

    /**
     * A literal operand of a call inside try, unchanged. Code generation computes an operation on literals once, when
     * the generated class loads (outside try's handler): {@code try(1 / 0)} would fail. Literals passed through this
     * method are not constants to it. The planner does not fold it either; the call is cheap.
     */
    public static Object constant(Object value) {
        return value;
    }

    /** Evaluates {@code expression}; NULL if it fails with one of the errors try catches. */
    public static Object evaluate(Function0<?> expression) {
        try {
            return expression.apply();
        } catch (RuntimeException e) {
            GlauxException error = SqlErrors.translateRuntime(e);
            if (error.trinoCode().filter(CAUGHT::contains).isPresent()) {
                return null;
            }
            throw e;
        }
    }

    /** Calls {@link #evaluate} with the operand's lambda and converts its answer to the call's Java type. */
    private static final class Implementation extends GeneratedFunction {
        private static final Method EVALUATE;

        static {
            try {
                EVALUATE = TryFunction.class.getMethod("evaluate", Function0.class);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** Only asked for the Java class of SQL types. */
        private final JavaTypeFactory javaTypes = new JavaTypeFactoryImpl(GlauxTypeSystem.INSTANCE);

        private final CallImplementor implementor = RexImpTable.createImplementor((translator, call, operands) -> {
            Type javaType = javaTypes.getJavaClass(call.getType());
            Type boxed = javaType instanceof Class<?> c && c.isPrimitive() ? Primitive.box(c) : javaType;
            return EnumUtils.convert(Expressions.call(EVALUATE, Expressions.convert_(operands.get(0),
                    Function0.class)), boxed);
        }, NullPolicy.NONE, false);

        @Override
        public CallImplementor getImplementor() {
            return implementor;
        }

    }
}
