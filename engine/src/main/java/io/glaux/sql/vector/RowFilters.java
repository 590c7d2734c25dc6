package io.glaux.sql.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The filter kernels: each is a loop over a selection vector reading one or two columns' buffers. */
public final class RowFilters {

    private RowFilters() {
    }

    /** Comparison operators, as they apply to primitive values. */
    public enum Comparison {
        EQ, NE, LT, LE, GT, GE;

        public boolean test(double left, double right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }

        public boolean test(long left, long right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }
    }

    public static RowFilter all() {
        return (batch, rows, count) -> count;
    }

    public static RowFilter none() {
        return (batch, rows, count) -> 0;
    }

    /**
     * Integer-like column in [{@code low}, {@code high}] (or outside it, NULLs never pass either way). Ranges
     * inside are {@link LongRange}s, which {@link #and} merges per column.
     */
    public static RowFilter longRange(int column, long low, long high, boolean inside) {
        if (low > high) {
            return inside ? none() : isNull(column, false);
        }
        if (!inside) {
            return (batch, rows, count) -> batch.column(column).filterRange(rows, count, low, high, false);
        }
        return new LongRange(column, low, high);
    }

    /** An integer-like column's values in [{@code low}, {@code high}], {@code low <= high}; NULLs never pass. */
    record LongRange(int column, long low, long high) implements RowFilter {

        @Override
        public int apply(BatchContext batch, int[] rows, int count) {
            return batch.column(column).filterRange(rows, count, low, high, true);
        }

        @Override
        public int applyAll(BatchContext batch, int[] rows, int count) {
            return batch.column(column).filterRangeAll(rows, count, low, high);
        }

        /** The range of the values in both, or null when none is. */
        LongRange intersect(LongRange other) {
            long from = Math.max(low, other.low);
            long to = Math.min(high, other.high);
            return from <= to ? new LongRange(column, from, to) : null;
        }
    }

