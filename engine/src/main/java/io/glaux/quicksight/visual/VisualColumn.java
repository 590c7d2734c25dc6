package io.glaux.quicksight.visual;

/** One column of a visual's data: its name (the field's FieldId) and QuickSight type (STRING, INTEGER, DECIMAL, DATETIME). */
public record VisualColumn(String name, String type) {
}
