package io.glaux.quicksight.expression;

import java.util.Locale;

/** The data types of QuickSight fields and calculated fields, as the expression language sees them. */
public enum QuickSightType {
    STRING,
    INTEGER,
    DECIMAL,
    DATETIME,
    BOOLEAN;

    /**
     * The type for a QuickSight {@code InputColumnDataType} or {@code ColumnDataType} name: STRING, INTEGER, DECIMAL,
     * DATETIME, BIT (a 0/1 integer, so INTEGER) and JSON (text, so STRING); case-insensitive.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static QuickSightType fromDataType(String dataType) {
        if (dataType == null) {
            throw new IllegalArgumentException("No data type given");
        }
        return switch (dataType.trim().toUpperCase(Locale.ROOT)) {
            case "STRING", "JSON" -> STRING;
            case "INTEGER", "BIT" -> INTEGER;
            case "DECIMAL" -> DECIMAL;
            case "DATETIME" -> DATETIME;
            case "BOOLEAN" -> BOOLEAN;
            default -> throw new IllegalArgumentException("Unknown QuickSight data type '" + dataType + "'");
        };
    }

    boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** The name QuickSight shows in its messages: String, Integer, Decimal, Datetime, Boolean. */
    String display() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The SQL type a value of this type is written as when the SQL needs one (a typed NULL, a cast). */
    String sqlType() {
        return switch (this) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE";
            case DATETIME -> "TIMESTAMP(3)";
            case BOOLEAN -> "BOOLEAN";
        };
    }
}
