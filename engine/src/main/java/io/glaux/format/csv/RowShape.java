package io.glaux.format.csv;

/** Checks that a row handed to a writer has one value per column. */
final class RowShape {

    private RowShape() {
    }

    static void check(Object[] row, int columns) {
        if (row.length != columns) {
            throw new IllegalArgumentException("Row has " + row.length + " values for " + columns + " columns");
        }
    }
}
