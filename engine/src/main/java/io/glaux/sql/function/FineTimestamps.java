package io.glaux.sql.function;

import com.google.common.collect.ImmutableList;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.FineTimestamp;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Trino's {@code timestamp(p)} with more than three fractional digits. Calcite's timestamps are milliseconds, so a
 * timestamp(p) with p from 4 to 9 holds microseconds or nanoseconds instead ({@link FineTimestamp}), and the plan is
 * rewritten so that no operator of Calcite's reads such a value as milliseconds:
 * <ul>
 *   <li>literals become calls Calcite does not fold back into literals; casts to and from varchar, date, time,
 *       other precisions and zoned timestamps convert the value ({@link #cast});</li>
 *   <li>comparisons, and operators that pass values on (CASE, COALESCE, GREATEST, LEAST, ARRAY, MAP, ROW, set
 *       operations, VALUES), bring timestamps of different units to one;</li>
 *   <li>any other operator on a fine timestamp gets the millisecond it falls in (so {@code hour}, {@code date_trunc},
 *       {@code format_datetime} read their fields as Trino does), and a timestamp it returns is widened back; adding an
 *       interval ({@code +}, {@code -}, {@code date_add}) keeps the digits below the millisecond.</li>
 * </ul>
 * Result rows, tables and SPICE hold milliseconds ({@link #heldAsMillis}), as Athena's do.
 */
public final class FineTimestamps {

    private static final SqlOperator RESCALE = new PlannedOperator("$timestamp_rescale", ReturnTypes.ARG0,
            FineTimestamps.class, "rescale", call -> new Class<?>[] {long.class, int.class, int.class}, false);
    private static final SqlOperator FLOOR_MILLIS = new PlannedOperator("$timestamp_floor_millis", ReturnTypes.ARG0,
            FineTimestamps.class, "floorMillis", call -> new Class<?>[] {long.class, int.class}, false);
    private static final SqlOperator KEEP_BELOW_MILLIS = new PlannedOperator("$timestamp_keep_below_millis",
            ReturnTypes.ARG0, FineTimestamps.class, "keepBelowMillis",
            call -> new Class<?>[] {long.class, long.class, int.class}, false);
    private static final SqlOperator PARSE = new PlannedOperator("$timestamp_parse", ReturnTypes.ARG0,
            FineTimestamps.class, "parse", call -> new Class<?>[] {String.class, int.class, boolean.class}, false);
    private static final SqlOperator FORMAT = new PlannedOperator("$timestamp_format", ReturnTypes.ARG0,
            FineTimestamps.class, "format", call -> new Class<?>[] {long.class, int.class}, false);
    private static final Set<SqlOperator> OWN = Set.of(RESCALE, FLOOR_MILLIS, KEEP_BELOW_MILLIS, PARSE, FORMAT);

    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
            SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);
    /** Operators whose result is one of their operands: their timestamps are brought to the result's unit. */
    private static final Set<SqlKind> PASSING = EnumSet.of(SqlKind.CASE, SqlKind.COALESCE, SqlKind.GREATEST,
            SqlKind.LEAST, SqlKind.ARRAY_VALUE_CONSTRUCTOR, SqlKind.MAP_VALUE_CONSTRUCTOR, SqlKind.ROW);
    /** Operators that move a timestamp by an interval: the digits below the millisecond move along. */
    private static final Set<String> SHIFTING = Set.of("date_add");
    /** Operators that read only an operand's type, or read a timestamp in the unit its type says (CAST to json). */
    private static final Set<String> UNIT_AWARE = Set.of("typeof", "$to_json");

    private FineTimestamps() {
    }

    /** Whether a type is a timestamp(p) with p above 3. */
    public static boolean isFine(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIMESTAMP && FineTimestamp.isFine(type.getPrecision());
    }

    /** Whether a type is or holds (in an array, map or row) a fine timestamp. */
    public static boolean within(RelDataType type) {
        return NestedTypes.anyMatch(type, FineTimestamps::isFine);
    }

    // ---- run time ------------------------------------------------------------------------------------------------

    /** A timestamp of precision {@code from} as one of precision {@code to} (rounded half up to fewer digits). */
    public static long rescale(long value, int from, int to) {
        try {
            return FineTimestamp.rescale(value, from, to);
        } catch (ArithmeticException e) {
            throw outOfRange(to);
        }
    }

    /** The millisecond a fine timestamp falls in, as Calcite's timestamps hold it. */
    public static long floorMillis(long value, int precision) {
        return FineTimestamp.floorMillis(value, precision);
    }

    /** {@code millis} (the result of moving {@code original}'s millisecond) with {@code original}'s finer digits. */
    public static long keepBelowMillis(long millis, long original, int precision) {
        return Math.addExact(rescale(millis, FineTimestamp.MILLIS_PRECISION, precision),
                FineTimestamp.belowMillis(original, precision));
    }

    /** CAST(varchar AS timestamp(p)); TRY_CAST ({@code orNull}) gives NULL for text that is no timestamp. */
    public static Long parse(String text, int precision, boolean orNull) {
        try {
            var value = FineTimestamp.parse(text, precision);
            if (value.isPresent()) {
                return value.getAsLong();
            }
        } catch (ArithmeticException e) {
            if (!orNull) {
                throw outOfRange(precision);
            }
        }
        if (orNull) {
            return null;
        }
        throw FunctionErrors.invalidCast("Value cannot be cast to timestamp: " + text);
    }

    /** CAST(timestamp(p) AS varchar). */
    public static String format(long value, int precision) {
        return FineTimestamp.format(value, precision);
    }

    private static GlauxException outOfRange(int precision) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "timestamp(" + precision + ") out of range: values of 7 to 9 fractional digits reach from"
                        + " 1677-09-21 to 2262-04-11");
    }

    // ---- plan rewrites -------------------------------------------------------------------------------------------

    /** A literal of a fine timestamp as a call holding its value; any other literal as it is. */
    public static RexNode literal(RexBuilder rexBuilder, RexLiteral literal) {
        if (!isFine(literal.getType()) || literal.isNull()) {
            return literal;
        }
        int precision = literal.getType().getPrecision();
        return rescaleCall(rexBuilder, literal.getType(),
                rexBuilder.makeBigintLiteral(BigDecimal.valueOf(units(literal, precision))), precision);
    }

    /** A timestamp literal's value in the unit of {@code precision}. */
    private static long units(RexLiteral literal, int precision) {
        String text = literal.getValueAs(TimestampString.class).toString();
        try {
            return FineTimestamp.parse(text, precision).orElseThrow(
                    () -> new IllegalStateException("timestamp literal " + text));
        } catch (ArithmeticException e) {
            throw outOfRange(precision);
        }
    }

    /** Whether a SEARCH must be expanded into comparisons first (its ranges hold fine timestamp literals). */
    public static boolean searchesFine(RexCall call) {
        return call.getKind() == SqlKind.SEARCH && isFine(call.getOperands().get(0).getType());
    }

    /** Whether a cast from {@code source} to {@code target} is {@link #cast}'s to make. */
    public static boolean casts(RelDataType source, RelDataType target) {
        return (isFine(source) || isFine(target)) && source.getSqlTypeName() != SqlTypeName.NULL
                && !SqlTypeUtil.equalSansNullability(source, target);
    }

    /** CAST (TRY_CAST if {@code safe}) of {@code operand} to {@code target}, where {@link #casts}. */
    public static RexNode cast(RexBuilder rexBuilder, RelDataType target, RexNode operand, boolean safe) {
        RelDataTypeFactory types = rexBuilder.getTypeFactory();
        RelDataType source = operand.getType();
        boolean nullable = source.isNullable() || target.isNullable();
        RelDataType result = types.createTypeWithNullability(target, nullable || safe);
        if (isFine(target)) {
            int to = target.getPrecision();
            return switch (source.getSqlTypeName()) {
                case TIMESTAMP -> rescaleCall(rexBuilder, result, operand, source.getPrecision(), to);
                case DATE -> rescaleCall(rexBuilder, result,
                        rexBuilder.makeAbstractCast(millisType(types, source.isNullable()), operand, false),
                        FineTimestamp.MILLIS_PRECISION, to);
                case CHAR, VARCHAR -> rexBuilder.makeCall(result, PARSE, List.of(operand, intLiteral(rexBuilder, to),
                        rexBuilder.makeLiteral(safe)));
                case TIMESTAMP_TZ -> rescaleCall(rexBuilder, result,
                        ZonedCasts.call(rexBuilder, millisType(types, source.isNullable()), operand),
                        FineTimestamp.MILLIS_PRECISION, to);
                default -> throw cannotCast(source, target);
            };
        }
        int from = source.getPrecision();
        return switch (target.getSqlTypeName()) {
            case CHAR, VARCHAR -> {
                RelDataType varchar = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR),
                        source.isNullable());
                RexNode text = rexBuilder.makeCall(varchar, FORMAT, List.of(operand, intLiteral(rexBuilder, from)));
                yield SqlTypeUtil.equalSansNullability(varchar, target) ? text
                        : rexBuilder.makeAbstractCast(result, text, safe);
            }
            case TIMESTAMP -> rescaleCall(rexBuilder, result, operand, from, target.getPrecision());
            case DATE -> rexBuilder.makeAbstractCast(result, floorMillisCall(rexBuilder, operand), false);
            case TIME, TIMESTAMP_TZ -> {
                int digits = Math.min(target.getPrecision(), FineTimestamp.MILLIS_PRECISION);
                RelDataType millis = types.createTypeWithNullability(
                        types.createSqlType(SqlTypeName.TIMESTAMP, digits), source.isNullable());
                RexNode rounded = rescaleCall(rexBuilder, millis, operand, from, digits);
                yield target.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ
                        ? ZonedCasts.call(rexBuilder, result, rounded)
                        : rexBuilder.makeAbstractCast(result, rounded, false);
            }
            default -> throw cannotCast(source, target);
        };
    }

    /**
     * A call rewritten so that every operator reads fine timestamps in the unit it expects (see the class comment);
     * the call itself when nothing changes. Its type is the call's.
     */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call instanceof RexOver || OWN.contains(call.getOperator())) {
            return call;
        }
        List<RexNode> operands = call.getOperands();
        if (call.isA(SqlKind.CAST) || call.isA(SqlKind.SAFE_CAST)) {
            return operands.size() == 1 && casts(operands.get(0).getType(), call.getType())
                    ? cast(rexBuilder, call.getType(), operands.get(0), call.isA(SqlKind.SAFE_CAST)) : call;
        }
        boolean fineOperand = operands.stream().anyMatch(o -> isFine(o.getType()));
        if (call.isA(COMPARISONS)) {
            return fineOperand ? compareInOneUnit(rexBuilder, call) : call;
        }
        if (call.isA(PASSING)) {
            return passInResultUnit(rexBuilder, call);
        }
        if (call.isA(SqlKind.IS_NULL) || call.isA(SqlKind.IS_NOT_NULL)
                || operands.stream().anyMatch(o -> !isFine(o.getType()) && within(o.getType()))) {
            // Functions of arrays, maps and rows of fine timestamps (element_at, contains, ...) take their values
            // as they are.
            return call;
        }
        if (!fineOperand && !isFine(call.getType())
                || UNIT_AWARE.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
            return call;
        }
        return inMillis(rexBuilder, call);
    }

    /** An operator that knows only milliseconds, given them, and its fine result widened back. */
    private static RexNode inMillis(RexBuilder rexBuilder, RexCall call) {
        RexNode original = null;
        List<RexNode> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            if (isFine(operand.getType())) {
                original = original == null ? operand : original;
                operands.add(floorMillisCall(rexBuilder, operand));
            } else {
                operands.add(operand);
            }
        }
        RelDataType type = call.getType();
        if (!isFine(type)) {
            if (within(type)) {
                throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                        call.getOperator().getName() + " returning " + TrinoTypeNames.of(type)
                                + " is not supported");
            }
            return call.clone(type, operands);
        }
        RelDataType millis = millisType(rexBuilder.getTypeFactory(), type.isNullable());
        RexNode inMillis = call.clone(millis, operands);
        int precision = type.getPrecision();
        boolean shifts = original != null && (call.isA(SqlKind.PLUS) || call.isA(SqlKind.MINUS)
                || SHIFTING.contains(call.getOperator().getName().toLowerCase(Locale.ROOT)));
        if (shifts) {
            return rexBuilder.makeCall(type, KEEP_BELOW_MILLIS,
                    List.of(inMillis, original, intLiteral(rexBuilder, precision)));
        }
        return rescaleCall(rexBuilder, type, inMillis, FineTimestamp.MILLIS_PRECISION, precision);
    }

    private static RexNode compareInOneUnit(RexBuilder rexBuilder, RexCall call) {
        int precision = call.getOperands().stream().filter(o -> o.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP)
                .mapToInt(o -> o.getType().getPrecision()).max().orElse(FineTimestamp.MILLIS_PRECISION);
        List<RexNode> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            RelDataType type = operand.getType();
            operands.add(type.getSqlTypeName() == SqlTypeName.TIMESTAMP
                    ? inUnitOf(rexBuilder, operand, rexBuilder.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP,
                    precision)) : operand);
        }
        return operands.equals(call.getOperands()) ? call : call.clone(call.getType(), operands);
    }

    private static RexNode passInResultUnit(RexBuilder rexBuilder, RexCall call) {
        List<RexNode> operands = call.getOperands();
        List<RexNode> aligned = new ArrayList<>();
        RelDataType type = call.getType();
        for (int i = 0; i < operands.size(); i++) {
            RelDataType slot = switch (call.getKind()) {
                // CASE's WHEN conditions are booleans; its values are at odd positions and last.
                case CASE -> i % 2 == 1 || i == operands.size() - 1 ? type : null;
                case ARRAY_VALUE_CONSTRUCTOR -> type.getComponentType();
                case MAP_VALUE_CONSTRUCTOR -> i % 2 == 0 ? type.getKeyType() : type.getValueType();
                case ROW -> type.getFieldList().get(i).getType();
                default -> type;
            };
            aligned.add(slot == null ? operands.get(i) : inUnitOf(rexBuilder, operands.get(i), slot));
        }
        return aligned.equals(operands) ? call : call.clone(type, aligned);
    }

    /** {@code value} in the unit of timestamp type {@code slot} if both are timestamps of different units. */
    private static RexNode inUnitOf(RexBuilder rexBuilder, RexNode value, RelDataType slot) {
        RelDataType type = value.getType();
        if (type.getSqlTypeName() != SqlTypeName.TIMESTAMP || slot.getSqlTypeName() != SqlTypeName.TIMESTAMP
                || FineTimestamp.perMilli(type.getPrecision()) == FineTimestamp.perMilli(slot.getPrecision())) {
            return value;
        }
        RelDataType target = rexBuilder.getTypeFactory().createTypeWithNullability(slot, type.isNullable());
        return rescaleCall(rexBuilder, target, value, type.getPrecision(), slot.getPrecision());
    }

    /** A plan node rewritten: VALUES holding fine timestamps, set operations of timestamps in different units. */
    public static RelNode rewrite(RelNode rel) {
        if (rel instanceof LogicalValues values && within(values.getRowType())) {
            return values(values);
        }
        if (rel instanceof SetOp setOp) {
            return setOp(setOp);
        }
        return rel;
    }

    /** VALUES of fine timestamps: their values as bigints, made timestamps again by a projection. */
    private static RelNode values(LogicalValues values) {
        RexBuilder rexBuilder = values.getCluster().getRexBuilder();
        RelDataTypeFactory types = rexBuilder.getTypeFactory();
        List<RelDataTypeField> fields = values.getRowType().getFieldList();
        RelDataTypeFactory.Builder builder = types.builder();
        for (RelDataTypeField field : fields) {
            if (within(field.getType()) && !isFine(field.getType())) {
                return values;
            }
            builder.add(field.getName(), isFine(field.getType()) ? types.createTypeWithNullability(
                    types.createSqlType(SqlTypeName.BIGINT), field.getType().isNullable()) : field.getType());
        }
        RelDataType heldType = builder.build();
        List<RelDataTypeField> held = heldType.getFieldList();
        List<List<RexLiteral>> tuples = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<RexLiteral> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                RexLiteral literal = tuple.get(i);
                RelDataType type = fields.get(i).getType();
                if (!isFine(type)) {
                    row.add(literal);
                } else if (literal.isNull()) {
                    row.add((RexLiteral) rexBuilder.makeNullLiteral(held.get(i).getType()));
                } else {
                    row.add((RexLiteral) rexBuilder.makeLiteral(
                            BigDecimal.valueOf(units(literal, type.getPrecision())), held.get(i).getType(), false));
                }
            }
            tuples.add(row);
        }
        LogicalValues bigints = LogicalValues.create(values.getCluster(), heldType, copyOf(tuples));
        List<RexNode> projections = new ArrayList<>();
        for (RelDataTypeField field : fields) {
            RexNode ref = new RexInputRef(field.getIndex(), held.get(field.getIndex()).getType());
            projections.add(isFine(field.getType())
                    ? rescaleCall(rexBuilder, field.getType(), ref, field.getType().getPrecision()) : ref);
        }
        return LogicalProject.create(bigints, List.of(), projections, values.getRowType(), Set.of());
    }

    private static ImmutableList<ImmutableList<RexLiteral>> copyOf(List<List<RexLiteral>> tuples) {
        return tuples.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    }

    /** A set operation whose inputs hold a column's timestamps in different units: each brought to the result's. */
    private static RelNode setOp(SetOp setOp) {
        List<RelDataTypeField> fields = setOp.getRowType().getFieldList();
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : setOp.getInputs()) {
            RexBuilder rexBuilder = input.getCluster().getRexBuilder();
            List<RexNode> projections = new ArrayList<>();
            for (RelDataTypeField field : input.getRowType().getFieldList()) {
                RexNode ref = rexBuilder.makeInputRef(input, field.getIndex());
                projections.add(inUnitOf(rexBuilder, ref, fields.get(field.getIndex()).getType()));
            }
            boolean rescaled = projections.stream().anyMatch(p -> !(p instanceof RexInputRef));
            changed |= rescaled;
            inputs.add(rescaled ? LogicalProject.create(input, List.of(), projections,
                    input.getRowType().getFieldNames(), Set.of()) : input);
        }
        return changed ? setOp.copy(setOp.getTraitSet(), inputs) : setOp;
    }

    // ---- values leaving a query ----------------------------------------------------------------------------------

    /**
     * Converts values of {@code type} to what tables, result rows and SPICE hold: fine timestamps rounded to
     * milliseconds, also inside arrays, maps and rows; null if {@code type} holds none.
     */
    public static UnaryOperator<Object> heldAsMillis(RelDataType type) {
        if (!within(type)) {
            return null;
        }
        if (isFine(type)) {
            int precision = type.getPrecision();
            return value -> value == null ? null
                    : rescale(((Number) value).longValue(), precision, FineTimestamp.MILLIS_PRECISION);
        }
        if (type.isStruct()) {
            List<UnaryOperator<Object>> fields = type.getFieldList().stream()
                    .map(f -> heldAsMillis(f.getType())).toList();
            return value -> {
                if (!(value instanceof Object[] row)) {
                    return value;
                }
                Object[] copy = row.clone();
                for (int i = 0; i < copy.length && i < fields.size(); i++) {
                    copy[i] = fields.get(i) == null ? copy[i] : fields.get(i).apply(copy[i]);
                }
                return copy;
            };
        }
        if (type.getComponentType() != null) {
            UnaryOperator<Object> element = heldAsMillis(type.getComponentType());
            return value -> value instanceof List<?> list
                    ? list.stream().map(e -> element == null ? e : element.apply(e)).toList() : value;
        }
        UnaryOperator<Object> key = heldAsMillis(type.getKeyType());
        UnaryOperator<Object> entryValue = heldAsMillis(type.getValueType());
        return value -> {
            if (!(value instanceof Map<?, ?> map)) {
                return value;
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(key == null ? k : key.apply(k),
                    entryValue == null ? v : entryValue.apply(v)));
            return copy;
        };
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static RexNode rescaleCall(RexBuilder rexBuilder, RelDataType type, RexNode value, int precision) {
        return rescaleCall(rexBuilder, type, value, precision, precision);
    }

    private static RexNode rescaleCall(RexBuilder rexBuilder, RelDataType type, RexNode value, int from, int to) {
        return rexBuilder.makeCall(type, RESCALE, List.of(value, intLiteral(rexBuilder, from),
                intLiteral(rexBuilder, to)));
    }

    private static RexNode floorMillisCall(RexBuilder rexBuilder, RexNode fine) {
        return rexBuilder.makeCall(millisType(rexBuilder.getTypeFactory(), fine.getType().isNullable()), FLOOR_MILLIS,
                List.of(fine, intLiteral(rexBuilder, fine.getType().getPrecision())));
    }

    private static RelDataType millisType(RelDataTypeFactory types, boolean nullable) {
        return types.createTypeWithNullability(
                types.createSqlType(SqlTypeName.TIMESTAMP, FineTimestamp.MILLIS_PRECISION), nullable);
    }

    private static RexNode intLiteral(RexBuilder rexBuilder, int value) {
        return rexBuilder.makeLiteral(value, rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER));
    }

    private static GlauxException cannotCast(RelDataType source, RelDataType target) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.TYPE_MISMATCH,
                "Cannot cast " + TrinoTypeNames.of(source) + " to " + TrinoTypeNames.of(target));
    }
}
