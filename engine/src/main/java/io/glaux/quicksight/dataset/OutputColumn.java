package io.glaux.quicksight.dataset;

import java.util.Objects;

/**
 * One column of a dataset's rows as DescribeDataSet reports it in {@code OutputColumns}: its name, QuickSight
 * {@code ColumnDataType} (STRING, INTEGER, DECIMAL, DATETIME), sub type (FIXED or FLOAT, decimals only), column id
 * (null when none was given) and description (from a TagColumnOperation, or null).
 */
public record OutputColumn(String name, String id, String type, String subType, String description) {
    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
