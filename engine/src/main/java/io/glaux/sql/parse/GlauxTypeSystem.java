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
 * blank-padded CHAR), and timestamps have millisecond precision.
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
        if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            return 3;
        }
        return super.getDefaultPrecision(typeName);
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
}
