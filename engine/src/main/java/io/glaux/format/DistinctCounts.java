package io.glaux.format;

import java.util.Map;

/**
 * The distinct values of an object's columns as its own encoding records them, without reading its values: for
 * Parquet, the sizes of its first row group's dictionaries, for the columns whose pages there all hold dictionary
 * codes. The planner tells from them a column of few values (a part type among 150) from one of many.
 *
 * @param rows the rows the counts are of (the first row group's)
 * @param whole whether those rows are all of the object's
 * @param distinct per column (by lower-case name), its distinct non-NULL values among the rows
 * @param nonNull per column in {@code distinct}, its non-NULL values among the rows
 */
public record DistinctCounts(long rows, boolean whole, Map<String, Long> distinct, Map<String, Long> nonNull) {

    public DistinctCounts {
        distinct = Map.copyOf(distinct);
        nonNull = Map.copyOf(nonNull);
    }
}
