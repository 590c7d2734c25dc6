package io.glaux.spice;

import io.glaux.sql.QueryContext;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a SPICE dataset imports: a SELECT (or a table's rows) run in a catalog/database context. */
public record SpiceDefinition(String name, String sql, QueryContext context) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,128}");

    public SpiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(context, "context");
        name = name.toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A SPICE dataset name is 1-128 letters, digits or underscores: "
                    + name);
        }
    }
}
