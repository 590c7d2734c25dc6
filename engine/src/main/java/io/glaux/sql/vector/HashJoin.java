package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An equi-join of two columnar inputs on integer-like keys: the build side's rows passing its filter go into a
 * {@link JoinTable} (filtered on all of the scan's workers, added on the calling thread), then the probe side's batches are filtered, probed and gathered on all
 * of the scan's workers, each probe batch becoming one batch of the result, in the probe side's order. The result
 * holds the probe side's output columns, then (for inner, left and right joins) the build side's; it is columnar data
 * the other vectorized operators read as they read a table. A right join (a left join whose preserved side is the
 * smaller, built) marks the build rows the probe rows match, then adds one last batch of the build rows none matched,
 * their probe columns NULL.
 *
 * <p>NULL keys match nothing: an inner or semi join drops such probe rows, a left or anti join keeps them, and a right
 * join keeps such build rows. One key is the table's key itself; several are packed into one exactly where their
 * ranges allow, else hashed into one, and then each candidate row is checked against every key ({@link JoinKeys}).
 * {@link Comparison}s beside the keys (TPC-H Q21's {@code l2.l_suppkey <> l1.l_suppkey} in an {@code EXISTS}) are
 * checked on each candidate row too: a row pair matches only when they are true (a NULL makes them unknown).
 */
public final class HashJoin {

    /** The kinds of join this operator computes; the probe side is the left one. */
    public enum Type {
        INNER, LEFT, RIGHT, SEMI, ANTI;

        /** Whether the result holds the build side's columns. */
        public boolean keepsBuildColumns() {
            return this == INNER || this == LEFT || this == RIGHT;
        }
    }

    /**
     * One input: its data, the filter its rows pass, its key columns (compared in pairs with the other side's), and
     * its columns in the result ({@code outputs[i]} is the data's column giving result column i of this side).
     */
    public record Side(ColumnarData data, RowFilter filter, int[] keys, int[] outputs) {
    }

    /** How a {@link Comparison} compares a probe row's value with a build row's. */
    public enum Operator {
        EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        /** The operator comparing the same two values written the other way round ({@code a < b} as {@code b > a}). */
        public Operator flipped() {
            return switch (this) {
                case LESS -> GREATER;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER -> LESS;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
                case EQUAL, NOT_EQUAL -> this;
            };
        }

        boolean test(long probe, long build) {
            return switch (this) {
                case EQUAL -> probe == build;
                case NOT_EQUAL -> probe != build;
                case LESS -> probe < build;
                case LESS_OR_EQUAL -> probe <= build;
                case GREATER -> probe > build;
                case GREATER_OR_EQUAL -> probe >= build;
            };
        }
    }

    /**
     * A condition beside the keys: the probe side's column {@code probeColumn} against the build side's
     * {@code buildColumn} (columns of the sides' data whose values compare as longs in their order: integers, dates,
     * decimals of one scale).
     */
    public record Comparison(int probeColumn, Operator operator, int buildColumn) {
    }

    private final Type type;
    private final Side probe;
    private final Side build;
    private final List<Column> columns;
    private final Comparison[] comparisons;
    private final int[] probeCompared;
    private final int[] buildCompared;
    private final boolean marksProbeSide;
    /** How rows' key values become the table's keys: set when the table's side has been read. */
    private JoinKeys joinKeys = JoinKeys.one();
    /**
     * With several keys mixed into a hash, each table entry's key values ({@code [key][entry]}); null with one key or
     * several packed ({@link JoinKeys#exact}).
     */
    private long[][] tableKeys;
    /** Each table entry's values of the compared columns ({@code [comparison][entry]}), and which are NULL. */
    private long[][] tableValues;
    private boolean[][] tableNulls;

    /**
     * @param columns the result's columns: the probe side's outputs, then the build side's if the type keeps them
     * @param comparisons conditions beside the keys that a pair of rows matches only when all are true
     * @param marksProbeSide for a semi or anti join whose probe side is the smaller: the table is made of the probe
     *     side's rows, the build side's rows mark the entries they match, and the probe rows are then kept by their
     *     marks (the result is the same, in the same order)
     */
    public HashJoin(Type type, Side probe, Side build, List<Column> columns, List<Comparison> comparisons,
                    boolean marksProbeSide) {
        if (marksProbeSide && type.keepsBuildColumns()) {
            throw new IllegalArgumentException("Only a semi or anti join marks its probe side");
        }
        this.type = type;
        this.probe = probe;
        this.build = build;
        this.columns = List.copyOf(columns);
        this.comparisons = comparisons.toArray(Comparison[]::new);
        this.probeCompared = comparisons.stream().mapToInt(Comparison::probeColumn).toArray();
        this.buildCompared = comparisons.stream().mapToInt(Comparison::buildColumn).toArray();
        this.marksProbeSide = marksProbeSide;
    }

    /**
     * Joins, gathering the result columns in {@code wanted} (the others stay empty vectors); the result's memory comes
     * from {@code allocator}, which it owns from then on (also when this fails: it is closed).
     */
    public JoinedData run(ParallelScan scan, boolean[] wanted, BufferAllocator allocator) {
        // A right join's build rows that no probe row matched come last, in a batch of their own.
        AtomicReferenceArray<VectorSchemaRoot> results = new AtomicReferenceArray<>(probe.data().batchCount()
                + (type == Type.RIGHT ? 1 : 0));
        try {
            if (marksProbeSide) {
                Table table = table(scan, probe, probeCompared, type == Type.ANTI);
                scan.checkCancelled();
                boolean[] marks = mark(scan, table.entries());
                scan.checkCancelled();
                scan.run(probe.data(), () -> new Marked(table, marks, wanted, allocator, results));
            } else {
                Table table = table(scan, build, buildCompared, type == Type.RIGHT);
                scan.checkCancelled();
                boolean[] matched = type == Type.RIGHT ? new boolean[table.entries().size()] : null;
                scan.run(probe.data(), () -> new Prober(table.entries(), matched, wanted, allocator, results));
                if (matched != null) {
                    scan.checkCancelled();
                    results.set(results.length() - 1,
                            new Gathering(wanted, allocator, results).unmatched(table, matched));
                }
            }
            List<VectorSchemaRoot> batches = new ArrayList<>();
            for (int i = 0; i < results.length(); i++) {
                VectorSchemaRoot batch = results.getAndSet(i, null);
                if (batch != null && batch.getRowCount() > 0) {
                    batches.add(batch);
                } else if (batch != null) {
                    batch.close();
                }
            }
            int probeColumns = probe.outputs().length;
            ColumnarData[] sides = new ColumnarData[columns.size()];
            int[] sideColumns = new int[columns.size()];
            for (int i = 0; i < sides.length; i++) {
                sides[i] = i < probeColumns ? probe.data() : build.data();
                sideColumns[i] = i < probeColumns ? probe.outputs()[i] : build.outputs()[i - probeColumns];
            }
            return new JoinedData(allocator, columns, batches, sides, sideColumns);
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < results.length(); i++) {
                VectorSchemaRoot batch = results.getAndSet(i, null);
                if (batch != null) {
                    batch.close();
                }
            }
            allocator.close();
            throw e;
        }
    }

    /**
     * A table of one side's rows and, when the probe side was made a table of or a right join's build rows are kept,
     * each batch's rows passing its filter ({@code batches}) with the entry of each ({@code entries}: -1 for a row
     * whose key is NULL).
     */
    private record Table(JoinTable entries, KeyedRows[] batches, int[][] rowEntries) {
    }

    /**
     * {@code side}'s rows passing its filter, by key: filtered and their keys read on all of the scan's workers, then
     * keyed and added batch by batch on the calling thread (so rows of one key keep the side's order). Several keys
     * are packed or hashed ({@link #joinKeys}) once their ranges over these rows are known; hashed, {@link #tableKeys}
     * keeps each added row's key values, by entry. {@link #tableValues} keeps the values of its compared columns.
     * Rows whose key is NULL stay out of the table ({@code keepNullKeys}: they are kept in the batches, without an
     * entry). The batches are kept when the table is of the probe side or of a right join's
     * build side.
     */
    private Table table(ParallelScan scan, Side side, int[] compared, boolean keepNullKeys) {
        ColumnarData data = side.data();
        AtomicReferenceArray<KeyedRows> batches = new AtomicReferenceArray<>(data.batchCount());
        int keys = side.keys().length;
        // Several keys (or none: a join on comparisons alone) become the table's keys once their ranges are known.
        JoinKeys known = keys == 1 ? JoinKeys.one() : null;
        scan.run(data, () -> context -> batches.set(context.batch(), keyedRows(context, side, keepNullKeys,
                compared, known)));
        int rows = 0;
        for (int batch = 0; batch < batches.length(); batch++) {
            rows = Math.addExact(rows, batches.get(batch).count());
        }
        long[][] ranges = keyRanges(batches, keys);
        joinKeys = JoinKeys.of(ranges[0], ranges[1]);
        if (keys != 1) {
            for (int batch = 0; batch < batches.length(); batch++) {
                KeyedRows selected = batches.get(batch);
                batches.set(batch, selected.keyedBy(joinKeys.keys(selected.values(), selected.count())));
            }
        }
        // One key's values, or several packed, may index an array when their range is narrow.
        long[] range = keys == 1 ? new long[] {ranges[0][0], ranges[1][0]}
                : joinKeys.packed() && rows > 0 ? new long[] {0, joinKeys.highestPacked()}
                : new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        JoinTable table = new JoinTable(rows, range[0], range[1]);
        tableKeys = joinKeys.exact() ? null : new long[keys][rows];
        tableValues = new long[comparisons.length][rows];
        tableNulls = new boolean[comparisons.length][rows];
        boolean keep = side == probe || type == Type.RIGHT;
        KeyedRows[] kept = keep ? new KeyedRows[batches.length()] : null;
        int[][] rowEntries = keep ? new int[batches.length()][] : null;
        int[][] ordinals = new int[batches.length()][];
        for (int batch = 0; batch < batches.length(); batch++) {
            KeyedRows selected = batches.get(batch);
            int[] batchOrdinals = new int[selected.count()];
            for (int i = 0; i < selected.count(); i++) {
                boolean nullKey = selected.nullKeys() != null && selected.nullKeys()[i];
                batchOrdinals[i] = nullKey ? -1 : table.key(selected.hashes()[i]);
            }
            ordinals[batch] = batchOrdinals;
        }
        table.seal();
        for (int batch = 0; batch < batches.length(); batch++) {
            KeyedRows selected = batches.getAndSet(batch, null);
            int[] batchOrdinals = ordinals[batch];
            ordinals[batch] = null;
            int[] entries = keep ? new int[selected.count()] : null;
            for (int i = 0; i < selected.count(); i++) {
                if (batchOrdinals[i] < 0) {
                    if (keep) {
                        entries[i] = -1;
                    }
                    continue;
                }
                int entry = table.add(batchOrdinals[i], JoinTable.reference(batch, selected.rows()[i]));
                if (tableKeys != null) {
                    for (int k = 0; k < keys; k++) {
                        tableKeys[k][entry] = selected.values()[k][i];
                    }
                }
                for (int c = 0; c < comparisons.length; c++) {
                    tableValues[c][entry] = selected.compared()[c][i];
                    tableNulls[c][entry] = selected.comparedNulls()[c] != null && selected.comparedNulls()[c][i];
                }
                if (keep) {
                    entries[i] = entry;
                }
            }
            if (keep) {
                kept[batch] = selected;
                rowEntries[batch] = entries;
            }
        }
        return new Table(table, kept, rowEntries);
    }

    /**
     * The lowest ({@code [0][key]}) and highest ({@code [1][key]}) value of each key over the rows, NULL keys aside
     * (1 and 0 when there is none).
     */
    private static long[][] keyRanges(AtomicReferenceArray<KeyedRows> batches, int keys) {
        long[] lowest = new long[keys];
        long[] highest = new long[keys];
        for (int k = 0; k < keys; k++) {
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            for (int batch = 0; batch < batches.length(); batch++) {
                KeyedRows selected = batches.get(batch);
                long[] values = selected.values()[k];
                boolean[] nullKeys = selected.nullKeys();
                for (int i = 0; i < selected.count(); i++) {
                    if (nullKeys == null || !nullKeys[i]) {
                        low = Math.min(low, values[i]);
                        high = Math.max(high, values[i]);
                    }
                }
            }
            lowest[k] = low > high ? 1 : low;
            highest[k] = low > high ? 0 : high;
        }
        return new long[][] {lowest, highest};
    }

    /**
     * Marks the entries of a table of the probe side that a row of the build side matches: the build side's batches
     * filtered, keyed and looked up on all of the scan's workers (a mark only ever goes from false to true, and the
     * scan's end publishes the marks). Where a key alone decides a match and the keys index an array, a row marks
     * its key's slot ({@link JoinTable#markKey}: TPC-H Q22's 1.5 M orders against the customers), and the keys
     * marked then mark their entries.
     */
    private boolean[] mark(ParallelScan scan, JoinTable table) {
        boolean[] marks = new boolean[table.size()];
        boolean[] keyMarks = tableKeys == null && comparisons.length == 0 ? table.newKeyMarks() : null;
        scan.run(build.data(), () -> context -> {
            KeyedRows keyed = keyedRows(context, build, false, buildCompared, joinKeys);
            if (keyMarks != null) {
                long[] keys = keyed.hashes();
                for (int i = 0; i < keyed.count(); i++) {
                    table.markKey(keyMarks, keys[i]);
                }
                return;
            }
            for (int i = 0; i < keyed.count(); i++) {
                for (int entry = table.first(keyed.hashes()[i]); entry >= 0; entry = table.next(entry)) {
                    if (!marks[entry] && matches(entry, keyed, i, true)) {
                        marks[entry] = true;
                    }
                }
            }
        });
        if (keyMarks != null) {
            table.markEntries(keyMarks, marks);
        }
        return marks;
    }

    /**
     * Whether table entry {@code entry} and keyed row {@code i} have equal keys and true comparisons; the table holds
     * the probe side's rows when {@code tableOfProbe}, else the build side's.
     */
    private boolean matches(int entry, KeyedRows keyed, int i, boolean tableOfProbe) {
        for (int k = 0; tableKeys != null && k < tableKeys.length; k++) {
            if (tableKeys[k][entry] != keyed.values()[k][i]) {
                return false;
            }
        }
        for (int c = 0; c < comparisons.length; c++) {
            boolean[] keyedNulls = keyed.comparedNulls()[c];
            if (keyedNulls != null && keyedNulls[i] || tableNulls[c][entry]) {
                return false;
            }
            long keyedValue = keyed.compared()[c][i];
            long tableValue = tableValues[c][entry];
            if (!comparisons[c].operator().test(tableOfProbe ? tableValue : keyedValue,
                    tableOfProbe ? keyedValue : tableValue)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A batch's rows passing the side's filter, their keys' values (per key) and the keys the table is keyed by
     * ({@link JoinKeys}; null until known). Rows with a NULL key are left out, or kept and marked in {@code nullKeys}
     * (null when there is none). {@code compared} holds the values of the side's compared columns (per comparison), and
     * {@code comparedNulls} which of them are NULL (null for a column without NULLs).
     */
    private record KeyedRows(int[] rows, long[][] values, long[] hashes, boolean[] nullKeys, int count,
                             long[][] compared, boolean[][] comparedNulls) {

        KeyedRows keyedBy(long[] keys) {
            return new KeyedRows(rows, values, keys, nullKeys, count, compared, comparedNulls);
        }
    }

    private static KeyedRows keyedRows(BatchContext context, Side side, boolean keepNullKeys, int[] comparedColumns,
                                       JoinKeys keys) {
        return keyedRows(context, side, keepNullKeys, comparedColumns, keys, null);
    }

    /** As above, the rows passing the side's filter first narrowed by {@code prefilter} (when not null). */
    private static KeyedRows keyedRows(BatchContext context, Side side, boolean keepNullKeys, int[] comparedColumns,
                                       JoinKeys keys, Prefilter prefilter) {
        Scratch scratch = context.scratch();
        int[] selected = scratch.borrowInts();
        boolean[] nulls = scratch.borrowFlags();
        try {
            int count = side.filter().applyAll(context, selected, context.rowCount());
            if (prefilter != null) {
                count = prefilter.keep(context, side.keys()[0], selected, count);
            }
            long[][] values = new long[side.keys().length][];
            boolean[] nullKeys = null;
            for (int k = 0; k < values.length; k++) {
                ColumnView key = context.column(side.keys()[k]);
                long[] read = new long[count];
                key.readLongs(selected, count, read);
                if (key.readNulls(selected, count, nulls)) {
                    if (keepNullKeys) {
                        nullKeys = nullKeys == null ? new boolean[count] : nullKeys;
                        for (int i = 0; i < count; i++) {
                            nullKeys[i] |= nulls[i];
                        }
                    } else {
                        int kept = 0;
                        for (int i = 0; i < count; i++) {
                            if (!nulls[i]) {
                                selected[kept] = selected[i];
                                for (int earlier = 0; earlier < k; earlier++) {
                                    values[earlier][kept] = values[earlier][i];
                                }
                                read[kept++] = read[i];
                            }
                        }
                        count = kept;
                    }
                }
                values[k] = read;
            }
            long[][] compared = new long[comparedColumns.length][];
            boolean[][] comparedNulls = new boolean[comparedColumns.length][];
            for (int c = 0; c < comparedColumns.length; c++) {
                ColumnView column = context.column(comparedColumns[c]);
                compared[c] = new long[count];
                column.readLongs(selected, count, compared[c]);
                boolean[] columnNulls = new boolean[count];
                comparedNulls[c] = column.readNulls(selected, count, columnNulls) ? columnNulls : null;
            }
            return new KeyedRows(Arrays.copyOf(selected, count), values,
                    keys == null ? null : keys.keys(values, count), nullKeys, count, compared, comparedNulls);
        } finally {
            scratch.release(selected);
            scratch.release(nulls);
        }
    }

    /**
     * One worker's test of the probe rows' single key against the table before their keys and columns are read: the
     * rows whose key the table surely does not hold ({@link JoinTable#keepMayHold}) go, which spares a selective join
     * (TPC-H Q17's 6 M lineitem rows against 204 parts) the per-row work of keying and matching rows that match
     * nothing. A worker stops testing once a batch keeps more than half its rows, where the test gains nothing.
     */
    private static final class Prefilter {
        private final JoinTable table;
        private boolean testing = true;

        Prefilter(JoinTable table) {
            this.table = table;
        }

        int keep(BatchContext context, int keyColumn, int[] selected, int count) {
            if (!testing || count == 0) {
                return count;
            }
            long[] keys = context.scratch().borrowLongs();
            try {
                context.column(keyColumn).readLongs(selected, count, keys);
                int kept = table.keepMayHold(keys, selected, count);
                testing = kept * 2L <= count;
                return kept;
            } finally {
                context.scratch().release(keys);
            }
        }
    }

    /** One worker's probing: the matches of a batch, then their columns gathered into a result batch. */
    private final class Prober extends Gathering implements ParallelScan.Worker {
        private final JoinTable table;
        /** For a right join, the entries a probe row matched (a mark only ever goes from false to true). */
        private final boolean[] matched;
        /** Where only matching probe rows are kept (an inner, semi or right join on one key); else null. */
        private final Prefilter prefilter;

        Prober(JoinTable table, boolean[] matched, boolean[] wanted, BufferAllocator allocator,
               AtomicReferenceArray<VectorSchemaRoot> results) {
            super(wanted, allocator, results);
            this.table = table;
            this.matched = matched;
            this.prefilter = probe.keys().length == 1 && type != Type.LEFT && type != Type.ANTI
                    ? new Prefilter(table) : null;
        }

        @Override
        public void process(BatchContext context) {
            // A left or anti join keeps the probe rows whose key is NULL; they match nothing.
            KeyedRows keyed = keyedRows(context, probe, type == Type.LEFT || type == Type.ANTI, probeCompared,
                    joinKeys, prefilter);
            int matches = match(keyed);
            results.set(context.batch(), gather(context.batch(), matches));
        }

        /**
         * Puts the batch's result rows in {@link #probeRows} and {@link #buildRows} (-1: none); returns their count.
         */
        private int match(KeyedRows keyed) {
            int matches = 0;
            for (int i = 0; i < keyed.count(); i++) {
                int probeRow = keyed.rows()[i];
                int entry = keyed.nullKeys() != null && keyed.nullKeys()[i] ? -1
                        : next(table.first(keyed.hashes()[i]), keyed, i);
                switch (type) {
                    case SEMI, ANTI -> {
                        if ((entry >= 0) == (type == Type.SEMI)) {
                            matches = add(matches, probeRow, -1);
                        }
                    }
                    case INNER, LEFT, RIGHT -> {
                        if (entry < 0 && type == Type.LEFT) {
                            matches = add(matches, probeRow, -1);
                        }
                        for (; entry >= 0; entry = next(table.next(entry), keyed, i)) {
                            if (matched != null && !matched[entry]) {
                                matched[entry] = true;
                            }
                            matches = add(matches, probeRow, table.row(entry));
                        }
                    }
                }
            }
            return matches;
        }

        /**
         * The first entry from {@code entry} on whose keys all equal keyed probe row {@code i}'s and whose
         * comparisons with it are all true, or -1.
         */
        private int next(int entry, KeyedRows keyed, int i) {
            if (tableKeys == null && comparisons.length == 0) {
                return entry;
            }
            for (; entry >= 0; entry = table.next(entry)) {
                if (matches(entry, keyed, i, false)) {
                    return entry;
                }
            }
            return -1;
        }
    }

    /**
     * One worker's output of a semi or anti join that marked its probe side: a batch's probe rows whose entry's mark
     * is what the join keeps (an anti join also keeps the rows whose key is NULL), gathered into a result batch.
     */
    private final class Marked extends Gathering implements ParallelScan.Worker {
        private final Table table;
        private final boolean[] marks;

        Marked(Table table, boolean[] marks, boolean[] wanted, BufferAllocator allocator,
               AtomicReferenceArray<VectorSchemaRoot> results) {
            super(wanted, allocator, results);
            this.table = table;
            this.marks = marks;
        }

        @Override
        public void process(BatchContext context) {
            int batch = context.batch();
            KeyedRows keyed = table.batches()[batch];
            int[] entries = table.rowEntries()[batch];
            boolean keepMarked = type == Type.SEMI;
            int kept = 0;
            for (int i = 0; i < keyed.count(); i++) {
                int entry = entries[i];
                if (entry < 0 ? !keepMarked : marks[entry] == keepMarked) {
                    kept = add(kept, keyed.rows()[i], -1);
                }
            }
            results.set(batch, gather(batch, kept));
        }
    }

    /**
     * What the workers of both ways share: the result rows of a batch, and their columns gathered into a batch (a
     * right join's unmatched build rows are gathered by one on the calling thread).
     */
    private class Gathering {
        final boolean[] wanted;
        final BufferAllocator allocator;
        final AtomicReferenceArray<VectorSchemaRoot> results;
        private int[] probeRows = new int[0];
        private long[] buildRows = new long[0];

        Gathering(boolean[] wanted, BufferAllocator allocator, AtomicReferenceArray<VectorSchemaRoot> results) {
            this.wanted = wanted;
            this.allocator = allocator;
            this.results = results;
        }

        /**
         * A right join's build rows that no probe row matched ({@code matched}, by entry), rows with a NULL key
         * among them, with their probe columns NULL; in the build side's order.
         */
        VectorSchemaRoot unmatched(Table table, boolean[] matched) {
            int rows = 0;
            for (int batch = 0; batch < table.batches().length; batch++) {
                KeyedRows keyed = table.batches()[batch];
                int[] entries = table.rowEntries()[batch];
                for (int i = 0; i < keyed.count(); i++) {
                    if (entries[i] < 0 || !matched[entries[i]]) {
                        rows = add(rows, -1, JoinTable.reference(batch, keyed.rows()[i]));
                    }
                }
            }
            return gather(-1, rows);
        }

        /** Adds result row {@code at}: probe row {@code probeRow} with build row {@code buildRow} (-1: none). */
        int add(int at, int probeRow, long buildRow) {
            if (at == probeRows.length) {
                int size = Math.max(1024, at * 2);
                probeRows = Arrays.copyOf(probeRows, size);
                buildRows = Arrays.copyOf(buildRows, size);
            }
            probeRows[at] = probeRow;
            buildRows[at] = buildRow;
            return at + 1;
        }

        /**
         * The first {@code rows} result rows' columns, as one batch of the result; {@code batch} is the probe side's
         * batch they come from, or -1 for rows without a probe row.
         */
        VectorSchemaRoot gather(int batch, int rows) {
            List<Field> fields = new ArrayList<>(columns.size());
            List<FieldVector> vectors = new ArrayList<>(columns.size());
            try {
                int probeColumns = probe.outputs().length;
                for (int column = 0; column < columns.size(); column++) {
                    boolean fromProbe = column < probeColumns;
                    int source = fromProbe ? probe.outputs()[column] : build.outputs()[column - probeColumns];
                    ColumnarData data = fromProbe ? probe.data() : build.data();
                    // A side without rows (an empty build side of a left join) has no vector to copy the type of.
                    Field field = data.batchCount() == 0 ? ColumnCodecs.field(columns.get(column), column)
                            : data.vector(fromProbe ? Math.max(batch, 0) : 0, source).getField();
                    FieldVector target = field.createVector(allocator);
                    vectors.add(target);
                    fields.add(target.getField());
                    if (!wanted[column]) {
                        continue;
                    }
                    target.setInitialCapacity(rows);
                    target.allocateNew();
                    if (fromProbe && batch < 0) {
                        for (int i = 0; i < rows; i++) {
                            target.setNull(i);
                        }
                    } else if (fromProbe) {
                        RowGather.rows(data.vector(batch, source), data.hasNulls(batch, source), probeRows, rows,
                                target);
                    } else {
                        RowGather.references(data, source, buildRows, rows, target);
                    }
                    target.setValueCount(rows);
                }
            } catch (RuntimeException | Error e) {
                vectors.forEach(FieldVector::close);
                throw e;
            }
            return new VectorSchemaRoot(fields, vectors, rows);
        }
    }
}
