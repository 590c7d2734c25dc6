package io.glaux.spice;

import io.glaux.sql.QueryContext;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a SPICE dataset imports: a SELECT (or a table's rows) run in a catalog/database context, optionally the
 * {@link LookbackWindow} that an {@link IngestionType#INCREMENTAL_REFRESH} re-reads (null when the dataset has none,
 * as a QuickSight dataset without incremental refresh properties), the Athena workgroup its ingestions run their
 * query in, and the columns it declares.
 *
 * <p>With a {@code workgroup}, an ingestion runs the SQL as an Athena query execution in that workgroup (it appears
 * in ListQueryExecutions and writes its result object) and imports the result object read back from the store, as
 * QuickSight does; without one (null), it runs the SQL through the engine's planner in-process. With
 * {@code outputColumns} (empty: the query's columns as they are) the dataset holds just those columns, cast to their
 * QuickSight types; a row with a value that fails its cast is dropped.
 */
public record SpiceDefinition(String name, String sql, QueryContext context, LookbackWindow lookbackWindow,
                              String workgroup, List<OutputColumn> outputColumns) {

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
        if (workgroup != null && workgroup.isBlank()) {
            throw new IllegalArgumentException("A workgroup name must not be blank");
        }
        outputColumns = outputColumns == null ? List.of() : List.copyOf(outputColumns);
        Set<String> names = new HashSet<>();
        for (OutputColumn column : outputColumns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Output column " + column.name() + " is declared twice");
            }
        }
    }

    /** A dataset read by the planner, with the query's columns. */
    public SpiceDefinition(String name, String sql, QueryContext context, LookbackWindow lookbackWindow) {
        this(name, sql, context, lookbackWindow, null, List.of());
    }

    /** A dataset without a lookback window (full refreshes only). */
    public SpiceDefinition(String name, String sql, QueryContext context) {
        this(name, sql, context, null);
    }

    /** The same definition with the given lookback window (null for none). */
    public SpiceDefinition withLookbackWindow(LookbackWindow window) {
        return new SpiceDefinition(name, sql, context, window, workgroup, outputColumns);
    }

    /** The same definition read through Athena query executions in {@code workgroupName} (null: the planner). */
    public SpiceDefinition withWorkgroup(String workgroupName) {
        return new SpiceDefinition(name, sql, context, lookbackWindow, workgroupName, outputColumns);
    }

    /** The same definition declaring these columns (empty: the query's columns). */
    public SpiceDefinition withOutputColumns(List<OutputColumn> columns) {
        return new SpiceDefinition(name, sql, context, lookbackWindow, workgroup, columns);
    }
}
