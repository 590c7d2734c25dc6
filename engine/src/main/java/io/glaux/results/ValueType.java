package io.glaux.results;

import java.util.List;

/**
 * The shape of a result column's values, deep enough to print nested values as Athena does: dates inside arrays as
 * dates, struct fields with their names.
 */
public sealed interface ValueType {

    /** A non-nested type by its Athena name ({@code date}, {@code decimal}, ...); scale matters for decimals. */
    record Scalar(String typeName, int scale) implements ValueType {
    }

    record ArrayOf(ValueType element) implements ValueType {
    }

    record MapOf(ValueType key, ValueType value) implements ValueType {
    }

    record RowOf(List<String> fieldNames, List<ValueType> fieldTypes) implements ValueType {
        public RowOf {
            fieldNames = List.copyOf(fieldNames);
            fieldTypes = List.copyOf(fieldTypes);
        }
    }

    /** The shape of a flat column. */
    static ValueType of(ColumnInfo column) {
        return new Scalar(column.type(), column.scale());
    }
}
