package io.glaux.sql.function;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

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

    private CharFunctions() {
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
