package io.glaux.quicksight.expression;

import java.util.Objects;

/**
 * A field an expression may name: the SQL it stands for (a quoted identifier such as {@code "order date"} or any SQL
 * expression) and its QuickSight type. The name analysts use is the key of the map given to the translator.
 */
public record Column(String sql, QuickSightType type) {
    public Column {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(type, "type");
    }

    /** A column read from a table column, quoted as an SQL identifier. */
    public static Column identifier(String name, QuickSightType type) {
        return new Column('"' + name.replace("\"", "\"\"") + '"', type);
    }
}
