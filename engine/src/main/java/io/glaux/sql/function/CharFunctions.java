package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

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

    private CharFunctions() {
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
