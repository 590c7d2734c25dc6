package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class RowFiltersTest {

    private static final List<Column> COLUMNS = List.of(new Column("d", AthenaType.parse("date")),
            new Column("q", AthenaType.parse("bigint")));

    /** 1,000 rows in batches of 97: dates 0..99 and numbers -50..49, a NULL in about one row of seven of each. */
    private static OwnedBatches data(BufferAllocator allocator, List<Object[]> rows) {
        Random random = new Random(5);
        BatchBuilder builder = new BatchBuilder(allocator.newChildAllocator("data", 0, Long.MAX_VALUE), COLUMNS, 97);
        for (int i = 0; i < 1000; i++) {
            Object[] row = {random.nextInt(7) == 0 ? null : random.nextInt(100),
                random.nextInt(7) == 0 ? null : (long) random.nextInt(100) - 50};
            rows.add(row);
            builder.append(row);
        }
        return builder.build(OwnedBatches::new);
    }

    /** The row numbers (over all batches) the filter keeps, through applyAll or through apply on every row. */
    private static List<Integer> kept(OwnedBatches data, RowFilter filter, boolean all) {
        List<Integer> kept = new ArrayList<>();
        BatchContext context = new BatchContext(data, new Scratch(data.maxBatchRows()));
        int first = 0;
        for (int batch = 0; batch < data.batchCount(); batch++) {
            context.moveTo(batch);
            int count = data.rowCount(batch);
            int[] rows = new int[count];
            int passed;
            if (all) {
                passed = filter.applyAll(context, rows, count);
            } else {
                for (int row = 0; row < count; row++) {
                    rows[row] = row;
                }
                passed = filter.apply(context, rows, count);
            }
            for (int i = 0; i < passed; i++) {
                kept.add(first + rows[i]);
            }
            first += count;
        }
        return kept;
    }

    private static List<Integer> expected(List<Object[]> rows, int column, LongPredicate test) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object value = rows.get(i)[column];
            if (value != null && test.test(((Number) value).longValue())) {
                expected.add(i);
            }
        }
        return expected;
    }

    @Test
    void rangesOfOneColumnInAConjunctionAreOnePassOverTheirIntersection() {
        RowFilter year = RowFilters.and(List.of(RowFilters.longRange(0, 20, Long.MAX_VALUE, true),
                RowFilters.longRange(0, Long.MIN_VALUE, 39, true)));
        assertThat(year).isEqualTo(RowFilters.longRange(0, 20, 39, true));

        RowFilter mixed = RowFilters.and(List.of(RowFilters.longRange(0, 10, 60, true),
                RowFilters.longRange(1, -5, 5, true), RowFilters.longRange(0, 30, 90, true),
                RowFilters.longRange(1, 0, 100, true)));
        assertThat(mixed).isNotInstanceOf(RowFilters.LongRange.class);

        try (BufferAllocator allocator = new RootAllocator()) {
            List<Object[]> rows = new ArrayList<>();
            try (OwnedBatches data = data(allocator, rows)) {
                for (boolean all : new boolean[] {true, false}) {
                    assertThat(kept(data, year, all)).isEqualTo(expected(rows, 0, d -> d >= 20 && d <= 39))
                            .isNotEmpty();
                    List<Integer> both = new ArrayList<>(expected(rows, 0, d -> d >= 30 && d <= 60));
                    both.retainAll(expected(rows, 1, q -> q >= 0 && q <= 5));
                    assertThat(kept(data, mixed, all)).isEqualTo(both).isNotEmpty();
                }
            }
        }
    }

    @Test
    void rangesThatDoNotMeetKeepNoRowAndRangesOutsideAreNotMerged() {
        RowFilter apart = RowFilters.and(List.of(RowFilters.longRange(0, 10, 20, true),
                RowFilters.longRange(1, -50, 49, true), RowFilters.longRange(0, 21, 30, true)));
        RowFilter outside = RowFilters.and(List.of(RowFilters.longRange(0, 10, 20, false),
                RowFilters.longRange(0, 15, 50, true)));
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Object[]> rows = new ArrayList<>();
            try (OwnedBatches data = data(allocator, rows)) {
                for (boolean all : new boolean[] {true, false}) {
                    assertThat(kept(data, apart, all)).isEmpty();
                    assertThat(kept(data, outside, all)).isEqualTo(expected(rows, 0, d -> d > 20 && d <= 50))
                            .isNotEmpty();
                }
            }
        }
    }
}
