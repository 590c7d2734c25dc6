package io.glaux.format;

import java.util.List;

/**
 * A simple condition on one column (by index in the table's data columns) that a reader may use to skip data, e.g.
 * Parquet row groups by min/max statistics. Readers may still return rows that fail it: the engine re-applies every
 * filter. Values follow {@link Values}.
 */
public record ColumnPredicate(int column, Op op, List<Object> values) {

    public enum Op { EQ, NE, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL, IN }

    public ColumnPredicate {
        values = values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public Object value() {
        return values.get(0);
    }
}
