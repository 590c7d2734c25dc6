package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Calcite's implicit coercion, with Trino 368's rule for char(n) ({@link TrinoCharType#leastRestrictive}): in UNION,
 * CASE, COALESCE and comparisons a varchar coerces to char, so char(x) with char(y) or varchar(y) is char(max(x, y)).
 * A string cast to char(n) is always cast (Calcite skips casts between strings of one length), so that the
 * planner holds it as char ({@link CharFunctions#rewrite}).
 */
public final class CharCoercion extends TypeCoercionImpl {

    public CharCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public @Nullable RelDataType getTightestCommonType(@Nullable RelDataType type1, @Nullable RelDataType type2) {
        RelDataType chars = commonChar(type1, type2);
        return chars != null ? chars : super.getTightestCommonType(type1, type2);
    }

    @Override
    public @Nullable RelDataType commonTypeForBinaryComparison(@Nullable RelDataType type1,
            @Nullable RelDataType type2) {
        RelDataType chars = commonChar(type1, type2);
        return chars != null ? chars : super.commonTypeForBinaryComparison(type1, type2);
    }

    @Override
    protected boolean needToCast(SqlValidatorScope scope, SqlNode node, RelDataType toType,
            SqlTypeMappingRule mappingRule) {
        if (TrinoCharType.is(toType)) {
            RelDataType fromType = validator.deriveType(scope, node);
            if (!TrinoCharType.is(fromType) && SqlTypeUtil.isCharacter(fromType)) {
                return true;
            }
        }
        return super.needToCast(scope, node, toType, mappingRule);
    }

    private @Nullable RelDataType commonChar(@Nullable RelDataType type1, @Nullable RelDataType type2) {
        if (type1 == null || type2 == null || !TrinoCharType.is(type1) && !TrinoCharType.is(type2)) {
            return null;
        }
        return TrinoCharType.leastRestrictive(factory.getTypeSystem(), List.of(type1, type2));
    }
}
