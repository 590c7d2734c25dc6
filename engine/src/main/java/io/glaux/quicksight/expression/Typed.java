package io.glaux.quicksight.expression;

/**
 * What the checker learned of one node: its type ({@code null} for a NULL literal whose type nothing decides),
 * whether it aggregates, and whether it reads a field outside any aggregate.
 */
record Typed(QuickSightType type, boolean aggregate, boolean bareField) {
}
