package io.glaux.sql;

import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.ZonedTimestamp;
import io.glaux.sql.function.JsonType;
import io.glaux.sql.function.TrinoCharType;
import io.glaux.results.ColumnInfo;
import io.glaux.sql.function.FineTimestamps;
import io.glaux.sql.function.NestedTypes;
import io.glaux.results.ValueType;
import io.glaux.sql.schema.TypeMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.vector.plan.VectorFallback;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A planned and compiled query, ready to run. Each run streams rows (values in
 * {@link io.glaux.format.Values} form) and must be closed.
 */
public final class PreparedQuery {

    private final List<ColumnInfo> columns;
    private final OutputColumnNames names;
    private final RelDataType rowType;
    private final Bindable<?> bindable;
    private final Map<String, Object> stash;
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final String physicalPlan;
    private final List<TableSource> tables;
    private final Set<Object> tablesReadMoreThanOnce;
    private final Set<String> catalogs;
    private final EnumerableRel physical;
    private final Function<AtomicBoolean, PreparedQuery> rowFallback;

    /**
     * @param rowFallback plans the same query without reading live tables for the vectorized operators, for when the
     *     data read cannot run on them ({@link VectorFallback}); null when this plan does not read them so
     * @param tablesReadMoreThanOnce the store tables the plan scans more than once, whose scans may share a read
     *     ({@link ScanContext#sharesReadsOf})
     */
    PreparedQuery(List<ColumnInfo> columns, OutputColumnNames names, RelDataType rowType, Bindable<?> bindable,
                  Map<String, Object> stash, SchemaPlus rootSchema, JavaTypeFactory typeFactory, String physicalPlan,
                  List<TableSource> tables, Set<Object> tablesReadMoreThanOnce, Set<String> viewCatalogs,
                  EnumerableRel physical, Function<AtomicBoolean, PreparedQuery> rowFallback) {
        this.physical = physical;
        this.rowFallback = rowFallback;
        this.physicalPlan = physicalPlan;
        this.tables = List.copyOf(tables);
        this.tablesReadMoreThanOnce = tablesReadMoreThanOnce;
        Set<String> made = new TreeSet<>(viewCatalogs);
        tables.forEach(table -> made.add(table.catalog()));
        this.catalogs = Collections.unmodifiableSet(made);
        this.stash = Map.copyOf(stash);
        this.columns = List.copyOf(columns);
        this.names = names;
        this.rowType = rowType;
        this.bindable = bindable;
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
    }

    /** What binds the plan to a run: generated code, or for a plan of one vectorized query that query itself. */
    Bindable<?> bindable() {
        return bindable;
    }

    /**
     * Whether the query reads a federated table, whose source may change its tables without telling Glaux (such
     * plans are not cached).
     */
    public boolean readsFederatedSources() {
        return tables.stream().anyMatch(TableSource::federated);
    }

    /** The tables the query reads, views expanded to the tables under them: what its caller must be allowed to read. */
    public List<TableSource> tables() {
        return tables;
    }

    /**
     * The catalogs the plan was made from, lower case: those of the tables it reads and of the views it expanded. A
     * change to another catalog leaves the plan as it is.
     */
    public Set<String> catalogs() {
        return catalogs;
    }

    /**
     * When the query only reads columns of one store table, whole: that scan, whose batches are the query's rows
     * (as {@link #runHeld} gives them: a table column holds timestamps in milliseconds and char(n) unpadded).
     */
    public java.util.Optional<ColumnScan> columnScan() {
        return ColumnScan.of(physical, tableColumns());
    }

    /** The chosen physical operators, one per line, indented by depth (Calcite's plan text). */
    public String physicalPlan() {
        return physicalPlan;
    }

    /**
     * The plan as Trino's text EXPLAIN prints it ({@link PlanText}): the optimized operators with their layouts and
     * Calcite's row-count estimates.
     */
    public List<String> explain() {
        return PlanText.of(physical, names.names(), Map.of());
    }

    /**
     * EXPLAIN ANALYZE: runs the query and reports, besides the estimates, the rows each operator produced. Each
     * operator's count is taken by running the plan below it on its own (operators under a correlation, which cannot
     * run alone, have none), so a table read by several operators' subtrees is read again for each. An operator
     * whose subtree the vectorized operators cannot run alone on the data read (a live table's row scan computing a
     * product of decimals, which only the aggregate above it bounds) has none either; when the whole query cannot run
     * on them, it runs on its row plan, as it would without EXPLAIN ANALYZE, and that plan is reported.
     */
    public List<String> explainAnalyze(ScanContext scanContext, AtomicBoolean cancelFlag) {
        Map<RelNode, Long> counts = new IdentityHashMap<>();
        try {
            count(physical, scanContext, cancelFlag, counts);
        } catch (RuntimeException e) {
            if (rowFallback == null || FallbackRows.fallbackReason(e) == null) {
                throw e;
            }
            return rowFallback.apply(cancelFlag).explainAnalyze(scanContext, cancelFlag);
        }
        return PlanText.of(physical, names.names(), counts);
    }

