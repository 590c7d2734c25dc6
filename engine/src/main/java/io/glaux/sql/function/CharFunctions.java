package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's char(n) ({@link TrinoCharType}): {@code CAST(s AS char(n))} (and TRY_CAST) becomes {@code $cast_char(s, n)},
 * which cuts s to n characters (an explicit cast truncates, as Trino's varchar-to-char cast does) and holds it
 * without trailing spaces. {@code char} alone is char(1), as in Trino.
 */
public final class CharFunctions {

    /** The target type travels as its length in a string operand (a numeric one would be hoisted into a constant). */
    private static final SqlReturnTypeInference CHAR_OF_LENGTH = b -> TrinoCharType.of(b.getTypeFactory(),
            Integer.parseInt(b.getOperandLiteralValue(1, String.class)));

    /** CAST of a char(n) to varchar: the value padded with spaces to n (then cut to the varchar's length). */
    private static final SqlOperator TO_VARCHAR = new PlannedOperator("$char_to_varchar", ReturnTypes.ARG0,
            CharFunctions.class, "toVarchar", call -> new Class<?>[] {String.class, int.class});

    /** A string coerced to char(n) (CASE, COALESCE, UNION, comparisons): held as char(n). */
    private static final SqlOperator TO_CHAR = new PlannedOperator("$varchar_to_char", ReturnTypes.ARG0,
            CharFunctions.class, "toChar", call -> new Class<?>[] {String.class, int.class});

    /** {@code ||} with a char operand ({@link #concat(RexBuilder, RelDataType, RexNode, RexNode)}). */
    private static final SqlOperator CONCAT = new PlannedOperator("$char_concat", ReturnTypes.ARG0,
            CharFunctions.class, "concat", call -> new Class<?>[] {String.class, int.class, String.class, int.class});

    private CharFunctions() {
    }

    /**
     * Trino 368's semantics of char(n) where Calcite's differ; any other call is returned as it is.
     * <ul>
     *   <li>An implicit cast of a varchar to char(n), which Calcite inserts where Trino coerces a varchar to char (the
     *       common type of char and varchar is char): the value is held as char(n), without trailing spaces, so that
     *       {@code c = 'ab '} matches the char value 'ab'.</li>
     *   <li>{@code c LIKE pattern} of a char(n) matches the value padded to n (Trino's LikeFunctions.likeChar), so
     *       {@code CAST('ab' AS char(4)) LIKE 'ab'} is false and {@code LIKE 'ab%'} true.</li>
     *   <li>A string function typed char(n) (substr, trim, ltrim, rtrim, lower, upper of a char(n)) gives a value
     *       held without trailing spaces, as Trino's char versions of them do.</li>
     * </ul>
     */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() == SqlKind.LIKE && TrinoCharType.is(call.getOperands().get(0).getType())) {
            RexNode value = call.getOperands().get(0);
            RelDataTypeFactory types = rexBuilder.getTypeFactory();
            RelDataType varchar = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR,
                    value.getType().getPrecision()), value.getType().isNullable());
            List<RexNode> operands = new ArrayList<>(call.getOperands());
            operands.set(0, castToVarchar(rexBuilder, varchar, value));
            return call.clone(call.getType(), operands);
        }
        if (TrinoCharType.is(call.getType()) && call.getOperator() instanceof GlauxFunction
                && !call.getOperator().getName().startsWith("$")) {
            // substr, trim, ltrim, rtrim, lower, upper of a char(n) give a char(n), held without trailing spaces.
            return toChar(rexBuilder, call.getType(), call);
        }
        if (call.getKind() != SqlKind.CAST || !TrinoCharType.is(call.getType())) {
            return call;
        }
        RexNode operand = call.getOperands().get(0);
        if (TrinoCharType.is(operand.getType()) || !SqlTypeUtil.isCharacter(operand.getType())) {
            return call;
        }
        return toChar(rexBuilder, call.getType(), operand);
    }

    /** A string as a value of {@code target}, a char(n): cut to n, without trailing spaces. */
    public static RexNode toChar(RexBuilder rexBuilder, RelDataType target, RexNode value) {
        return rexBuilder.makeCall(target, TO_CHAR, List.of(value, rexBuilder.makeLiteral(target.getPrecision(),
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER))));
    }

    /**
     * {@code left || right} where either is a char, as Trino 368's concat(char(x), char(y)): char(x + y), the left
     * value padded to x followed by the right value (a varchar operand is first coerced to char of its length).
     */
    public static RexNode concat(RexBuilder rexBuilder, RelDataType type, RexNode left, RexNode right) {
        RelDataType integer = rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
        return rexBuilder.makeCall(type, CONCAT, List.of(left, rexBuilder.makeLiteral(charLength(left.getType()),
                integer), right, rexBuilder.makeLiteral(charLength(right.getType()), integer)));
    }

    /** The type of {@code left || right} when either is a char: char(x + y), or null if neither is a char. */
    static @Nullable RelDataType concatType(RelDataTypeFactory typeFactory, RelDataType left, RelDataType right) {
        if (!TrinoCharType.is(left) && !TrinoCharType.is(right) || JsonType.is(left) || JsonType.is(right)
                || !SqlTypeUtil.isCharacter(left) || !SqlTypeUtil.isCharacter(right)) {
            return null;
        }
        RelDataType type = TrinoCharType.of(typeFactory, Math.min(TrinoCharType.MAX_LENGTH,
                charLength(left) + charLength(right)));
        return typeFactory.createTypeWithNullability(type, left.isNullable() || right.isNullable());
    }

    /** The n of the char(n) a string type coerces to: varchar(n) to char(n), unbounded varchar to char(65536). */
    private static int charLength(RelDataType type) {
        int precision = type.getPrecision();
        return precision < 0 || precision > TrinoCharType.MAX_LENGTH ? TrinoCharType.MAX_LENGTH : precision;
    }

    /** The value of char(leftLength) {@code left} || char(rightLength) {@code right}, held as a char. */
    public static String concat(String left, int leftLength, String right, int rightLength) {
        String padded = TrinoCharType.pad(TrinoCharType.value(left, leftLength), leftLength);
        String joined = padded + TrinoCharType.value(right, rightLength);
        return TrinoCharType.value(joined, joined.codePointCount(0, joined.length()));
    }

    /** A string as a char({@code length}) value: cut to length, without trailing spaces. */
    public static String toChar(String value, int length) {
        return TrinoCharType.value(value, length);
    }

    /**
     * The cast of {@code value}, a char(n), to the character type {@code target}: Trino 368 pads the value to n (to
     * the varchar's length when that is shorter, after cutting it), where Glaux holds it without trailing spaces.
     */
    public static RexNode castToVarchar(RexBuilder rexBuilder, RelDataType target, RexNode value) {
        int length = value.getType().getPrecision();
        if (target.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED) {
            length = Math.min(length, target.getPrecision());
        }
        return rexBuilder.makeCall(target, TO_VARCHAR, List.of(value,
                rexBuilder.makeLiteral(length, rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER))));
    }

    /** A held char value as varchar({@code length}): cut to length, then padded with spaces to it. */
    public static String toVarchar(String value, int length) {
        return TrinoCharType.pad(TrinoCharType.value(value, length), length);
    }

    static void declare(FunctionRegistry.Builder r) {
        r.add(GlauxFunction.strict("$cast_char", false,
                Signature.of(CharFunctions.class, "castToChar", CHAR_OF_LENGTH, STRING, STRING)));
    }

    /** CAST(value AS char(length)): value cut to length characters, without trailing spaces. */
    public static String castToChar(String value, String length) {
        return TrinoCharType.value(value, Integer.parseInt(length));
    }

    /**
     * The rewrite of {@code CAST(value AS char(n))} into {@code $cast_char}, or null if {@code target} is not char.
     */
    static @Nullable SqlNode rewriteCast(GlauxFunction castChar, SqlNode value, SqlDataTypeSpec target,
            SqlParserPos pos) {
        SqlTypeNameSpec spec = target.getTypeNameSpec();
        if (!(spec instanceof SqlBasicTypeNameSpec basic) || SqlTypeName.get(basic.getTypeName().getSimple()
                .toUpperCase(java.util.Locale.ROOT)) != SqlTypeName.CHAR) {
            return null;
        }
        int length = basic.getPrecision() < 0 ? 1 : basic.getPrecision();
        if (length > TrinoCharType.MAX_LENGTH) {
            throw FunctionErrors.invalidArgument("CHAR length must be in range [1, " + TrinoCharType.MAX_LENGTH + "]");
        }
        return castChar.createCall(pos, value, SqlLiteral.createCharString(Integer.toString(length),
                SqlParserPos.ZERO));
    }
}
