package io.glaux.catalog;

import java.util.Locale;
import java.util.Map;

/** A Glue database (Athena schema). */
public record Database(String name, String description, String locationUri, Map<String, String> parameters) {

    public Database {
        name = name.toLowerCase(Locale.ROOT);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static Database named(String name) {
        return new Database(name, null, null, Map.of());
    }
}
