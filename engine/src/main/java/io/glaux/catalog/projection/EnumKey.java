package io.glaux.catalog.projection;

import java.util.List;

/** {@code enum}: the comma-separated {@code projection.<key>.values}, white space kept as part of each value. */
public record EnumKey(String name, List<String> values) implements ProjectedKey {
    public EnumKey {
        values = List.copyOf(values);
    }

    @Override
    public long count() {
        return values.size();
    }
}
