package io.glaux.quicksight.dataset;

import io.glaux.quicksight.expression.QuickSightType;

/**
 * A column of a logical table between two steps: its name (also its SQL column name), column id (or null), QuickSight
 * type (never BOOLEAN), sub type (FIXED or FLOAT for decimals, else null) and description (or null).
 */
record Field(String name, String id, QuickSightType type, String subType, String description) {

    static final String FIXED = "FIXED";
    static final String FLOAT = "FLOAT";

    /** The SQL type this field's values have: the compiler casts every value it reads or computes to it. */
    String sqlType() {
        return sqlType(type, subType);
    }

    static String sqlType(QuickSightType type, String subType) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> FIXED.equals(subType) ? "DECIMAL(38,4)" : "DOUBLE";
            case DATETIME -> "TIMESTAMP(3)";
            case BOOLEAN -> throw new IllegalArgumentException("QuickSight dataset columns are never BOOLEAN");
        };
    }

    Field named(String newName) {
        return new Field(newName, id, type, subType, description);
    }

    Field described(String newDescription) {
        return new Field(name, id, type, subType, newDescription);
    }

    OutputColumn output() {
        return new OutputColumn(name, id, type.name(), type == QuickSightType.DECIMAL ? subType : null, description);
    }
}
