package io.glaux.spice;

import io.glaux.sql.QueryContext;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a SPICE dataset imports: a SELECT (or a table's rows) run in a catalog/database context, and optionally the
 * {@link LookbackWindow} that an {@link IngestionType#INCREMENTAL_REFRESH} re-reads (null when the dataset has none,
 * as a QuickSight dataset without incremental refresh properties).
 */
public record SpiceDefinition(String name, String sql, QueryContext context, LookbackWindow lookbackWindow) {

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

    /** A dataset without a lookback window (full refreshes only). */
    public SpiceDefinition(String name, String sql, QueryContext context) {
        this(name, sql, context, null);
    }

    /** The same definition with the given lookback window (null for none). */
    public SpiceDefinition withLookbackWindow(LookbackWindow window) {
        return new SpiceDefinition(name, sql, context, window);
    }
}
