package io.glaux.connector;

import java.util.Objects;

/** One key of a top-N's order. */
public record SortItem(String column, boolean ascending, boolean nullsFirst) {

    public SortItem {
        Objects.requireNonNull(column, "column");
    }
}
