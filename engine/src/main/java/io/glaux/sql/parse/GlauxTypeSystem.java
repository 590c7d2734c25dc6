package io.glaux.sql.parse;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.RoundingMode;

/**
 * Trino's typing where Calcite's defaults differ: CASE/IF/UNION of strings of different lengths are VARCHAR (not
 * blank-padded CHAR), timestamps and times default to millisecond precision and take up to nine digits.
 */
public final class GlauxTypeSystem extends RelDataTypeSystemImpl {

    public static final RelDataTypeSystem INSTANCE = new GlauxTypeSystem();

    private GlauxTypeSystem() {
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        // Trino's timestamp and time without a precision are timestamp(3) and time(3).
        if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                || typeName == SqlTypeName.TIMESTAMP_TZ || typeName == SqlTypeName.TIME
                || typeName == SqlTypeName.TIME_TZ) {
            return 3;
        }
        return super.getDefaultPrecision(typeName);
    }

    /**
     * Athena decimals go to 38 digits (Calcite's default is 19); Trino's timestamps and times take a precision of up
     * to 9 fractional digits (Calcite's default is 3).
     */
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> 38;
            case TIMESTAMP, TIMESTAMP_TZ, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_TZ -> 9;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
    }

    /** Trino rounds half up when a cast or an operation reduces a decimal's scale; Calcite truncates by default. */
    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    /**
     * Trino's type for decimal division: scale max(s1, s2), precision p1 + s2 + max(0, s2 - s1), capped at 38
     * (Calcite's default follows SQL Server and keeps at least 6 fractional digits).
     */
    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1,
                                               RelDataType type2) {
        if (!SqlTypeUtil.isExactNumeric(type1) || !SqlTypeUtil.isExactNumeric(type2)
                || !(SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2))) {
            return null;
        }
        RelDataType left = SqlTypeUtil.isDecimal(type1) ? type1 : typeFactory.decimalOf(type1);
        RelDataType right = SqlTypeUtil.isDecimal(type2) ? type2 : typeFactory.decimalOf(type2);
        int scale = Math.max(left.getScale(), right.getScale());
        int precision = Math.min(38, left.getPrecision() + right.getScale()
                + Math.max(0, right.getScale() - left.getScale()));
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, Math.max(precision, scale), scale);
    }

    /** Trino: sum of any integer type is bigint, of decimal(p,s) is decimal(38,s); real and double keep their type. */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale());
            default -> super.deriveSumType(typeFactory, argumentType);
        };
        return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    /**
     * Trino: avg of an integer type is double; real and double keep their type; a decimal average keeps the
     * argument's precision and scale (rounded half up). Calcite reduces avg to a sum, typed by
     * {@link #deriveSumType}, divided by the count.
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
                    argumentType.isNullable());
        }
        return super.deriveAvgAggType(typeFactory, argumentType);
    }
}
