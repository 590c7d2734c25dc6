package io.glaux.results;

/**
 * Athena's ColumnInfo for one result column: type names as Athena reports them ({@code varchar}, {@code integer},
 * {@code decimal}, {@code array}, ...), precision and scale, nullability.
 */
public record ColumnInfo(String catalogName, String schemaName, String tableName, String name, String label,
                         String type, int precision, int scale, String nullable, boolean caseSensitive) {

    public static ColumnInfo of(String name, String type, int precision, int scale) {
        return new ColumnInfo("hive", "", "", name, name, type, precision, scale, "UNKNOWN",
                type.equals("varchar") || type.equals("char"));
    }
}
