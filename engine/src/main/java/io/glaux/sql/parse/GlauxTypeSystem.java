package io.glaux.sql.parse;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

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
}
