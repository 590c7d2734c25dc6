package io.glaux.quicksight.expression;

/**
 * A translated expression: the SQL expression text, the QuickSight type of its result and whether it aggregates (so
 * belongs in a grouped SELECT list rather than a per-row one).
 */
public record Translation(String sql, QuickSightType type, boolean aggregate) {
}
