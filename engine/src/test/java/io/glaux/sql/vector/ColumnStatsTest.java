package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnStatsTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("tiny", AthenaType.parse("tinyint")), new Column("small", AthenaType.parse("smallint")),
            new Column("i", AthenaType.parse("int")), new Column("big", AthenaType.parse("bigint")),
            new Column("amount", AthenaType.parse("decimal(12,2)")), new Column("d", AthenaType.parse("date")),
            new Column("flag", AthenaType.parse("boolean")));

    /**
     * Each column's range, with NULLs in some batches and none in others, is the range of its values (checked against
     * the values themselves); a column of NULLs only is empty.
     */
    @Test
    void theRangeOfEveryWidthWithAndWithoutNullsIsThatOfItsValues() {
        Random random = new Random(7);
        int rows = 1000;
        Object[][] values = new Object[rows][];
        long[][] expected = new long[COLUMNS.size()][];
        for (int row = 0; row < rows; row++) {
            // NULLs only in the batches from row 500 on, so some batches have none.
            boolean nulls = row >= 500 && random.nextInt(5) == 0;
            // The extremes sit on a batch's first row and on another's last.
            long v = row == 0 ? -120 : row == 199 ? 120 : random.nextInt(200) - 100L;
            values[row] = new Object[] {nulls ? null : (byte) v, (short) (v * 250), nulls ? null : (int) (v * 70_000),
                v * 5_000_000_000L, nulls ? null : BigDecimal.valueOf(v * 12345, 2), nulls ? null
                    : (int) LocalDate.of(2024, 1, 1).plusDays(v).toEpochDay(), v > 0};
            long[] asLongs = {v, v * 250, v * 70_000, v * 5_000_000_000L, v * 12345,
                LocalDate.of(2024, 1, 1).plusDays(v).toEpochDay(), v > 0 ? 1 : 0};
            for (int column = 0; column < asLongs.length; column++) {
                if (values[row][column] == null) {
                    continue;
                }
                long[] range = expected[column];
                expected[column] = range == null ? new long[] {asLongs[column], asLongs[column]}
                        : new long[] {Math.min(range[0], asLongs[column]), Math.max(range[1], asLongs[column])};
            }
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            BatchBuilder builder = new BatchBuilder(allocator.newChildAllocator("data", 0, Long.MAX_VALUE),
                    COLUMNS, 100);
            for (Object[] row : values) {
                builder.append(row);
            }
            try (OwnedBatches data = builder.build(OwnedBatches::new)) {
                assertThat(data.batchCount()).isEqualTo(10);
                for (int column = 0; column < COLUMNS.size(); column++) {
                    ColumnStats stats = ColumnStats.compute(data, column);
                    assertThat(stats).as(COLUMNS.get(column).name())
                            .isEqualTo(new ColumnStats(expected[column][0], expected[column][1], false));
                }
            }
            BatchBuilder nulls = new BatchBuilder(allocator.newChildAllocator("nulls", 0, Long.MAX_VALUE),
                    COLUMNS, 100);
            nulls.append(new Object[COLUMNS.size()]);
            try (OwnedBatches data = nulls.build(OwnedBatches::new)) {
                assertThat(ColumnStats.compute(data, 3).empty()).isTrue();
            }
        }
    }
}
