package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedAggregationTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("name", AthenaType.parse("varchar")), new Column("n", AthenaType.parse("int")),
            new Column("d", AthenaType.parse("date")), new Column("flag", AthenaType.parse("boolean")),
            new Column("amount", AthenaType.parse("decimal(12,2)")), new Column("x", AthenaType.parse("double")),
            new Column("huge", AthenaType.parse("bigint")), new Column("tiny", AthenaType.parse("tinyint")));

    /** 1,000 rows in batches of 97, NULLs in every column, 40 names and 7 dates. */
    private static OwnedBatches data(BufferAllocator allocator) {
        Random random = new Random(11);
        BatchBuilder builder = new BatchBuilder(allocator.newChildAllocator("data", 0, Long.MAX_VALUE), COLUMNS, 97);
        for (int row = 0; row < 1000; row++) {
            boolean none = random.nextInt(9) == 0;
            builder.append(new Object[] {
                none ? null : "name-" + random.nextInt(40),
                random.nextInt(11) == 0 ? null : random.nextInt(25) - 12,
                random.nextInt(13) == 0 ? null : 19_000 + random.nextInt(7),
                none ? null : random.nextBoolean(),
                random.nextInt(7) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000L, 2),
                random.nextInt(6) == 0 ? null : random.nextGaussian() * 1e3,
                Long.MAX_VALUE / 3 + random.nextInt(1000),
                (byte) (random.nextInt(200) - 100)});
        }
        return builder.build(OwnedBatches::new);
    }

    private static int indexOf(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The result's columns: the keys' types, then the aggregates'. */
    private static List<Column> resultColumns(List<String> keys, List<String> results) {
        List<Column> columns = new ArrayList<>();
        for (String key : keys) {
            columns.add(COLUMNS.get(indexOf(key)));
        }
        for (int i = 0; i < results.size(); i++) {
            columns.add(new Column("r" + i, AthenaType.parse(results.get(i))));
        }
        return columns;
    }

    private static ParallelScan scan() {
        return new ParallelScan(ForkJoinPool.commonPool(), 2, () -> { });
    }

    /** Every aggregate the kernels compute, with the types of their results. */
    private static List<AggregateFunction> functions(OwnedBatches data, RowFilter positive) {
        return List.of(
                AggregateFunction.countRows(),
                AggregateFunction.countValues(4),
                AggregateFunction.sum(Expressions.longColumn(4), Boxing.decimal(2), false),
                AggregateFunction.sum(Expressions.longColumn(1), value -> value, true),
                AggregateFunction.sum(Expressions.doubleColumn(5), false),
                AggregateFunction.minMax(Expressions.longColumn(2), Boxing.forColumn(COLUMNS.get(2).type(), null),
                        true),
                AggregateFunction.minMax(Expressions.longColumn(4), Boxing.decimal(2), false),
                AggregateFunction.minMax(Expressions.doubleColumn(5), false, true),
                AggregateFunction.minMaxString(0, data.dictionaryValues(0), false),
                AggregateFunction.countDistinct(Expressions.longColumn(1)),
                AggregateFunction.filtered(AggregateFunction.sum(Expressions.longColumn(4), Boxing.decimal(2), false),
                        positive),
                AggregateFunction.minMax(Expressions.longColumn(7), Boxing.forColumn(COLUMNS.get(7).type(), null),
                        false));
    }

    private static final List<String> RESULT_TYPES = List.of("bigint", "bigint", "decimal(38,2)", "bigint", "double",
            "date", "decimal(12,2)", "double", "varchar", "bigint", "decimal(38,2)", "tinyint");

    /** The values of a batch of columns as rows, strings read through their dictionaries. */
    private static List<List<Object>> read(ColumnBatch batch, List<Column> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < columns.size(); column++) {
                FieldVector vector = batch.vector(column);
                VarCharVector dictionary = batch.dictionary(column);
                if (vector.isNull(row)) {
                    values.add(null);
                } else if (dictionary != null) {
                    values.add(new String(dictionary.get(((IntVector) vector).get(row)), StandardCharsets.UTF_8));
                } else {
                    values.add(ColumnVectors.get(vector, row, columns.get(column).type()));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<List<Object>> boxed(Iterator<Object[]> rows) {
        List<List<Object>> all = new ArrayList<>();
        rows.forEachRemaining(row -> all.add(Arrays.asList(row)));
        return all;
    }

    /**
     * Grouped by a string, by an int and a date together, and by a boolean, the groups read in columns, in batches
     * whose edges fall anywhere, are the rows boxed one by one: NULL keys, empty sums, a MIN of strings and of
     * doubles, counts, and the sums of a filtered aggregate.
     */
    @Test
    void theGroupsInColumnsAreTheBoxedRowsWhateverTheKeysAndBatchEdges() {
        try (BufferAllocator allocator = new RootAllocator(); OwnedBatches data = data(allocator)) {
            RowFilter positive = RowFilters.longRange(4, 1, Long.MAX_VALUE, true);
            for (List<String> keys : List.of(List.of("name"), List.of("n", "d"), List.of("flag", "tiny"),
                    List.<String>of())) {
                List<GroupKey> groupKeys = new ArrayList<>();
                for (String key : keys) {
                    groupKeys.add(GroupKey.column(data, indexOf(key)));
                }
                GroupedAggregation aggregation = new GroupedAggregation(data, RowFilters.all(), groupKeys,
                        functions(data, positive));
                List<Column> columns = resultColumns(keys, RESULT_TYPES);
                try (BufferAllocator results = allocator.newChildAllocator("results", 0, Long.MAX_VALUE);
                     GroupedAggregation.Groups groups = aggregation.groups(scan())) {
                    List<List<Object>> expected = boxed(groups.rows());
                    assertThat(expected).as("groups by %s", keys).hasSizeGreaterThan(keys.isEmpty() ? 0 : 2);
                    for (int step : new int[] {1, 7, 64, 10_000}) {
                        List<List<Object>> actual = new ArrayList<>();
                        for (int from = 0; from < groups.count(); from += step) {
                            try (ColumnBatch batch = groups.columns(from, Math.min(step, groups.count() - from),
                                    columns, results)) {
                                actual.addAll(read(batch, columns));
                            }
                        }
                        assertThat(actual).as("groups by %s in batches of %d", keys, step).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /**
     * Grouped by a key whose range is wider than a small array but within four times the rows (an array of an int
     * per possible key), by one far too sparse for that (the hash map), and by both (their packed codes), over 20,000
     * rows in batches of 97 on two workers: each group counts the rows of its key, as counted here row by row.
     */
    @Test
    void groupsFoundThroughAnArrayOrAHashMapCountTheRowsOfTheirKeys() {
        List<Column> columns = List.of(new Column("wide", AthenaType.parse("int")),
                new Column("sparse", AthenaType.parse("bigint")));
        Random random = new Random(5);
        Map<List<Object>, Long> wide = new HashMap<>();
        Map<List<Object>, Long> sparse = new HashMap<>();
        Map<List<Object>, Long> both = new HashMap<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            BatchBuilder builder = new BatchBuilder(allocator.newChildAllocator("data", 0, Long.MAX_VALUE),
                    columns, 97);
            for (int row = 0; row < 20_000; row++) {
                Integer w = random.nextInt(50) == 0 ? null : 1_000 + random.nextInt(70_000);
                Long v = random.nextInt(3) * 1_000_000_007L * (random.nextInt(9) - 4);
                builder.append(new Object[] {w, v});
                wide.merge(Arrays.asList(w), 1L, Long::sum);
                sparse.merge(Arrays.asList(v), 1L, Long::sum);
                both.merge(Arrays.asList(w, v), 1L, Long::sum);
            }
            try (OwnedBatches data = builder.build(OwnedBatches::new)) {
                assertThat(counts(data, List.of(0))).isEqualTo(wide);
                assertThat(counts(data, List.of(1))).isEqualTo(sparse);
                assertThat(counts(data, List.of(0, 1))).isEqualTo(both);
            }
        }
    }

    /** The COUNT(*) of each group, by its keys. */
    private static Map<List<Object>, Long> counts(OwnedBatches data, List<Integer> keyColumns) {
        List<GroupKey> keys = new ArrayList<>();
        for (int column : keyColumns) {
            keys.add(GroupKey.column(data, column));
        }
        Map<List<Object>, Long> counts = new HashMap<>();
        new GroupedAggregation(data, RowFilters.all(), keys, List.of(AggregateFunction.countRows()))
                .rows(scan()).forEachRemaining(row -> {
                    List<Object> key = Arrays.asList(Arrays.copyOf(row, keys.size()));
                    assertThat(counts.put(key, (Long) row[keys.size()])).as("one group per key").isNull();
                });
        return counts;
    }

    /**
     * A sum beyond a long is boxed into a 38-digit column; given a column of 18 digits, it cannot fit and says so
     * rather than wrapping.
     */
    @Test
    void aSumBeyondALongIsBoxedIntoAWideColumnAndRefusedByANarrowOne() {
        try (BufferAllocator allocator = new RootAllocator(); OwnedBatches data = data(allocator)) {
            GroupedAggregation aggregation = new GroupedAggregation(data, RowFilters.all(),
                    List.of(GroupKey.column(data, 3)),
                    List.of(AggregateFunction.sum(Expressions.longColumn(6), Boxing.decimal(0), false)));
            List<Column> wide = List.of(COLUMNS.get(3), new Column("total", AthenaType.parse("decimal(38,0)")));
            List<Column> narrow = List.of(COLUMNS.get(3), new Column("total", AthenaType.parse("decimal(18,0)")));
            try (BufferAllocator results = allocator.newChildAllocator("results", 0, Long.MAX_VALUE);
                 GroupedAggregation.Groups groups = aggregation.groups(scan())) {
                List<List<Object>> expected = boxed(groups.rows());
                assertThat(expected).hasSize(3).allSatisfy(row ->
                        assertThat(((BigDecimal) row.get(1)).precision()).isGreaterThan(19));
                try (ColumnBatch batch = groups.columns(0, groups.count(), wide, results)) {
                    assertThat(read(batch, wide)).isEqualTo(expected);
                }
                assertThatThrownBy(() -> groups.columns(0, groups.count(), narrow, results))
                        .isInstanceOf(ArithmeticException.class);
            }
        }
    }
}
