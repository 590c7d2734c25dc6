package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;

import java.util.function.Predicate;

/** Questions about a type and the types it nests: array elements, map keys and values, row fields. */
public final class NestedTypes {

    private NestedTypes() {
    }

    /** Whether {@code type}, or a type nested in it at any depth, is one {@code test} accepts. */
    public static boolean anyMatch(RelDataType type, Predicate<RelDataType> test) {
        if (test.test(type)) {
            return true;
        }
        if (type.isStruct()) {
            return type.getFieldList().stream().anyMatch(f -> anyMatch(f.getType(), test));
        }
        RelDataType component = type.getComponentType();
        RelDataType key = type.getKeyType();
        RelDataType value = type.getValueType();
        return component != null && anyMatch(component, test) || key != null && anyMatch(key, test)
                || value != null && anyMatch(value, test);
    }
}