    /** Integer-like column equal to one of {@code values} (or to none of them). */
    public static RowFilter longIn(int column, long[] values, boolean inside) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (batch, rows, count) -> {
            ColumnView view = batch.column(column);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!view.isNull(row) && (Arrays.binarySearch(sorted, view.getLong(row)) >= 0) == inside) {
                    rows[kept++] = row;
                }
            }
            return kept;
        };
    }

    public static RowFilter doubleCompare(int column, Comparison comparison, double value) {
        return (batch, rows, count) -> {
            ColumnView view = batch.column(column);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!view.isNull(row) && comparison.test(view.getDouble(row), value)) {
                    rows[kept++] = row;
                }
            }
            return kept;
        };
    }

    /** Two integer-like columns of the same scale, or two floating point columns, compared. */
    public static RowFilter compareColumns(int left, int right, Comparison comparison, boolean asDouble) {
        return (batch, rows, count) -> {
            ColumnView a = batch.column(left);
            ColumnView b = batch.column(right);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (a.isNull(row) || b.isNull(row)) {
                    continue;
                }
                boolean pass = asDouble ? comparison.test(a.getDouble(row), b.getDouble(row))
                        : comparison.test(a.getLong(row), b.getLong(row));
                if (pass) {
                    rows[kept++] = row;
                }
            }
            return kept;
        };
    }

    /**
     * A condition on one string column. A batch of ids is tested once per distinct value (over the dictionary:
     * {@code passes}, index = id) rather than once per row, rows then passing by looking their id up; a batch held
     * as values (a {@link VarCharVector}) is tested row by row, on each value's UTF-8 bytes when {@code condition}
     * can ({@link Utf8Predicate}), else on the decoded value. NULLs never pass.
     */
    public static RowFilter strings(int column, boolean[] passes, Predicate<String> condition) {
        boolean anyPasses = false;
        for (boolean passed : passes) {
            anyPasses |= passed;
        }
        boolean idsPass = anyPasses;
        return (batch, rows, count) -> {
            if (batch.data().vector(batch.batch(), column) instanceof VarCharVector values) {
                return values(batch.column(column), values, condition, rows, count);
            }
            if (!idsPass) {
                return 0;
            }
            ColumnView view = batch.column(column);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!view.isNull(row) && passes[(int) view.getLong(row)]) {
                    rows[kept++] = row;
                }
            }
            return kept;
        };
    }

    private static int values(ColumnView view, VarCharVector values, Predicate<String> condition, int[] rows,
                              int count) {
        long data = values.getDataBuffer().memoryAddress();
        long offsets = values.getOffsetBuffer().memoryAddress();
        Utf8Predicate bytes = condition instanceof Utf8Predicate utf8 ? utf8 : null;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (view.isNull(row)) {
                continue;
            }
            int start = MemoryUtil.getInt(offsets + ((long) row << 2));
            int length = MemoryUtil.getInt(offsets + ((long) (row + 1) << 2)) - start;
            boolean passes = bytes != null ? bytes.testUtf8(data + start, length)
                    : condition.test(new String(values.get(row), StandardCharsets.UTF_8));
            if (passes) {
                rows[kept++] = row;
            }
        }
        return kept;
    }

    public static RowFilter isNull(int column, boolean wantNull) {
        return (batch, rows, count) -> {
            ColumnView view = batch.column(column);
            if (!view.hasNulls()) {
                return wantNull ? 0 : count;
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (view.isNull(row) == wantNull) {
                    rows[kept++] = row;
                }
            }
            return kept;
        };
    }

    /**
     * The rows every filter keeps, the filters applied in order, each to the rows the ones before it kept. The ranges
     * of one column are first merged into one, in the place of the first: {@code d >= DATE '1994-01-01' AND d <
     * DATE '1995-01-01'} is one pass over the column, keeping a year of rows, where two would first keep every row
     * since 1994 and then test those again.
     */
    public static RowFilter and(List<RowFilter> filters) {
        List<RowFilter> merged = new ArrayList<>(filters.size());
        Map<Integer, Integer> ranges = new HashMap<>();
        for (RowFilter filter : filters) {
            if (filter instanceof LongRange range) {
                Integer at = ranges.putIfAbsent(range.column(), merged.size());
                if (at != null) {
                    LongRange both = ((LongRange) merged.get(at)).intersect(range);
                    if (both == null) {
                        return none();
                    }
                    merged.set(at, both);
                    continue;
                }
            }
            merged.add(filter);
        }
        if (merged.size() == 1) {
            return merged.get(0);
        }
        RowFilter[] parts = merged.toArray(RowFilter[]::new);
        return new RowFilter() {
            @Override
            public int apply(BatchContext batch, int[] rows, int count) {
                return applyFrom(0, batch, rows, count);
            }

            @Override
            public int applyAll(BatchContext batch, int[] rows, int count) {
                if (parts.length == 0) {
                    return RowFilter.super.applyAll(batch, rows, count);
                }
                return applyFrom(1, batch, rows, parts[0].applyAll(batch, rows, count));
            }

            private int applyFrom(int first, BatchContext batch, int[] rows, int count) {
                int remaining = count;
                for (int i = first; i < parts.length && remaining > 0; i++) {
                    remaining = parts[i].apply(batch, rows, remaining);
                }
                return remaining;
            }
        };
    }

    /**
     * The selected rows {@code filter} does not keep: those whose condition is FALSE or NULL ({@code IS NOT TRUE}).
     */
    public static RowFilter isNotTrue(RowFilter filter) {
        return (batch, rows, count) -> {
            Scratch scratch = batch.scratch();
            boolean[] passed = scratch.borrowFlags();
            int[] tested = scratch.borrowInts();
            try {
                System.arraycopy(rows, 0, tested, 0, count);
                int hits = filter.apply(batch, tested, count);
                for (int i = 0; i < hits; i++) {
                    passed[tested[i]] = true;
                }
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    if (passed[row]) {
                        passed[row] = false;
                    } else {
                        rows[kept++] = row;
                    }
                }
                return kept;
            } finally {
                scratch.release(tested);
                scratch.release(passed);
            }
        };
    }

    /** Each branch only tests the rows no earlier branch has passed. */
    public static RowFilter or(List<RowFilter> filters) {
        RowFilter[] parts = filters.toArray(RowFilter[]::new);
        return (batch, rows, count) -> {
            Scratch scratch = batch.scratch();
            boolean[] passed = scratch.borrowFlags();
            int[] pending = scratch.borrowInts();
            int[] tested = scratch.borrowInts();
            try {
                System.arraycopy(rows, 0, pending, 0, count);
                int pendingCount = count;
                for (RowFilter part : parts) {
                    if (pendingCount == 0) {
                        break;
                    }
                    System.arraycopy(pending, 0, tested, 0, pendingCount);
                    int hits = part.apply(batch, tested, pendingCount);
                    if (hits == 0) {
                        continue;
                    }
                    for (int i = 0; i < hits; i++) {
                        passed[tested[i]] = true;
                    }
                    int still = 0;
                    for (int i = 0; i < pendingCount; i++) {
                        if (!passed[pending[i]]) {
                            pending[still++] = pending[i];
                        }
                    }
                    pendingCount = still;
                }
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    if (passed[row]) {
                        passed[row] = false;
                        rows[kept++] = row;
                    }
                }
                return kept;
            } finally {
                scratch.release(tested);
                scratch.release(pending);
                scratch.release(passed);
            }
        };
    }
}