    private void count(RelNode rel, ScanContext scanContext, AtomicBoolean cancelFlag, Map<RelNode, Long> counts) {
        for (RelNode input : PlanText.inputs(rel)) {
            count(input, scanContext, cancelFlag, counts);
        }
        if (!(rel instanceof EnumerableRel enumerable) || !RelOptUtil.getVariablesUsed(rel).isEmpty()) {
            return;
        }
        Map<String, Object> subtreeStash = new HashMap<>();
        Bindable<?> subtree = EnumerableInterpretable.toBindable(subtreeStash, null,
                CancellationCheck.insert(enumerable), EnumerableRel.Prefer.ARRAY);
        QueryDataContext dataContext = new QueryDataContext(rootSchema, typeFactory, scanContext, cancelFlag,
                subtreeStash);
        long rows = 0;
        try (Enumerator<?> e = subtree.bind(dataContext).enumerator()) {
            while (e.moveNext()) {
                rows++;
            }
        } catch (RuntimeException e) {
            if (rel != physical && FallbackRows.fallbackReason(e) != null) {
                return; // not run alone as planned: no count rather than one of another plan
            }
            throw e;
        }
        counts.put(rel, rows);
    }

    public List<ColumnInfo> columns() {
        return columns;
    }

    /** The shape of each output column's values, for printing nested values. */
    public List<ValueType> valueTypes() {
        return ResultTypes.valueTypes(rowType);
    }

