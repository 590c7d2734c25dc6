package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Map;

/**
 * Trino's map subscript {@code m[k]}: a key the map does not hold fails with INVALID_FUNCTION_ARGUMENT
 * ("Key not present in map: k"), where Calcite's ITEM answers NULL; {@code element_at} keeps answering NULL. The
 * planner replaces ITEM on maps by a call of {@link #subscript}, the key cast to the map's key type first so that
 * an integer key finds a bigint entry.
 */
public final class MapSubscript {
    private static final SqlOperator SUBSCRIPT = new PlannedOperator("map_subscript",
            b -> b.getTypeFactory().createTypeWithNullability(b.getOperandType(0).getValueType(), true),
            MapSubscript.class, "subscript", call -> new Class<?>[] {Map.class, Object.class});

    private MapSubscript() {
    }

    /** The checked form of {@code call}, or {@code call} itself if it is no subscript of a map. */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if (call.getKind() != SqlKind.ITEM || call.getOperands().size() != 2
                || call.getOperands().get(0).getType().getSqlTypeName() != SqlTypeName.MAP) {
            return call;
        }
        RexNode map = call.getOperands().get(0);
        RexNode key = call.getOperands().get(1);
        RelDataType keyType = rexBuilder.getTypeFactory().createTypeWithNullability(map.getType().getKeyType(),
                key.getType().isNullable());
        RexNode typedKey = key.getType().equals(keyType) ? key : rexBuilder.makeCast(keyType, key);
        return rexBuilder.makeCall(call.getParserPosition(), call.getType(), SUBSCRIPT, List.of(map, typedKey));
    }

    /** The value of {@code key}, which {@code map} must hold (its value may be NULL). */
    public static Object subscript(Map<?, ?> map, Object key) {
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            throw FunctionErrors.invalidArgument("Key not present in map: " + key);
        }
        return value;
    }
}
