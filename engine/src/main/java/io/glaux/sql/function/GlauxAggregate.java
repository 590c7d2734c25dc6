package io.glaux.sql.function;

import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An aggregate function of Glaux's Trino library: a set of {@link AggregateSignature}s sharing one name, each computed
 * by a {@link GlauxAccumulator}. It is a {@link SqlUserDefinedAggFunction} so that Calcite's Enumerable code generation
 * (GROUP BY, global aggregation, DISTINCT, and window functions {@code OVER (...)}) asks it for its implementor, which
 * keeps one accumulator per group: created on reset, fed boxed operands on add, asked for the result at the end.
 *
 * <p>Like {@link GlauxFunction}, its identifier is qualified ({@code glaux.<name>}) so that validation finds exactly
 * this operator; its kind is {@link SqlKind#OTHER_FUNCTION}, which SPICE's vectorized aggregation does not compile,
 * so such queries run in the Enumerable convention. Its result is nullable: over no rows (or only NULLs) most Trino
 * aggregates answer NULL.
 */
final class GlauxAggregate extends SqlUserDefinedAggFunction {
    private final List<AggregateSignature> signatures;

    private GlauxAggregate(String name, List<AggregateSignature> signatures, List<Signature> shapes) {
        super(new SqlIdentifier(List.of(GlauxFunction.QUALIFIER, name), SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                GlauxFunction.returnType(shapes, false, true), GlauxFunction.operandTypeInference(shapes),
                new GlauxFunction.Checker(shapes), new Implementation(signatures), false, false,
                Optionality.OPTIONAL);
        this.signatures = signatures;
    }

    /** An aggregate with the given overloads; the first whose operand kinds accept the call's types is used. */
    static GlauxAggregate of(String name, AggregateSignature... signatures) {
        List<AggregateSignature> list = List.of(signatures);
        return new GlauxAggregate(name, list, list.stream().map(s -> s.shape).collect(Collectors.toList()));
    }

    List<AggregateSignature> signatures() {
        return signatures;
    }

    /** Generates the per-group accumulator's creation, its add calls and its result. */
    private static final class Implementation implements ImplementableAggFunction, AggImplementor {
        private final List<AggregateSignature> signatures;

        Implementation(List<AggregateSignature> signatures) {
            this.signatures = signatures;
        }

        @Override
        public AggImplementor getImplementor(boolean windowContext) {
            return this;
        }

        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.ANY);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public List<Type> getStateType(AggContext info) {
            return List.of(GlauxAccumulator.class);
        }

        @Override
        public void implementReset(AggContext info, AggResetContext reset) {
            AggregateSignature s = match(info.parameterRelTypes());
            List<Expression> args = new ArrayList<>();
            Class<?>[] params = s.constructor.getParameterTypes();
            for (int i = 0; i < params.length; i++) {
                args.add(Expressions.constant(s.constructorArgs.get(i), params[i]));
            }
            reset.currentBlock().add(Expressions.statement(
                    Expressions.assign(reset.accumulator().get(0), Expressions.new_(s.constructor, args))));
        }

        @Override
        public void implementAdd(AggContext info, AggAddContext add) {
            List<Expression> boxed = add.arguments().stream().map(Expressions::box).collect(Collectors.toList());
            Expression call = Expressions.call(add.accumulator().get(0), "add",
                    Expressions.newArrayInit(Object.class, boxed));
            RexNode filter = add.rexFilterArgument();
            if (filter == null) {
                add.currentBlock().add(Expressions.statement(call));
            } else {
                // FILTER (WHERE ...): the implementor skips the rows the condition rejects (Calcite makes it NOT NULL).
                Expression accepted = add.rowTranslator().translateList(List.of(filter), RexImpTable.NullAs.FALSE).get(0);
                add.currentBlock().add(Expressions.ifThen(accepted, Expressions.statement(call)));
            }
        }

        @Override
        public Expression implementResult(AggContext info, AggResultContext result) {
            Type target = info.returnType();
            Class<?> boxed = target instanceof Class ? Primitive.box((Class<?>) target) : Object.class;
            RelDataType returns = info.returnRelType();
            RelDataType element = returns.getSqlTypeName() == SqlTypeName.MAP ? returns.getKeyType()
                    : returns.getComponentType();
            RelDataType mapValue = returns.getSqlTypeName() == SqlTypeName.MAP ? returns.getValueType() : null;
            Expression value = Expressions.call(AccumulatorResult.class, "as",
                    Expressions.call(result.accumulator().get(0), "result"), Expressions.constant(boxed, Class.class),
                    Expressions.constant(element == null ? Object.class : numberClass(element), Class.class),
                    Expressions.constant(mapValue == null ? Object.class : numberClass(mapValue), Class.class));
            return EnumUtils.convert(value, target);
        }

        /** The boxed Java class of a numeric SQL type's values, {@code Object} for other types. */
        private static Class<?> numberClass(RelDataType type) {
            switch (type.getSqlTypeName()) {
                case TINYINT:
                    return Byte.class;
                case SMALLINT:
                    return Short.class;
                case INTEGER:
                    return Integer.class;
                case BIGINT:
                    return Long.class;
                case REAL:
                    return Float.class;
                case DOUBLE:
                    return Double.class;
                default:
                    return Object.class;
            }
        }

        private AggregateSignature match(List<? extends RelDataType> types) {
            for (AggregateSignature s : signatures) {
                if (s.shape.matches(List.copyOf(types))) {
                    return s;
                }
            }
            throw new IllegalStateException("No signature of " + signatures + " for " + types);
        }
    }
}
