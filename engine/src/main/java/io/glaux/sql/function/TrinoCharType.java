package io.glaux.sql.function;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * Trino's fixed-length {@code char(n)}, told apart from Calcite's CHAR(n) (the type of every string literal, which
 * Trino types varchar(n)). As Trino does, a value is held without its trailing spaces (a VARCHAR to the validator and
 * to code generation, values are {@link String}s), so comparison, grouping, DISTINCT, ORDER BY and joins follow
 * Trino's pad semantics for free; results show it padded with spaces to n ({@link #pad}). Its digest is
 * {@code CHAR_TRINO(n)}, so it equals only itself.
 */
public final class TrinoCharType extends VarcharHeldType {
    /** Trino's limit on n. */
    public static final int MAX_LENGTH = 65_536;

    private TrinoCharType(RelDataTypeSystem typeSystem, int length, boolean nullable) {
        super(typeSystem, nullable, length);
        computeDigest();
    }

    /** The (nullable) char(length) type. */
    public static RelDataType of(RelDataTypeFactory typeFactory, int length) {
        return new TrinoCharType(typeFactory.getTypeSystem(), length, true);
    }

    /** Whether a type is Trino's char(n). */
    public static boolean is(RelDataType type) {
        return type instanceof TrinoCharType;
    }

    /**
     * The common type of char values (CASE, COALESCE, UNION, comparisons), as Trino 368's TypeCoercion makes it:
     * char(x) and char(y) give char(max(x, y)); a varchar coerces to char (varchar(n) to char(n), unbounded varchar
     * to char(65536)), so char(x) and varchar(y) give char(max(x, y)). Null if no type is char(n), or some type is
     * neither a string nor NULL.
     */
    static RelDataType leastRestrictive(RelDataTypeSystem typeSystem, List<RelDataType> types) {
        int length = 0;
        boolean chars = false;
        for (RelDataType t : types) {
            if (is(t)) {
                chars = true;
                length = Math.max(length, t.getPrecision());
            } else if (SqlTypeUtil.isCharacter(t) && !JsonType.is(t)) {
                int precision = t.getPrecision();
                length = Math.max(length, precision < 0 || precision > MAX_LENGTH ? MAX_LENGTH : precision);
            } else if (t.getSqlTypeName() != SqlTypeName.NULL) {
                return null;
            }
        }
        return chars ? new TrinoCharType(typeSystem, length,
                types.stream().anyMatch(RelDataType::isNullable)) : null;
    }

    /** n for Trino's char(n), -1 for any other type. */
    static long fixedLength(RelDataType type) {
        return is(type) ? type.getPrecision() : -1L;
    }

    /** A value as Trino holds a char(length): cut to length characters, without trailing spaces. */
    public static String value(String text, int length) {
        return new AthenaType.Char(length).hold(text);
    }

    /** A held char(length) value as Trino shows it: padded with spaces to length characters. */
    public static String pad(String value, int length) {
        int missing = length - value.codePointCount(0, value.length());
        return missing <= 0 ? value : value + " ".repeat(missing);
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable() ? this : new TrinoCharType(typeSystem, getPrecision(), nullable);
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append("CHAR_TRINO(").append(getPrecision()).append(')');
    }
}
