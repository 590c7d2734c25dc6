package io.glaux.sql.vector.plan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.sql.vector.AggregateFunction;
import io.glaux.sql.vector.Boxing;
import io.glaux.sql.vector.ColumnStats;
import io.glaux.sql.vector.ColumnarData;
import io.glaux.sql.vector.DoubleExpression;
import io.glaux.sql.vector.Expressions;
import io.glaux.sql.vector.GroupKey;
import io.glaux.sql.vector.LikePattern;
import io.glaux.sql.vector.LongExpression;
import io.glaux.sql.vector.Projection;
import io.glaux.sql.vector.RowFilter;
import io.glaux.sql.vector.RowFilters;
import io.glaux.sql.vector.RowFilters.Comparison;
import io.glaux.sql.vector.Utf8Predicate;
import io.glaux.sql.vector.Utf8Values;
import io.glaux.sql.vector.ValueKind;
import io.glaux.sql.function.CheckedArithmetic;
import io.glaux.sql.function.CheckedCasts;
import io.glaux.sql.function.StringFunctions;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Translates Calcite row expressions over a vectorized table's columns into the vectorized kernels, or reports that it
 * cannot (then the planner keeps Calcite's own operators for that part). The same translation runs when planning,
 * to decide, and when executing, bound to the version being scanned (dictionaries, column ranges).
 *
 * <p>Integer arithmetic and decimals are computed on longs (decimals unscaled). Calcite widens decimal products to
 * more than 18 digits, so whether the long arithmetic is exact is decided from the actual range of each column in
 * the version (interval arithmetic over the expression), not from the declared types.
 */
final class VectorCompiler {

    /** Thrown inside the compiler for anything the kernels do not cover. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A bigint sum keeps the low 64 bits of the exact sum, which is what the row-by-row path's long addition gives
     * (Trino would raise an overflow error instead; both paths share that difference).
     */
    private static final Boxing WRAPPING_BIGINT = new Boxing() {
        @Override
        public Object box(long value) {
            return value;
        }

        @Override
        public Object box(BigInteger value) {
            return value.longValue();
        }
    };

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<Column> columns;
    private final ColumnarData data;
    /** Whether arithmetic assumes each column may hold any value of its type, whatever {@link #data} holds. */
    private final boolean typeRanges;
    private org.apache.calcite.rex.RexBuilder literals;
    /** While checking (no data): string columns the filter tests on bytes, and those it tests otherwise. */
    private final Set<Integer> testedOnBytes = new HashSet<>();
    private final Set<Integer> testedOtherwise = new HashSet<>();

    /** @param data the version to bind to, or null to only check what can be translated */
    VectorCompiler(List<Column> columns, ColumnarData data) {
        this(columns, data, false);
    }

    /**
     * @param typeRanges whether arithmetic is checked against the ranges of the columns' types rather than of the
     *     values in {@code data}, so that what compiles does not depend on the data (one part of a table compiles as
     *     every other)
     */
    VectorCompiler(List<Column> columns, ColumnarData data, boolean typeRanges) {
        this.columns = columns;
        this.data = data;
        this.typeRanges = typeRanges;
    }

    // ---------------------------------------------------------------------------------------------- filters

    RowFilter filter(RexNode condition) {
        if (condition == null) {
            return RowFilters.all();
        }
        return filter(condition, false);
    }

    private RowFilter filter(RexNode node, boolean negated) {
        switch (node.getKind()) {
            case LITERAL -> {
                Boolean value = ((RexLiteral) node).getValueAs(Boolean.class);
                if (value == null) {
                    return RowFilters.none();
                }
                return value != negated ? RowFilters.all() : RowFilters.none();
            }
            case AND, OR -> {
                List<RowFilter> parts = new ArrayList<>();
                for (RexNode operand : ((RexCall) node).getOperands()) {
                    parts.add(filter(operand, negated));
                }
                boolean conjunction = (node.getKind() == SqlKind.AND) != negated;
                return conjunction ? RowFilters.and(parts) : RowFilters.or(parts);
            }
            case NOT -> {
                return filter(((RexCall) node).getOperands().get(0), !negated);
            }
            case IS_TRUE, IS_NOT_TRUE -> {
                // NOT (x IS TRUE) keeps the rows where x is NULL too: those the filter of x does not keep.
                RowFilter truth = filter(((RexCall) node).getOperands().get(0), false);
                return (node.getKind() == SqlKind.IS_TRUE) != negated ? truth : RowFilters.isNotTrue(truth);
            }
            case IS_NULL, IS_NOT_NULL -> {
                int column = column(((RexCall) node).getOperands().get(0));
                return RowFilters.isNull(column, (node.getKind() == SqlKind.IS_NULL) != negated);
            }
            case INPUT_REF -> {
                int column = column(node);
                if (columns.get(column).type().kind() != AthenaType.Kind.BOOLEAN) {
                    throw new Unsupported("non-boolean column as condition");
                }
                long wanted = negated ? 0 : 1;
                return RowFilters.longRange(column, wanted, wanted, true);
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison((RexCall) node, negated);
            }
            case SEARCH -> {
                return search((RexCall) node, negated);
            }
            case LIKE -> {
                return like((RexCall) node, negated);
            }
            default -> throw new Unsupported("condition " + node.getKind());
        }
    }

    private RowFilter comparison(RexCall call, boolean negated) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        Comparison comparison = comparisonOf(call.getKind());
        left = foldConstant(left);
        right = foldConstant(right);
        if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
            RexNode swap = left;
            left = right;
            right = swap;
            comparison = mirror(comparison);
        }
        if (negated) {
            comparison = negate(comparison);
        }
        TextFunction function = textFunction(left);
        if (function != null && right instanceof RexLiteral textLiteral) {
            if (textLiteral.isNull()) {
                return RowFilters.none();
            }
            String value = stringOf(textLiteral);
            Comparison op = comparison;
            return dictionaryFilter(function.column(), entry -> op.test(function.apply(entry).compareTo(value), 0L));
        }
        int column = column(left);
        if (!(right instanceof RexLiteral literal)) {
            return compareColumns(column, column(right), comparison);
        }
        if (literal.isNull()) {
            return RowFilters.none();
        }
        AthenaType type = columns.get(column).type();
        ValueKind kind = ValueKind.of(type);
        if (isString(type)) {
            String value = stringOf(literal);
            Comparison op = comparison;
            if (op == Comparison.EQ || op == Comparison.NE) {
                Predicate<String> equal = Utf8Values.of(List.of(value));
                return dictionaryFilter(column, op == Comparison.EQ ? equal : equal.negate());
            }
            return dictionaryFilter(column, text -> op.test(text.compareTo(value), 0L));
        }
        if (kind.isDouble()) {
            return RowFilters.doubleCompare(column, comparison, doubleOf(literal, type));
        }
        if (!kind.isLong()) {
            throw new Unsupported("column type " + type.ddl());
        }
        checkTemporalLiteral(type, literal.getType());
        BigDecimal value = scaledValue(literal.getValue(), type);
        return switch (comparison) {
            case EQ -> isWhole(value) ? longRange(column, value, value, true) : RowFilters.none();
            case NE -> isWhole(value) ? longRange(column, value, value, false) : RowFilters.isNull(column, false);
            case LT -> longRange(column, null, ceiling(value).subtract(BigDecimal.ONE), true);
            case LE -> longRange(column, null, floor(value), true);
            case GT -> longRange(column, floor(value).add(BigDecimal.ONE), null, true);
            case GE -> longRange(column, ceiling(value), null, true);
        };
    }

    private RowFilter compareColumns(int left, int right, Comparison comparison) {
        AthenaType leftType = columns.get(left).type();
        AthenaType rightType = columns.get(right).type();
        ValueKind leftKind = ValueKind.of(leftType);
        ValueKind rightKind = ValueKind.of(rightType);
        if (leftKind.isDouble() && rightKind.isDouble()) {
            return RowFilters.compareColumns(left, right, comparison, true);
        }
        if (leftKind.isLong() && rightKind.isLong() && !isString(leftType) && !isString(rightType)
                && scaleOf(leftType) == scaleOf(rightType) && domainOf(leftType) == domainOf(rightType)) {
            return RowFilters.compareColumns(left, right, comparison, false);
        }
        throw new Unsupported("comparison of " + leftType.ddl() + " and " + rightType.ddl());
    }

    /**
     * Folds {@code DATE/TIMESTAMP literal ± INTERVAL literal} (day-time intervals), which Calcite leaves to run time,
     * into a literal, so filters such as {@code l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY} stay vectorized.
     */
    private RexNode foldConstant(RexNode node) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2
                || !(call.getOperands().get(0) instanceof RexLiteral base)
                || !(call.getOperands().get(1) instanceof RexLiteral interval)
                || base.isNull() || interval.isNull()) {
            return node;
        }
        SqlKind kind = call.getKind();
        boolean minus = kind == SqlKind.MINUS;
        if (!minus && kind != SqlKind.PLUS
                || !SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.getType().getSqlTypeName())) {
            return node;
        }
        long millis = interval.getValueAs(Long.class) * (minus ? -1 : 1);
        org.apache.calcite.rex.RexBuilder rexBuilder = literalBuilder();
        SqlTypeName type = base.getType().getSqlTypeName();
        if (type == SqlTypeName.DATE && call.getType().getSqlTypeName() == SqlTypeName.DATE
                && millis % 86_400_000L == 0) {
            int days = base.getValueAs(DateString.class).getDaysSinceEpoch() + (int) (millis / 86_400_000L);
            return rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch(days));
        }
        if (type == SqlTypeName.TIMESTAMP && call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP
                && base.getType().getPrecision() <= 3) {
            long value = base.getValueAs(TimestampString.class).getMillisSinceEpoch() + millis;
            return rexBuilder.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(value), 3);
        }
        return node;
    }

    /** Builds the folded literals (only their values are read afterwards). */
    private org.apache.calcite.rex.RexBuilder literalBuilder() {
        if (literals == null) {
            literals = new org.apache.calcite.rex.RexBuilder(new org.apache.calcite.sql.type.SqlTypeFactoryImpl(
                    org.apache.calcite.rel.type.RelDataTypeSystem.DEFAULT));
        }
        return literals;
    }

    /** Whether a string lies in one of a search's ranges: a set lookup when they are all single values (an IN list). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate<String> inTextRanges(Sarg sarg) {
        List<Range<String>> textRanges = new ArrayList<>();
        for (Object range : sarg.rangeSet.asRanges()) {
            textRanges.add(textRange((Range) range));
        }
        if (sarg.isPoints()) {
            Set<String> points = new HashSet<>();
            textRanges.forEach(point -> points.add(point.lowerEndpoint()));
            return Utf8Values.of(points);
        }
        return value -> {
            for (Range<String> range : textRanges) {
                if (range.contains(value)) {
                    return true;
                }
            }
            return false;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RowFilter search(RexCall call, boolean negated) {
        Sarg sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
        if (negated) {
            sarg = sarg.negate();
        }
        TextFunction function = textFunction(call.getOperands().get(0));
        if (function != null) {
            Predicate<String> inRanges = inTextRanges(sarg);
            if (function.prefixLength() != TextFunction.NOT_A_PREFIX && inRanges instanceof Utf8Values values) {
                // substr(c, 1, n) IN (...): tested on the first n code points' bytes.
                return dictionaryFilter(function.column(),
                        values.ofPrefix(function.prefixLength(), function.function()));
            }
            return dictionaryFilter(function.column(), entry -> inRanges.test(function.apply(entry)));
        }
        int column = column(call.getOperands().get(0));
        AthenaType type = columns.get(column).type();
        ValueKind kind = ValueKind.of(type);
        checkTemporalLiteral(type, call.getOperands().get(1).getType());
        List<RowFilter> ranges = new ArrayList<>();
        if (isString(type)) {
            ranges.add(dictionaryFilter(column, inTextRanges(sarg)));
        } else if (kind.isDouble()) {
            for (Object range : sarg.rangeSet.asRanges()) {
                ranges.add(doubleRange(column, (Range) range));
            }
        } else if (kind.isLong()) {
            if (sarg.isPoints()) {
                List<Long> points = new ArrayList<>();
                for (Object range : sarg.rangeSet.asRanges()) {
                    BigDecimal value = scaledValue(((Range) range).lowerEndpoint(), type);
                    if (isWhole(value) && fitsLong(value)) {
                        points.add(value.longValueExact());
                    }
                }
                ranges.add(RowFilters.longIn(column, points.stream().mapToLong(Long::longValue).toArray(), true));
            } else {
                for (Object range : sarg.rangeSet.asRanges()) {
                    ranges.add(longRange(column, (Range) range, type));
                }
            }
        } else {
            throw new Unsupported("search on " + type.ddl());
        }
        if (sarg.nullAs == RexUnknownAs.TRUE) {
            ranges.add(RowFilters.isNull(column, true));
        }
        return ranges.size() == 1 ? ranges.get(0) : RowFilters.or(ranges);
    }

    private RowFilter like(RexCall call, boolean negated) {
        if (!(call.getOperator() instanceof SqlLikeOperator like) || call.getOperator().getName().contains("ILIKE")) {
            throw new Unsupported("like operator " + call.getOperator());
        }
        TextFunction text = textFunction(call.getOperands().get(0));
        int column = text != null ? text.column() : column(call.getOperands().get(0));
        if (!isString(columns.get(column).type())) {
            throw new Unsupported("LIKE on a non-string column");
        }
        if (!(call.getOperands().get(1) instanceof RexLiteral patternLiteral) || patternLiteral.isNull()) {
            throw new Unsupported("LIKE pattern is not a literal");
        }
        String pattern = stringOf(patternLiteral);
        String escape = null;
        if (call.getOperands().size() > 2) {
            if (!(call.getOperands().get(2) instanceof RexLiteral escapeLiteral) || escapeLiteral.isNull()) {
                throw new Unsupported("LIKE escape is not a literal");
            }
            escape = stringOf(escapeLiteral);
        }
        boolean wanted = like.isNegated() == negated;
        Predicate<String> matches = LikePattern.of(pattern, escape);
        if (text == null) {
            // The pattern itself, which a dictionary not yet decoded tests on its bytes.
            return dictionaryFilter(column, wanted ? matches : matches.negate());
        }
        return dictionaryFilter(column, entry -> matches.test(text.apply(entry)) == wanted);
    }

    /**
     * A function of one string column that filters compute on the column's dictionary, each distinct value once
     * (TPC-H Q22's {@code substring(c_phone, 1, 2) IN (...)}): {@code substr} with constant positions, of the column
     * or of such a function.
     */
    private record TextFunction(int column, UnaryOperator<String> function, long prefixLength) {
        /** {@link #prefixLength} of a function that is not {@code substr(column, 1, n)}. */
        static final long NOT_A_PREFIX = Long.MIN_VALUE;

        String apply(String value) {
            return function.apply(value);
        }
    }

    /** {@code node} as a {@link TextFunction}, or null when it is not one (a plain column included). */
    private TextFunction textFunction(RexNode node) {
        if (!(node instanceof RexCall call) || !call.getOperator().getName().equalsIgnoreCase("substr")
                || call.getOperands().size() < 2 || call.getOperands().size() > 3) {
            return null;
        }
        RexNode operand = call.getOperands().get(0);
        TextFunction inner = textFunction(operand);
        boolean ofColumn = inner == null;
        if (inner == null) {
            RexNode stripped = stripPreservingCast(operand);
            if (!(stripped instanceof RexInputRef ref) || !isString(columns.get(ref.getIndex()).type())) {
                return null;
            }
            inner = new TextFunction(ref.getIndex(), UnaryOperator.identity(), TextFunction.NOT_A_PREFIX);
        }
        long[] positions = new long[call.getOperands().size() - 1];
        for (int i = 0; i < positions.length; i++) {
            if (!(call.getOperands().get(i + 1) instanceof RexLiteral literal) || literal.isNull()
                    || !(literal.getValue() instanceof BigDecimal number) || number.scale() > 0
                    || number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return null;
            }
            positions[i] = number.longValueExact();
        }
        TextFunction of = inner;
        long prefixLength = ofColumn && positions.length == 2 && positions[0] == 1 ? positions[1]
                : TextFunction.NOT_A_PREFIX;
        return new TextFunction(of.column(), positions.length == 1
                ? value -> StringFunctions.substr(of.apply(value), positions[0])
                : value -> StringFunctions.substr(of.apply(value), positions[0], positions[1]), prefixLength);
    }

    private RowFilter dictionaryFilter(int column, Predicate<String> condition) {
        if (data == null) {
            (condition instanceof Utf8Predicate ? testedOnBytes : testedOtherwise).add(column);
            return RowFilters.strings(column, new boolean[0], condition);
        }
        return RowFilters.strings(column, data.dictionaryMatches(column, condition), condition);
    }

    /**
     * The string columns {@code filter} only tests with conditions that can test a value's UTF-8 bytes
     * ({@link Utf8Predicate}: LIKE without {@code _} or escape, equality with a literal, IN lists), which a source
     * may then hold as values ({@link VectorSource#open(io.glaux.sql.scan.ScanContext, ImmutableBitSet,
     * ImmutableBitSet, List)}); none when the filter does not compile.
     */
    static ImmutableBitSet stringsTestedOnBytes(List<Column> columns, RexNode filter) {
        if (filter == null) {
            return ImmutableBitSet.of();
        }
        VectorCompiler compiler = new VectorCompiler(columns, null);
        try {
            compiler.filter(filter);
        } catch (Unsupported e) {
            return ImmutableBitSet.of();
        }
        Set<Integer> tested = new HashSet<>(compiler.testedOnBytes);
        tested.removeAll(compiler.testedOtherwise);
        return ImmutableBitSet.of(tested);
    }

    private RowFilter longRange(int column, BigDecimal low, BigDecimal high, boolean inside) {
        long from = low == null || low.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE
                : low.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : low.longValueExact();
        long to = high == null || high.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
                : high.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : high.longValueExact();
        if (low != null && low.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || high != null && high.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return inside ? RowFilters.none() : RowFilters.isNull(column, false);
        }
        return RowFilters.longRange(column, from, to, inside);
    }

    private RowFilter longRange(int column, Range<Comparable<?>> range, AthenaType type) {
        BigDecimal low = null;
        BigDecimal high = null;
        if (range.hasLowerBound()) {
            BigDecimal value = scaledValue(range.lowerEndpoint(), type);
            low = range.lowerBoundType() == BoundType.CLOSED ? ceiling(value) : floor(value).add(BigDecimal.ONE);
        }
        if (range.hasUpperBound()) {
            BigDecimal value = scaledValue(range.upperEndpoint(), type);
            high = range.upperBoundType() == BoundType.CLOSED ? floor(value)
                    : ceiling(value).subtract(BigDecimal.ONE);
        }
        if (low != null && high != null && low.compareTo(high) > 0) {
            return RowFilters.none();
        }
        return longRange(column, low, high, true);
    }

    private RowFilter doubleRange(int column, Range<Comparable<?>> range) {
        List<RowFilter> bounds = new ArrayList<>();
        if (range.hasLowerBound()) {
            bounds.add(RowFilters.doubleCompare(column, range.lowerBoundType() == BoundType.CLOSED ? Comparison.GE
                    : Comparison.GT, toBigDecimal(range.lowerEndpoint()).doubleValue()));
        }
        if (range.hasUpperBound()) {
            bounds.add(RowFilters.doubleCompare(column, range.upperBoundType() == BoundType.CLOSED ? Comparison.LE
                    : Comparison.LT, toBigDecimal(range.upperEndpoint()).doubleValue()));
        }
        if (bounds.isEmpty()) {
            return RowFilters.isNull(column, false);
        }
        return bounds.size() == 1 ? bounds.get(0) : RowFilters.and(bounds);
    }

    private static Range<String> textRange(Range<Comparable<?>> range) {
        if (range.hasLowerBound() && range.hasUpperBound()) {
            return Range.range(textOf(range.lowerEndpoint()), range.lowerBoundType(),
                    textOf(range.upperEndpoint()), range.upperBoundType());
        }
        if (range.hasLowerBound()) {
            return Range.downTo(textOf(range.lowerEndpoint()), range.lowerBoundType());
        }
        if (range.hasUpperBound()) {
            return Range.upTo(textOf(range.upperEndpoint()), range.upperBoundType());
        }
        return Range.all();
    }

    private static String textOf(Object value) {
        if (value instanceof NlsString nls) {
            return nls.getValue();
        }
        if (value instanceof String text) {
            return text;
        }
        throw new Unsupported("string bound " + value);
    }

    // ------------------------------------------------------------------------------------------ expressions

    /** The column a (value-preserving) reference names. */
    int column(RexNode node) {
        RexNode stripped = stripPreservingCast(node);
        if (stripped instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        throw new Unsupported("not a column: " + node);
    }

    /** The column of a plain input reference, or -1. */
    static int plainColumn(RexNode node) {
        return node instanceof RexInputRef ref ? ref.getIndex() : -1;
    }

    private RexNode stripPreservingCast(RexNode node) {
        while (node.getKind() == SqlKind.CAST) {
            RexNode operand = ((RexCall) node).getOperands().get(0);
            if (!preservesValue(operand.getType(), node.getType())) {
                throw new Unsupported("cast " + operand.getType() + " to " + node.getType());
            }
            node = operand;
        }
        return node;
    }

    private static boolean preservesValue(RelDataType from, RelDataType to) {
        SqlTypeName source = from.getSqlTypeName();
        SqlTypeName target = to.getSqlTypeName();
        if (SqlTypeName.INT_TYPES.contains(source) && SqlTypeName.INT_TYPES.contains(target)) {
            return integerWidth(target) >= integerWidth(source);
        }
        if (SqlTypeName.INT_TYPES.contains(source) && target == SqlTypeName.DECIMAL) {
            return to.getPrecision() - to.getScale() >= integerDigits(source);
        }
        if (source == SqlTypeName.DECIMAL && target == SqlTypeName.DECIMAL) {
            return to.getScale() >= from.getScale()
                    && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
        }
        if (source == SqlTypeName.REAL && (target == SqlTypeName.DOUBLE || target == SqlTypeName.FLOAT)) {
            return true;
        }
        if (SqlTypeName.CHAR_TYPES.contains(source) && target == SqlTypeName.VARCHAR) {
            return to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                    || from.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED
                    && to.getPrecision() >= from.getPrecision();
        }
        return source == target && from.getPrecision() == to.getPrecision() && from.getScale() == to.getScale();
    }

    private static int integerWidth(SqlTypeName type) {
        return switch (type) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER -> 4;
            default -> 8;
        };
    }

    private static int integerDigits(SqlTypeName type) {
        return switch (type) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            default -> 19;
        };
    }

    /** A numeric expression on longs, with its scale and the bounds of its values. */
    record LongCode(LongExpression expression, int scale, BigInteger min, BigInteger max, boolean constant) {
        LongCode(LongExpression expression, int scale, BigInteger min, BigInteger max) {
            this(expression, scale, min, max, false);
        }
    }

    /** Whether {@code type} is computed on longs (integers and decimals of up to 18 digits). */
    static boolean isLongNumeric(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return SqlTypeName.INT_TYPES.contains(name)
                || name == SqlTypeName.DECIMAL && type.getPrecision() <= 38;
    }

    static boolean isDoubleNumeric(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return name == SqlTypeName.DOUBLE || name == SqlTypeName.FLOAT || name == SqlTypeName.REAL;
    }

    LongCode longCode(RexNode node) {
        RelDataType type = node.getType();
        if (node instanceof RexInputRef ref) {
            AthenaType columnType = columns.get(ref.getIndex()).type();
            ValueKind kind = ValueKind.of(columnType);
            if (!kind.isLong() || isString(columnType)) {
                throw new Unsupported("column " + columnType.ddl() + " as a number");
            }
            BigInteger min = LONG_MIN;
            BigInteger max = LONG_MAX;
            if (data != null && kind != ValueKind.BIT && !typeRanges) {
                ColumnStats stats = data.stats(ref.getIndex());
                min = BigInteger.valueOf(stats.empty() ? 0 : stats.min());
                max = BigInteger.valueOf(stats.empty() ? 0 : stats.max());
            }
            return new LongCode(Expressions.longColumn(ref.getIndex()), scaleOf(columnType), min, max);
        }
        if (!isLongNumeric(type)) {
            throw new Unsupported("type " + type);
        }
        int scale = type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
        if (node instanceof RexLiteral literal) {
            if (literal.isNull()) {
                throw new Unsupported("NULL literal");
            }
            BigDecimal value = literal.getValueAs(BigDecimal.class).setScale(scale, RoundingMode.UNNECESSARY);
            BigInteger unscaled = value.unscaledValue();
            if (unscaled.bitLength() > 63) {
                throw new Unsupported("literal beyond 64 bits");
            }
            return new LongCode(Expressions.longConstant(unscaled.longValueExact()), scale, unscaled, unscaled, true);
        }
        if (!(node instanceof RexCall call)) {
            throw new Unsupported("expression " + node);
        }
        if (CheckedCasts.isDecimalCheck(call)) {
            // Fails a decimal beyond 38 digits; what the long arithmetic computes has at most 19.
            return longCode(call.getOperands().get(0));
        }
        switch (CheckedArithmetic.arithmeticKind(call)) {
            case CAST -> {
                LongCode input = longCode(call.getOperands().get(0));
                RelDataType from = call.getOperands().get(0).getType();
                if (!preservesValue(from, type) && !(isLongNumeric(from) && scale >= input.scale()
                        && type.getSqlTypeName() == SqlTypeName.DECIMAL)) {
                    throw new Unsupported("cast " + from + " to " + type);
                }
                return rescaled(input, scale);
            }
            case PLUS, MINUS -> {
                LongCode left = rescaled(longCode(call.getOperands().get(0)), scale);
                LongCode right = rescaled(longCode(call.getOperands().get(1)), scale);
                boolean plus = CheckedArithmetic.arithmeticKind(call) == SqlKind.PLUS;
                BigInteger min = plus ? left.min().add(right.min()) : left.min().subtract(right.max());
                BigInteger max = plus ? left.max().add(right.max()) : left.max().subtract(right.min());
                return arithmetic(plus ? Expressions.Arithmetic.PLUS : Expressions.Arithmetic.MINUS, type, left,
                        right, scale, min, max);
            }
            case TIMES -> {
                LongCode left = longCode(call.getOperands().get(0));
                LongCode right = longCode(call.getOperands().get(1));
                if (left.scale() + right.scale() != scale) {
                    throw new Unsupported("product scale " + scale);
                }
                BigInteger[] corners = {left.min().multiply(right.min()), left.min().multiply(right.max()),
                    left.max().multiply(right.min()), left.max().multiply(right.max())};
                BigInteger min = corners[0];
                BigInteger max = corners[0];
                for (BigInteger corner : corners) {
                    min = min.min(corner);
                    max = max.max(corner);
                }
                return arithmetic(Expressions.Arithmetic.TIMES, type, left, right, scale, min, max);
            }
            case MINUS_PREFIX -> {
                LongCode input = rescaled(longCode(call.getOperands().get(0)), scale);
                BigInteger min = input.max().negate();
                BigInteger max = input.min().negate();
                Expressions.Range range = resultRange(type, min, max);
                return new LongCode(Expressions.negate(input.expression(), range), scale,
                        IntegerResults.clamp(type, min), IntegerResults.clamp(type, max));
            }
            default -> throw new Unsupported("operator " + call.getKind());
        }
    }

    /**
     * {@code left op right} with result bounds {@code [min, max]}: an integer result is checked against its type
     * where the bounds allow it to leave it (and then bounded by the type), a decimal one must fit a long.
     */
    private LongCode arithmetic(Expressions.Arithmetic operator, RelDataType type, LongCode left, LongCode right,
                                int scale, BigInteger min, BigInteger max) {
        Expressions.Range range = resultRange(type, min, max);
        LongExpression expression;
        if (right.constant()) {
            expression = Expressions.arithmetic(operator, left.expression(), right.min().longValueExact(), false,
                    range);
        } else if (left.constant()) {
            expression = Expressions.arithmetic(operator, right.expression(), left.min().longValueExact(), true,
                    range);
        } else {
            expression = Expressions.arithmetic(operator, left.expression(), right.expression(), range);
        }
        return new LongCode(expression, scale, IntegerResults.clamp(type, min), IntegerResults.clamp(type, max));
    }

    private Expressions.Range resultRange(RelDataType type, BigInteger min, BigInteger max) {
        if (!SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())) {
            checkFits(min, max);
        }
        return IntegerResults.range(type, min, max);
    }

    private LongCode rescaled(LongCode code, int scale) {
        if (code.scale() == scale) {
            return code;
        }
        if (code.scale() > scale) {
            throw new Unsupported("rounding to scale " + scale);
        }
        BigInteger factor = BigInteger.TEN.pow(scale - code.scale());
        BigInteger min = code.min().multiply(factor);
        BigInteger max = code.max().multiply(factor);
        if (code.constant()) {
            if (min.bitLength() >= Long.SIZE) {
                throw new Unsupported("constant exceeds 64 bits");
            }
            return new LongCode(Expressions.longConstant(min.longValueExact()), scale, min, max, true);
        }
        checkFits(min, max);
        return new LongCode(Expressions.rescale(code.expression(), factor.longValueExact()), scale, min, max);
    }

    /** Bounds are only known when bound to a version; when checking, any expression shape is accepted. */
    private void checkFits(BigInteger min, BigInteger max) {
        if (data != null && (min.compareTo(LONG_MIN) < 0 || max.compareTo(LONG_MAX) > 0)) {
            throw new Unsupported("values may exceed 64 bits");
        }
    }

    DoubleExpression doubleCode(RexNode node) {
        RelDataType type = node.getType();
        boolean toFloat = type.getSqlTypeName() == SqlTypeName.REAL;
        if (node instanceof RexInputRef ref) {
            AthenaType columnType = columns.get(ref.getIndex()).type();
            if (!ValueKind.of(columnType).isDouble()) {
                throw new Unsupported("column " + columnType.ddl() + " as a double");
            }
            return Expressions.doubleColumn(ref.getIndex());
        }
        if (node instanceof RexLiteral literal) {
            if (literal.isNull() || !isDoubleNumeric(type)) {
                throw new Unsupported("literal " + literal);
            }
            double value = literal.getValueAs(BigDecimal.class).doubleValue();
            return Expressions.doubleConstant(toFloat ? (float) value : value);
        }
        if (!isDoubleNumeric(type) || !(node instanceof RexCall call)) {
            throw new Unsupported("expression " + node);
        }
        switch (call.getKind()) {
            case CAST -> {
                RexNode operand = call.getOperands().get(0);
                RelDataType from = operand.getType();
                if (isDoubleNumeric(from)) {
                    DoubleExpression input = doubleCode(operand);
                    return toFloat && from.getSqlTypeName() != SqlTypeName.REAL
                            ? Expressions.arithmetic('*', input, Expressions.doubleConstant(1), true) : input;
                }
                if (isLongNumeric(from) && (from.getSqlTypeName() != SqlTypeName.DECIMAL
                        || from.getPrecision() <= 15)) {
                    LongCode input = longCode(operand);
                    if (from.getSqlTypeName() == SqlTypeName.BIGINT && !toFloat) {
                        throw new Unsupported("bigint to double");
                    }
                    return Expressions.toDouble(input.expression(), Math.pow(10, input.scale()), toFloat);
                }
                throw new Unsupported("cast " + from + " to " + type);
            }
            case PLUS, MINUS, TIMES, DIVIDE -> {
                char operator = switch (call.getKind()) {
                    case PLUS -> '+';
                    case MINUS -> '-';
                    case TIMES -> '*';
                    default -> '/';
                };
                return Expressions.arithmetic(operator, doubleCode(call.getOperands().get(0)),
                        doubleCode(call.getOperands().get(1)), toFloat);
            }
            case MINUS_PREFIX -> {
                return Expressions.negate(doubleCode(call.getOperands().get(0)));
            }
            default -> throw new Unsupported("operator " + call.getKind());
        }
    }

    /** An output column of a row-producing scan. */
    Projection projection(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new Projection.ColumnValue(ref.getIndex());
        }
        RelDataType type = node.getType();
        if (type.getSqlTypeName() == SqlTypeName.BOOLEAN && !type.isNullable()) {
            return new Projection.Condition(filter(node));
        }
        if (isDoubleNumeric(type)) {
            return new Projection.DoubleValue(doubleCode(node), type.getSqlTypeName() == SqlTypeName.REAL);
        }
        if (isLongNumeric(type) && !isKeyFunction(node)) {
            LongCode code = longCode(node);
            return new Projection.LongValue(code.expression(), boxingOf(type, code.scale()));
        }
        GroupKey key = groupKey(node);
        // A key function (date_trunc...) computes its values the way a GROUP BY key does.
        return key == null ? null : new Projection.LongValue(key::read, key::box);
    }

    private static Boxing boxingOf(RelDataType type, int valueScale) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> value -> (byte) value;
            case SMALLINT -> value -> (short) value;
            case INTEGER -> value -> (int) value;
            case BIGINT -> value -> value;
            case DECIMAL -> {
                if (type.getScale() != valueScale) {
                    throw new Unsupported("decimal scale " + valueScale + " for " + type);
                }
                yield Boxing.decimal(valueScale);
            }
            default -> throw new Unsupported("result type " + type);
        };
    }

    // ------------------------------------------------------------------------------------------- aggregates

    /** The kernel of one aggregate call; {@code inputs} are the projected expressions it refers to. */
    AggregateFunction aggregate(AggregateCall call, List<RexNode> inputs) {
        if (!call.collation.getFieldCollations().isEmpty() || call.isApproximate()) {
            throw new Unsupported("aggregate options");
        }
        if (call.filterArg >= 0) {
            // FILTER (WHERE c): the rows for which c is TRUE, as a WHERE clause keeps them.
            RowFilter filter = filter(inputs.get(call.filterArg));
            return AggregateFunction.filtered(aggregate(call.withFilter(-1), inputs), filter);
        }
        List<Integer> args = call.getArgList();
        RelDataType resultType = call.getType();
        SqlKind kind = call.getAggregation().getKind();
        if (call.isDistinct() && kind != SqlKind.COUNT) {
            throw new Unsupported("DISTINCT " + kind);
        }
        switch (kind) {
            case COUNT -> {
                if (args.isEmpty()) {
                    return AggregateFunction.countRows();
                }
                if (args.size() != 1) {
                    throw new Unsupported("COUNT of several columns");
                }
                RexNode input = inputs.get(args.get(0));
                if (call.isDistinct()) {
                    if (isDoubleNumeric(input.getType())) {
                        return AggregateFunction.countDistinct(doubleCode(input));
                    }
                    int column = plainColumn(input);
                    if (column >= 0 && isString(columns.get(column).type())) {
                        return AggregateFunction.countDistinct(Expressions.longColumn(column));
                    }
                    return AggregateFunction.countDistinct(longCode(input).expression());
                }
                int column = plainColumn(input);
                if (column >= 0) {
                    return AggregateFunction.countValues(column);
                }
                // The expressions the kernels compute are NULL exactly when one of their columns is.
                if (isDoubleNumeric(input.getType())) {
                    doubleCode(input);
                } else {
                    longCode(input);
                }
                return AggregateFunction.countWherePresent(
                        org.apache.calcite.plan.RelOptUtil.InputFinder.bits(input).toArray());
            }
            case SUM, SUM0 -> {
                RexNode input = inputs.get(args.get(0));
                boolean zero = kind == SqlKind.SUM0;
                if (isDoubleNumeric(input.getType())) {
                    if (resultType.getSqlTypeName() != SqlTypeName.DOUBLE) {
                        throw new Unsupported("sum type " + resultType);
                    }
                    return AggregateFunction.sum(doubleCode(input), zero);
                }
                LongCode code = longCode(input);
                SqlTypeName result = resultType.getSqlTypeName();
                if (result == SqlTypeName.BIGINT && code.scale() == 0) {
                    return AggregateFunction.sum(code.expression(), WRAPPING_BIGINT, zero);
                }
                if (result == SqlTypeName.DECIMAL && resultType.getScale() == code.scale()) {
                    return AggregateFunction.sum(code.expression(), Boxing.decimal(code.scale()), zero);
                }
                throw new Unsupported("sum type " + resultType);
            }
            case MIN, MAX -> {
                boolean max = kind == SqlKind.MAX;
                RexNode input = inputs.get(args.get(0));
                int column = plainColumn(input);
                if (column >= 0 && isString(columns.get(column).type())) {
                    String[] dictionary = data == null ? new String[0] : data.dictionaryValues(column);
                    return AggregateFunction.minMaxString(column, dictionary, max);
                }
                if (isDoubleNumeric(input.getType())) {
                    return AggregateFunction.minMax(doubleCode(input),
                            resultType.getSqlTypeName() == SqlTypeName.REAL, max);
                }
                if (column >= 0) {
                    AthenaType columnType = columns.get(column).type();
                    if (!ValueKind.of(columnType).isLong()) {
                        throw new Unsupported("MIN/MAX of " + columnType.ddl());
                    }
                    return AggregateFunction.minMax(Expressions.longColumn(column),
                            Boxing.forColumn(columnType, null), max);
                }
                LongCode code = longCode(input);
                return AggregateFunction.minMax(code.expression(), boxingOf(resultType, code.scale()), max);
            }
            default -> throw new Unsupported("aggregate " + kind);
        }
    }

    /**
     * A GROUP BY key: an integer-like column, or date_trunc/year/quarter/month/day of a date (or date_trunc of a
     * millisecond timestamp) column. Null when only checking (no data bound).
     */
    GroupKey groupKey(RexNode node) {
        int column = plainColumn(node);
        if (column >= 0) {
            if (!isKeyColumn(column, false)) {
                throw new Unsupported("group key of type " + columns.get(column).type().ddl());
            }
            return data == null ? null : GroupKey.column(data, column);
        }
        if (!(node instanceof RexCall call)) {
            throw new Unsupported("group key " + node);
        }
        String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        RelDataType type = call.getType();
        if (name.equals("date_trunc") && call.getOperands().size() == 2
                && call.getOperands().get(0) instanceof RexLiteral unitLiteral && !unitLiteral.isNull()) {
            String unit = stringOf(unitLiteral);
            int source = plainColumn(call.getOperands().get(1));
            AthenaType.Kind kind = source < 0 ? null : columns.get(source).type().kind();
            if (kind == AthenaType.Kind.DATE && type.getSqlTypeName() == SqlTypeName.DATE) {
                io.glaux.sql.function.DateTimeFunctions.dateTruncDate(unit, 0);
                return data == null ? null : GroupKey.function(data, source,
                        days -> io.glaux.sql.function.DateTimeFunctions.dateTruncDate(unit, (int) days), true,
                        value -> (int) value);
            }
            if (kind == AthenaType.Kind.TIMESTAMP && type.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
                io.glaux.sql.function.DateTimeFunctions.dateTruncTimestamp(unit, 0);
                return data == null ? null : GroupKey.function(data, source,
                        millis -> io.glaux.sql.function.DateTimeFunctions.dateTruncTimestamp(unit, millis), true,
                        value -> value);
            }
            throw new Unsupported("date_trunc of " + call.getOperands().get(1).getType());
        }
        java.util.function.LongUnaryOperator field = null;
        boolean monotone = false;
        RexNode argument = null;
        String unit = name;
        if (call.getKind() == SqlKind.EXTRACT && call.getOperands().size() == 2
                && call.getOperands().get(0) instanceof RexLiteral flag) {
            unit = String.valueOf(flag.getValue()).toLowerCase(java.util.Locale.ROOT);
            argument = call.getOperands().get(1);
        } else if (call.getOperands().size() == 1) {
            argument = call.getOperands().get(0);
        }
        switch (unit) {
            case "year" -> {
                field = days -> java.time.LocalDate.ofEpochDay(days).getYear();
                monotone = true;
            }
            case "quarter" -> field = days -> (java.time.LocalDate.ofEpochDay(days).getMonthValue() + 2) / 3;
            case "month" -> field = days -> java.time.LocalDate.ofEpochDay(days).getMonthValue();
            case "day" -> field = days -> java.time.LocalDate.ofEpochDay(days).getDayOfMonth();
            default -> {
            }
        }
        int source = argument == null ? -1 : plainColumn(argument);
        if (field == null || source < 0 || columns.get(source).type().kind() != AthenaType.Kind.DATE
                || !SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())) {
            throw new Unsupported("group key " + node);
        }
        if (data == null) {
            return null;
        }
        Boxing boxing = boxingOf(type, 0);
        ColumnStats stats = data.stats(source);
        if (!stats.empty() && stats.max() - stats.min() >= (1 << 20) && !monotone) {
            throw new Unsupported("date column too wide to tabulate " + unit);
        }
        return GroupKey.function(data, source, field, monotone, boxing);
    }

    private static boolean isKeyFunction(RexNode node) {
        if (!(node instanceof RexCall call)) {
            return false;
        }
        String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        return call.getKind() == SqlKind.EXTRACT || switch (name) {
            case "date_trunc", "year", "quarter", "month", "day" -> true;
            default -> false;
        };
    }

    /** Whether a column can be a GROUP BY key or a top-N sort key. */
    boolean isKeyColumn(int column, boolean allowDouble) {
        ValueKind kind = ValueKind.of(columns.get(column).type());
        return kind.isLong() || allowDouble && kind.isDouble();
    }

    // ---------------------------------------------------------------------------------------------- values

    private static boolean isString(AthenaType type) {
        return switch (type.kind()) {
            case CHAR, VARCHAR, STRING -> true;
            default -> false;
        };
    }

    private static int scaleOf(AthenaType type) {
        return type instanceof AthenaType.Decimal decimal ? decimal.scale() : 0;
    }

    /** Columns whose long values mean different things (days, millis, numbers) never compare with each other. */
    private static int domainOf(AthenaType type) {
        return switch (type.kind()) {
            case DATE -> 1;
            case TIMESTAMP -> 2;
            case BOOLEAN -> 3;
            default -> 0;
        };
    }

    /** A literal or range bound as a number in the column's long representation (possibly fractional). */
    private static BigDecimal scaledValue(Object value, AthenaType type) {
        switch (type.kind()) {
            case DATE -> {
                if (value instanceof DateString date) {
                    return BigDecimal.valueOf(date.getDaysSinceEpoch());
                }
                if (value instanceof java.util.Calendar calendar) {
                    return BigDecimal.valueOf(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
                }
                throw new Unsupported("date compared with " + value);
            }
            case TIMESTAMP -> {
                if (value instanceof TimestampString timestamp) {
                    return BigDecimal.valueOf(timestamp.getMillisSinceEpoch());
                }
                if (value instanceof java.util.Calendar calendar) {
                    return BigDecimal.valueOf(calendar.getTimeInMillis());
                }
                throw new Unsupported("timestamp compared with " + value);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    return flag ? BigDecimal.ONE : BigDecimal.ZERO;
                }
                throw new Unsupported("boolean compared with " + value);
            }
            default -> {
                return toBigDecimal(value).movePointRight(scaleOf(type));
            }
        }
    }

    /** Dates compare with dates, timestamps with timestamps of at most millisecond precision (what SPICE holds). */
    private static void checkTemporalLiteral(AthenaType columnType, RelDataType literalType) {
        SqlTypeName literal = literalType.getSqlTypeName();
        if (columnType.kind() == AthenaType.Kind.DATE && literal != SqlTypeName.DATE
                || columnType.kind() == AthenaType.Kind.TIMESTAMP && (literal != SqlTypeName.TIMESTAMP
                || literalType.getPrecision() > 3)) {
            throw new Unsupported(columnType.ddl() + " compared with " + literalType);
        }
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new Unsupported("number expected: " + value);
    }

    private static double doubleOf(RexLiteral literal, AthenaType columnType) {
        Object value = literal.getValue();
        if (!(value instanceof BigDecimal) && !(value instanceof Number)) {
            throw new Unsupported("number expected: " + value);
        }
        double number = toBigDecimal(value).doubleValue();
        if (literal.getType().getSqlTypeName() == SqlTypeName.REAL) {
            number = (float) number;
        }
        return number;
    }

    private static String stringOf(RexLiteral literal) {
        Object value = literal.getValue();
        if (value instanceof NlsString nls) {
            return nls.getValue();
        }
        throw new Unsupported("string literal expected: " + literal);
    }

    private static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    private static boolean fitsLong(BigDecimal value) {
        return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    private static BigDecimal floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR);
    }

    private static BigDecimal ceiling(BigDecimal value) {
        return value.setScale(0, RoundingMode.CEILING);
    }

    private static Comparison comparisonOf(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> Comparison.EQ;
            case NOT_EQUALS -> Comparison.NE;
            case LESS_THAN -> Comparison.LT;
            case LESS_THAN_OR_EQUAL -> Comparison.LE;
            case GREATER_THAN -> Comparison.GT;
            default -> Comparison.GE;
        };
    }

    private static Comparison mirror(Comparison comparison) {
        return switch (comparison) {
            case LT -> Comparison.GT;
            case LE -> Comparison.GE;
            case GT -> Comparison.LT;
            case GE -> Comparison.LE;
            default -> comparison;
        };
    }

    private static Comparison negate(Comparison comparison) {
        return switch (comparison) {
            case EQ -> Comparison.NE;
            case NE -> Comparison.EQ;
            case LT -> Comparison.GE;
            case LE -> Comparison.GT;
            case GT -> Comparison.LE;
            case GE -> Comparison.LT;
        };
    }
}