    /**
     * The output columns as Athena table columns (for CTAS, views, SPICE and INSERT type checks), with Trino's names
     * ({@code _col0} for an unnamed expression).
     */
    /**
     * The output columns as the columns of files a CTAS or UNLOAD writes: {@link #tableColumns()}, except that a json
     * column fails as Trino's Hive connector refuses it (NOT_SUPPORTED).
     */
    public List<Column> writtenColumns() {
        for (RelDataTypeField field : rowType.getFieldList()) {
            if (JsonType.within(field.getType())) {
                throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                        "Unsupported Hive type: json");
            }
        }
        return tableColumns();
    }

    public List<Column> tableColumns() {
        List<Column> result = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            result.add(new Column(names.names().get(field.getIndex()), TypeMapping.toAthenaType(field.getType())));
        }
        return result;
    }

    /**
     * Whether the output column at {@code index} (0-based) has a name of the query's own (an alias or a column's
     * name) rather than the {@code _col<i>} Trino makes up for an expression without one.
     */
    public boolean named(int index) {
        return names.named().get(index);
    }

    /** Starts the query; rows are produced as the caller pulls them, char(n) values shown padded to n. */
    public Enumerator<Object[]> run(ScanContext scanContext, AtomicBoolean cancelFlag) {
        Enumerator<Object[]> rows = runHeld(scanContext, cancelFlag);
        // char(n) columns and their lengths, found once: each row only pads.
        List<RelDataTypeField> charFields = rowType.getFieldList().stream()
                .filter(field -> TrinoCharType.is(field.getType())).toList();
        if (charFields.isEmpty()) {
            return rows;
        }
        int[] indexes = charFields.stream().mapToInt(RelDataTypeField::getIndex).toArray();
        int[] lengths = charFields.stream().mapToInt(field -> field.getType().getPrecision()).toArray();
        return Linq4j.transform(rows, row -> padChars(row, indexes, lengths));
    }

    /**
     * Starts the query with char(n) values as Trino holds them, without trailing spaces (padding is added only when
     * they are shown), and timestamps in milliseconds: how tables and SPICE datasets store them.
     */
    public Enumerator<Object[]> runHeld(ScanContext scanContext, AtomicBoolean cancelFlag) {
        Enumerator<Object[]> rows = rowFallback == null ? start(scanContext, cancelFlag)
                : new FallbackRows(() -> start(scanContext, cancelFlag),
                        () -> rowFallback.apply(cancelFlag).start(scanContext, cancelFlag));
        // Timestamps of more than three fractional digits leave the query as milliseconds, as Athena's results and
        // tables hold them.
        List<UnaryOperator<Object>> toMillis = rowType.getFieldList().stream()
                .map(field -> FineTimestamps.heldAsMillis(field.getType())).toList();
        if (toMillis.stream().allMatch(java.util.Objects::isNull)) {
            return rows;
        }
        return Linq4j.transform(rows, row -> {
            Object[] copy = row.clone();
            for (int i = 0; i < copy.length && i < toMillis.size(); i++) {
                copy[i] = toMillis.get(i) == null ? copy[i] : toMillis.get(i).apply(copy[i]);
            }
            return copy;
        });
    }

    /** One run of the plan: what its operators share ({@link ScanContext#shared}) is freed when its rows close. */
    private Enumerator<Object[]> start(ScanContext scanContext, AtomicBoolean cancelFlag) {
        QueryDataContext dataContext = new QueryDataContext(rootSchema, typeFactory, scanContext, cancelFlag,
                stash);
        scanContext.beginRun(tablesReadMoreThanOnce);
        try {
            return new RowEnumerator(bindable.bind(dataContext).enumerator(), columns.size(), scanContext::endRun);
        } catch (RuntimeException | Error e) {
            scanContext.endRun();
            throw e;
        }
    }

    /**
     * The rows of a plan that reads live tables for the vectorized operators, or, when the data read cannot run on
     * them before the first row, of the plan without (the vectorized operators run when the rows are first asked for,
     * so a fallback starts from nothing given). After a row, a fallback could repeat rows: the query fails instead.
     */
    private static final class FallbackRows implements Enumerator<Object[]> {
        private final Supplier<Enumerator<Object[]>> first;
        private final Supplier<Enumerator<Object[]>> fallback;
        private Enumerator<Object[]> rows;
        private boolean started;
        private boolean closed;

        FallbackRows(Supplier<Enumerator<Object[]>> first, Supplier<Enumerator<Object[]>> fallback) {
            this.first = first;
            this.fallback = fallback;
        }

        @Override
        public Object[] current() {
            return rows.current();
        }

        @Override
        public boolean moveNext() {
            if (closed) {
                return false;
            }
            try {
                if (rows == null) {
                    rows = first.get();
                }
                boolean moved = rows.moveNext();
                started |= moved;
                return moved;
            } catch (RuntimeException e) {
                VectorFallback reason = fallbackReason(e);
                if (reason == null) {
                    throw e;
                }
                if (started) {
                    if (reason.getCause() instanceof GlauxException failure) {
                        throw failure; // what stopped the vectorized plan, as the query's error
                    }
                    throw new IllegalStateException(reason.getMessage() + " (after the query had given rows)", e);
                }
                if (rows != null) {
                    rows.close();
                }
                started = true;
                rows = fallback.get();
                return rows.moveNext();
            }
        }

        /** Generated code may wrap what the operators throw. */
        private static VectorFallback fallbackReason(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof VectorFallback fallback) {
                    return fallback;
                }
            }
            return null;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("reset");
        }

        @Override
        public void close() {
            closed = true;
            if (rows != null) {
                rows.close();
            }
        }
    }

    /** Trino holds a char(n) value without its trailing spaces and shows it padded to n. */
    private static Object[] padChars(Object[] row, int[] indexes, int[] lengths) {
        Object[] copy = row.clone();
        for (int k = 0; k < indexes.length; k++) {
            Object value = copy[indexes[k]];
            copy[indexes[k]] = value == null ? null : TrinoCharType.pad((String) value, lengths[k]);
        }
        return copy;
    }

    /**
     * Starts the query for writing its rows to a table or files (CTAS, INSERT, UNLOAD): a {@code timestamp with time
     * zone} column is written as its instant, a timestamp, as Athena writes it; a char(n) value without its trailing
     * spaces. A zone nested in an array, map or row is Trino's NOT_SUPPORTED.
     */
    public Enumerator<Object[]> runAsTableRows(ScanContext scanContext, AtomicBoolean cancelFlag) {
        List<Integer> zoned = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            if (field.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ) {
                zoned.add(field.getIndex());
            } else if (nestsZone(field.getType())) {
                throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                        "Unsupported type: timestamp with time zone inside " + field.getType().getSqlTypeName()
                                .getName().toLowerCase(java.util.Locale.ROOT) + " column " + field.getName());
            }
        }
        Enumerator<Object[]> rows = runHeld(scanContext, cancelFlag);
        return zoned.isEmpty() ? rows : Linq4j.transform(rows, row -> {
            Object[] copy = row.clone();
            for (int i : zoned) {
                copy[i] = copy[i] == null ? null : ZonedTimestamp.millis(((Number) copy[i]).longValue());
            }
            return copy;
        });
    }

    private static boolean nestsZone(RelDataType type) {
        return NestedTypes.anyMatch(type, t -> t.getSqlTypeName() == SqlTypeName.TIMESTAMP_TZ);
    }

    /**
     * Calcite yields a bare value instead of a one-element array for single-column rows, and a list for the rows of
     * some operators (UNNEST of a map or WITH ORDINALITY); undo that.
     */
    private static final class RowEnumerator implements Enumerator<Object[]> {
        private final Enumerator<?> raw;
        private final boolean scalar;
        private final Runnable ended;
        private boolean closed;

        RowEnumerator(Enumerator<?> raw, int columnCount, Runnable ended) {
            this.raw = raw;
            this.scalar = columnCount == 1;
            this.ended = ended;
        }

        @Override
        public Object[] current() {
            Object row = raw.current();
            if (scalar) {
                return row instanceof Object[] array && array.length == 1 ? array : new Object[] {row};
            }
            return row instanceof List<?> list ? list.toArray() : (Object[]) row;
        }

        @Override
        public boolean moveNext() {
            return raw.moveNext();
        }

        @Override
        public void reset() {
            raw.reset();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                raw.close();
            } finally {
                ended.run();
            }
        }
    }
}
