package io.glaux.connector;

import java.util.List;
import java.util.Objects;

/** The values one column may take: a set of non-null values and whether NULL is allowed too. */
public record Domain(ValueSet values, boolean nullAllowed) {

    public Domain {
        Objects.requireNonNull(values, "values");
    }

    public static Domain all() {
        return new Domain(ValueSet.all(), true);
    }

    public static Domain onlyNull() {
        return new Domain(ValueSet.none(), true);
    }

    public static Domain notNull() {
        return new Domain(ValueSet.all(), false);
    }

    public static Domain singleValue(Object value) {
        return new Domain(ValueSet.ofValues(List.of(value)), false);
    }

    public boolean isNone() {
        return !nullAllowed && values.isNone();
    }

    public boolean isAll() {
        return nullAllowed && values.isAll();
    }

    public boolean contains(Object value) {
        return value == null ? nullAllowed : values.contains(value);
    }

    /** The values both domains allow. */
    public Domain intersect(Domain other) {
        return new Domain(values.intersect(other.values), nullAllowed && other.nullAllowed);
    }

    /** The values either domain allows. */
    public Domain union(Domain other) {
        return new Domain(values.union(other.values), nullAllowed || other.nullAllowed);
    }
}
