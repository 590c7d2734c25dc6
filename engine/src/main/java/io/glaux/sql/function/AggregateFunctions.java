package io.glaux.sql.function;

import io.glaux.sql.function.StatisticsAccumulators.CovarianceResult;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Trino's aggregate functions that Glaux computes with its own accumulators ({@link GlauxAggregate}): each is
 * declared here with its signatures and result type rules; the accumulators are public classes (generated code
 * creates them) in {@link StatisticsAccumulators}, {@link RankingAccumulators}, {@link CollectingAccumulators} and
 * here. Aggregates Calcite answers with Trino's semantics (count, sum, avg, min, max, ...) stay Calcite's; max and min
 * with a count operand are bound to Glaux's.
 */
final class AggregateFunctions {
    /** The operand's type, nullable. */
    private static final SqlReturnTypeInference ARG0 = b -> b.getOperandType(0);
    private static final SqlReturnTypeInference ARRAY_OF_ARG0 = b -> arrayOf(b, b.getOperandType(0));
    /** Trino's real overload for integers and reals (they coerce to real first), double for doubles. */
    private static final SqlReturnTypeInference REAL_UNLESS_DOUBLE = b -> b.getTypeFactory().createSqlType(
            b.collectOperandTypes().stream().anyMatch(t -> t.getSqlTypeName() == SqlTypeName.DOUBLE)
                    ? SqlTypeName.DOUBLE : SqlTypeName.REAL);
    private static final SqlReturnTypeInference DOUBLE_UNLESS_REAL = b -> b.getTypeFactory().createSqlType(
            b.getOperandType(0).getSqlTypeName() == SqlTypeName.REAL ? SqlTypeName.REAL : SqlTypeName.DOUBLE);
    private static final SqlReturnTypeInference PERCENTILE = b -> percentileType(b, false);
    private static final SqlReturnTypeInference PERCENTILES = b -> percentileType(b, true);
    private static final SqlReturnTypeInference HISTOGRAM = b -> mapOf(b, b.getOperandType(0),
            b.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
    private static final SqlReturnTypeInference MOST_FREQUENT = b -> mapOf(b,
            SqlTypeUtil.isCharacter(b.getOperandType(1)) ? b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR)
                    : b.getOperandType(1), b.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
    /** numeric_histogram: map(real, real) for integers and reals, map(double, double) for doubles. */
    private static final SqlReturnTypeInference NUMERIC_HISTOGRAM = b -> {
        RelDataType number = b.getTypeFactory().createSqlType(
                b.getOperandType(1).getSqlTypeName() == SqlTypeName.DOUBLE ? SqlTypeName.DOUBLE : SqlTypeName.REAL);
        return mapOf(b, number, number);
    };
    private static final SqlReturnTypeInference MAP = b -> mapOf(b, b.getOperandType(0), b.getOperandType(1));
    private static final SqlReturnTypeInference MULTIMAP = b -> mapOf(b, b.getOperandType(0),
            arrayOf(b, b.getOperandType(1)));

    /** The non-NULL values in order, as an array (NULL if none): window functions' IGNORE NULLS. */
    static final String NON_NULL_VALUES = "$non_null_values";

    private AggregateFunctions() {
    }

    /** Declares Trino's boolean, ranking, statistical and collecting aggregates. */
    static void declare(FunctionRegistry.Builder r) {
        r.define(GlauxAggregate.of("bool_and", of(BoolAccumulator.class, List.of(true), Returns.BOOLEAN,
                Arg.BOOLEAN)), "every");
        r.define(GlauxAggregate.of("bool_or", of(BoolAccumulator.class, List.of(false), Returns.BOOLEAN,
                Arg.BOOLEAN)));
        declareRanking(r);
        declareStatistics(r);
        declareHistogram(r);
        declareCollecting(r);
        // any_value(x) is Trino's newer name for arbitrary(x) (Calcite's ANY_VALUE, bound in ConditionalFunctions).
        r.bindTo(SqlStdOperatorTable.ANY_VALUE, "any_value");
    }

    private static void declareRanking(FunctionRegistry.Builder r) {
        for (boolean max : new boolean[] {true, false}) {
            String by = max ? "max_by" : "min_by";
            r.define(GlauxAggregate.of(by,
                    of(RankingAccumulators.Best.class, List.of(max, true, false), ARG0, Arg.ANY, Arg.ANY),
                    of(RankingAccumulators.Best.class, List.of(max, true, true), ARRAY_OF_ARG0, Arg.ANY, Arg.ANY,
                            Arg.BIGINT)));
            // max(x, n) / min(x, n): the n largest (smallest) values; max(x) / min(x) stay Calcite's.
            String name = max ? "max" : "min";
            GlauxAggregate top = GlauxAggregate.of(name + "_n",
                    of(RankingAccumulators.Best.class, List.of(max, false, true), ARRAY_OF_ARG0, Arg.ANY,
                            Arg.BIGINT));
            r.add(top);
            r.bind(name, (call, operands, pos) -> operands.size() != 2 ? call
                    : top.createCall(call.getFunctionQuantifier(), pos, operands));
        }
        r.define(GlauxAggregate.of("approx_percentile",
                of(RankingAccumulators.Percentile.class, List.of(false), PERCENTILE, Arg.DOUBLE, Arg.DOUBLE),
                of(RankingAccumulators.Percentile.class, List.of(false), PERCENTILES, Arg.DOUBLE, Arg.ARRAY),
                of(RankingAccumulators.Percentile.class, List.of(true), PERCENTILE, Arg.DOUBLE, Arg.BIGINT,
                        Arg.DOUBLE),
                of(RankingAccumulators.Percentile.class, List.of(true), PERCENTILES, Arg.DOUBLE, Arg.BIGINT,
                        Arg.ARRAY)));
        r.define(GlauxAggregate.of("approx_most_frequent",
                of(RankingAccumulators.MostFrequent.class, List.of(), MOST_FREQUENT, Arg.BIGINT, Arg.ANY,
                        Arg.BIGINT)));
    }

    private static void declareStatistics(FunctionRegistry.Builder r) {
        r.define(GlauxAggregate.of("geometric_mean",
                of(StatisticsAccumulators.GeometricMean.class, List.of(), DOUBLE_UNLESS_REAL, Arg.DOUBLE)));
        r.define(GlauxAggregate.of("skewness",
                of(StatisticsAccumulators.Moments.class, List.of(false), Returns.DOUBLE, Arg.DOUBLE)));
        r.define(GlauxAggregate.of("kurtosis",
                of(StatisticsAccumulators.Moments.class, List.of(true), Returns.DOUBLE, Arg.DOUBLE)));
        for (CovarianceResult answer : CovarianceResult.values()) {
            r.define(GlauxAggregate.of(answer.name().toLowerCase(java.util.Locale.ROOT),
                    of(StatisticsAccumulators.Covariance.class, List.of(answer), REAL_UNLESS_DOUBLE, Arg.DOUBLE,
                            Arg.DOUBLE)));
        }
    }

    private static void declareHistogram(FunctionRegistry.Builder r) {
        r.define(GlauxAggregate.of("numeric_histogram",
                of(StatisticsAccumulators.NumericHistogram.class, List.of(false), NUMERIC_HISTOGRAM, Arg.BIGINT,
                        Arg.DOUBLE),
                of(StatisticsAccumulators.NumericHistogram.class, List.of(true), NUMERIC_HISTOGRAM, Arg.BIGINT,
                        Arg.DOUBLE, Arg.DOUBLE)));
    }

    private static void declareCollecting(FunctionRegistry.Builder r) {
        r.define(GlauxAggregate.of("array_agg",
                of(CollectingAccumulators.ArrayAgg.class, List.of(), ARRAY_OF_ARG0, Arg.ANY)));
        r.add(GlauxAggregate.of(NON_NULL_VALUES,
                of(CollectingAccumulators.ArrayAgg.class, List.of(true), ARRAY_OF_ARG0, Arg.ANY)));
        r.define(GlauxAggregate.of("map_union",
                of(CollectingAccumulators.MapUnion.class, List.of(), ReturnTypes.ARG0, Arg.MAP)));
        r.define(GlauxAggregate.of("map_agg",
                of(CollectingAccumulators.MapAgg.class, List.of(), MAP, Arg.ANY, Arg.ANY)));
        r.define(GlauxAggregate.of("multimap_agg",
                of(CollectingAccumulators.MultimapAgg.class, List.of(), MULTIMAP, Arg.ANY, Arg.ANY)));
        r.define(GlauxAggregate.of("histogram",
                of(CollectingAccumulators.Histogram.class, List.of(), HISTOGRAM, Arg.ANY)));
        r.define(GlauxAggregate.of("bitwise_and_agg",
                of(CollectingAccumulators.Bitwise.class, List.of(true), Returns.BIGINT, Arg.BIGINT)));
        r.define(GlauxAggregate.of("bitwise_or_agg",
                of(CollectingAccumulators.Bitwise.class, List.of(false), Returns.BIGINT, Arg.BIGINT)));
        r.define(GlauxAggregate.of("checksum",
                of(CollectingAccumulators.Checksum.class, List.of(), Returns.VARBINARY, Arg.ANY)));
        r.bind("reduce_agg", AggregateFunctions::reduceAgg);
    }

    /**
     * reduce_agg(x, initial, (s, x) -> s', (s, t) -> s'') as reduce over the group's values: Trino folds each
     * non-NULL value (of a row whose initial state is not NULL either) into the state, starting from the initial
     * one, and combines states only when partial aggregations of one group meet, which a group computed in one
     * place never does; no such rows, NULL. Calcite passes an aggregate only columns of its input, never a lambda,
     * so the values are collected by array_agg and folded by reduce:
     * {@code reduce(array_agg(x) FILTER (WHERE x IS NOT NULL AND initial IS NOT NULL), initial, f, s -> s)}.
     */
    private static SqlNode reduceAgg(SqlCall call, List<SqlNode> operands, SqlParserPos pos) {
        if (operands.size() != 4 || !(operands.get(3) instanceof SqlLambda combine)
                || combine.getParameters().size() != 2) {
            return call;
        }
        SqlNode value = operands.get(0);
        SqlNode initial = operands.get(1);
        SqlNode kept = SqlStdOperatorTable.AND.createCall(pos,
                SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, SqlNode.clone(value)),
                SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, SqlNode.clone(initial)));
        SqlCall arrayAgg = (SqlCall) TrinoFunctions.binding("array_agg").rewrite(call, List.of(value), pos);
        SqlIdentifier state = new SqlIdentifier("$state", pos);
        SqlLambda identity = new SqlLambda(pos, new SqlNodeList(List.of(state), pos), state.clone(pos));
        return TrinoFunctions.binding("reduce").rewrite(call, List.of(
                SqlStdOperatorTable.FILTER.createCall(pos, arrayAgg, kept), initial, operands.get(2), identity), pos);
    }

    private static AggregateSignature of(Class<? extends GlauxAccumulator> accumulator, List<Object> constructorArgs,
            SqlReturnTypeInference returnType, Arg... args) {
        return AggregateSignature.of(accumulator, constructorArgs, returnType, args);
    }

    private static RelDataType arrayOf(SqlOperatorBinding b, RelDataType element) {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createArrayType(f.createTypeWithNullability(element, true), -1);
    }

    private static RelDataType mapOf(SqlOperatorBinding b, RelDataType key, RelDataType value) {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createMapType(f.createTypeWithNullability(key, false), f.createTypeWithNullability(value, true));
    }

    /** approx_percentile answers bigint for integers, real for reals, double otherwise (or an array of them). */
    private static RelDataType percentileType(SqlOperatorBinding b, boolean array) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType x = b.getOperandType(0);
        RelDataType value = f.createSqlType(SqlTypeUtil.isIntType(x) ? SqlTypeName.BIGINT
                : x.getSqlTypeName() == SqlTypeName.REAL ? SqlTypeName.REAL : SqlTypeName.DOUBLE);
        return array ? arrayOf(b, value) : value;
    }

    /** bool_and / every (all non-NULL values true) and bool_or (any true); NULL if there are none. */
    public static final class BoolAccumulator implements GlauxAccumulator {
        private final boolean and;
        private @Nullable Boolean value;

        public BoolAccumulator(boolean and) {
            this.and = and;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            combine((Boolean) operands[0]);
        }

        @Override
        public void merge(GlauxAccumulator other) {
            combine(((BoolAccumulator) other).value);
        }

        private void combine(@Nullable Boolean b) {
            if (b != null) {
                value = value == null ? b : and ? value && b : value || b;
            }
        }

        @Override
        public @Nullable Object result() {
            return value;
        }
    }
}
