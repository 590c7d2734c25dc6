package io.glaux.sql.function;

import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scalar function of Glaux's Trino library: a set of {@link Signature}s sharing one name. It is a
 * {@link SqlUserDefinedFunction} so that Calcite's Enumerable code generation asks it for its implementor, which calls
 * the Java method of the signature matching the operand types.
 *
 * <p>Its SQL identifier is qualified ({@code glaux.<name>}) so that validation, which looks the function up again by
 * identifier, finds exactly this operator and never a Calcite operator of the same simple name (ROUND, MOD, ...);
 * messages show the simple, Trino name.
 */
final class GlauxFunction extends SqlUserDefinedFunction {
    static final String QUALIFIER = "glaux";

    private final List<Signature> signatures;
    private final boolean deterministic;

    private GlauxFunction(String name, List<Signature> signatures, boolean strict, boolean mayReturnNull,
            boolean deterministic) {
        super(new SqlIdentifier(List.of(QUALIFIER, name), SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                returnType(signatures, strict, mayReturnNull), operandTypeInference(signatures),
                new Checker(signatures), new Implementation(signatures, strict),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION);
        this.signatures = signatures;
        this.deterministic = deterministic;
    }

    /** A function returning NULL when any operand is NULL (and only then, unless {@code mayReturnNull}). */
    static GlauxFunction strict(String name, boolean mayReturnNull, Signature... signatures) {
        return new GlauxFunction(name, List.of(signatures), true, mayReturnNull, true);
    }

    /** A function whose methods receive NULL operands (boxed) and decide themselves; its result may be NULL. */
    static GlauxFunction nullAware(String name, Signature... signatures) {
        return new GlauxFunction(name, List.of(signatures), false, true, true);
    }

    /** A function whose value changes between calls with the same operands (random numbers). */
    static GlauxFunction nonDeterministic(String name, Signature... signatures) {
        return new GlauxFunction(name, List.of(signatures), true, false, false);
    }

    List<Signature> signatures() {
        return signatures;
    }

    @Override
    public boolean isDeterministic() {
        return deterministic;
    }

    static @Nullable Signature match(List<Signature> signatures, List<RelDataType> types) {
        for (Signature s : signatures) {
            if (s.matches(types)) {
                return s;
            }
        }
        return null;
    }

    static SqlReturnTypeInference returnType(List<Signature> signatures, boolean strict,
            boolean mayReturnNull) {
        return binding -> {
            List<RelDataType> types = LambdaBinding.operandTypes(binding);
            Signature s = match(signatures, types);
            RelDataType type = s == null ? null : s.returnType.inferReturnType(binding);
            if (type == null) {
                // Inside a lambda whose parameters are not bound yet (type ANY), the result is not known either.
                return types.stream().anyMatch(t -> t.getSqlTypeName() == SqlTypeName.ANY)
                        ? binding.getTypeFactory().createTypeWithNullability(
                                binding.getTypeFactory().createSqlType(SqlTypeName.ANY), true)
                        : null;
            }
            boolean nullable = mayReturnNull || type.isNullable()
                    || (strict && types.stream().anyMatch(t -> t.isNullable()
                            && t.getSqlTypeName() != SqlTypeName.FUNCTION));
            return binding.getTypeFactory().createTypeWithNullability(type, nullable);
        };
    }

    static SqlOperandTypeInference operandTypeInference(List<Signature> signatures) {
        return (binding, returnType, operandTypes) -> {
            RelDataTypeFactory typeFactory = binding.getTypeFactory();
            for (Signature s : signatures) {
                if (s.minArgs() <= operandTypes.length && (s.maxArgs() < 0 || operandTypes.length <= s.maxArgs())) {
                    for (int i = 0; i < operandTypes.length; i++) {
                        RelDataType known = binding.getOperandType(i);
                        if (known.getSqlTypeName() == SqlTypeName.NULL
                                || known.getSqlTypeName() == SqlTypeName.UNKNOWN) {
                            RelDataType guess = s.argAt(i).defaultType(typeFactory);
                            operandTypes[i] = guess == null
                                    ? known : typeFactory.createTypeWithNullability(guess, true);
                        } else {
                            operandTypes[i] = known;
                        }
                    }
                    return;
                }
            }
        };
    }

    /** Accepts the operands if one signature matches them (also {@link GlauxAggregate}'s). */
    static final class Checker implements SqlOperandMetadata {
        private final List<Signature> signatures;

        Checker(List<Signature> signatures) {
            this.signatures = signatures;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
            if (LambdaBinding.hasLambda(callBinding)) {
                for (Signature s : signatures) {
                    List<RelDataType> bound = s.hasLambdas() ? LambdaBinding.bind(callBinding, s) : null;
                    if (bound != null && s.matches(bound)) {
                        return true;
                    }
                }
            } else if (match(signatures, callBinding.collectOperandTypes()) != null) {
                return true;
            }
            if (throwOnFailure) {
                throw callBinding.newValidationSignatureError();
            }
            return false;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (Signature s : signatures) {
                min = Math.min(min, s.minArgs());
                max = s.maxArgs() < 0 || max < 0 ? -1 : Math.max(max, s.maxArgs());
            }
            return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return signatures.stream().map(s -> s.describe(op.getName())).collect(Collectors.joining("\n"));
        }

        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            return List.of();
        }

        @Override
        public List<String> paramNames() {
            return List.of();
        }
    }

