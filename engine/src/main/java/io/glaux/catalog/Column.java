package io.glaux.catalog;

import java.util.Locale;
import java.util.Objects;

/** A table column; names are stored lower case, as Glue does. */
public record Column(String name, AthenaType type, String comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        name = name.toLowerCase(Locale.ROOT);
    }

    public Column(String name, AthenaType type) {
        this(name, type, null);
    }
}