    /** Generates a call of the matching signature's method, converting operands to its parameter types. */
    private static final class Implementation extends GeneratedFunction {
        private static final Method DAYS_TO_MILLIS = method(DateTimeFunctions.class, "daysToMillis", Integer.class);
        private static final Method WALL_CLOCK_MILLIS = method(ZonedTimestampFunctions.class, "wallClockMillis",
                Long.class);
        private final List<Signature> signatures;
        private final CallImplementor implementor;

        Implementation(List<Signature> signatures, boolean strict) {
            this.signatures = signatures;
            this.implementor = RexImpTable.createImplementor(
                    (translator, call, operands) -> implement(call, operands),
                    strict ? NullPolicy.STRICT : NullPolicy.NONE, false);
        }

        private static Method method(Class<?> owner, String name, Class<?> parameter) {
            try {
                return owner.getMethod(name, parameter);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        private Expression implement(RexCall call, List<Expression> operands) {
            List<RelDataType> types = LambdaBinding.operandTypes(call.getOperands(), operands);
            Signature s = match(signatures, types);
            if (s == null) {
                throw new IllegalStateException("No signature of " + call.getOperator() + " for " + types);
            }
            Class<?>[] params = s.method.getParameterTypes();
            List<Expression> args = new ArrayList<>();
            int fixed = s.variadic ? s.args.size() - 1 : s.args.size();
            for (int i = 0; i < fixed; i++) {
                args.add(convert(s.args.get(i), operands.get(i), types.get(i), params[i]));
            }
            if (s.variadic) {
                Class<?> component = params[fixed].getComponentType();
                List<Expression> rest = new ArrayList<>();
                for (int i = fixed; i < operands.size(); i++) {
                    rest.add(convert(s.argAt(i), operands.get(i), types.get(i), component));
                }
                args.add(Expressions.newArrayInit(component, rest));
            }
            List<Object> hidden = s.hidden.apply(types);
            for (int k = 0; k < hidden.size(); k++) {
                args.add(Expressions.constant(hidden.get(k), params[s.args.size() + k]));
            }
            return Expressions.call(s.method, args);
        }

        private static Expression convert(Arg arg, Expression operand, RelDataType type, Class<?> parameter) {
            Expression e = operand;
            if (arg == Arg.DATETIME && type.getSqlTypeName() == SqlTypeName.DATE) {
                e = Expressions.call(DAYS_TO_MILLIS, EnumUtils.convert(e, Integer.class));
            } else if ((arg == Arg.DATETIME || arg == Arg.WALL_CLOCK)
                    && type.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ) {
                e = Expressions.call(WALL_CLOCK_MILLIS, EnumUtils.convert(e, Long.class));
            }
            return EnumUtils.convert(e, parameter);
        }

        @Override
        public CallImplementor getImplementor() {
            return implementor;
        }

    }
}
