package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import io.glaux.format.ColumnPredicate.Op;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential tests of the batch path against the row path on files written by Glaux's own writer: every type with
 * a columnar layout with NULLs, several row groups and several pages per chunk, batch sizes ending at and across
 * row-group boundaries, projections in another order, repeated and missing columns, empty files and pruning.
 */
class ParquetBatchSourceTest {

    static final int ROWS = 5_000;

    static final List<Column> COLUMNS = List.of(
            column("flag", "boolean"),
            column("tiny", "tinyint"),
            column("small", "smallint"),
            column("id", "int"),
            column("big", "bigint"),
            column("ratio", "float"),
            column("amount", "double"),
            column("price", "decimal(9,2)"),
            column("total", "decimal(18,4)"),
            column("huge", "decimal(30,5)"),
            column("day", "date"),
            column("ts", "timestamp"),
            column("raw", "binary"),
            column("category", "string"),
            column("name", "varchar(40)"),
            column("code", "char(3)"));

    static List<Object[]> rows;
    /** Small row groups and pages: many of each. */
    static byte[] manyGroups;
    /** One row group of many small pages. */
    static byte[] onePagedGroup;

    @BeforeAll
    static void writeFiles() {
        Random random = new Random(15);
        String[] categories = {"books", "garden", "kitchen", "toys", "tools"};
        rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            boolean nulls = random.nextInt(10) == 0;
            Object[] row = {
                    random.nextBoolean(), (byte) random.nextInt(), (short) random.nextInt(), i,
                    random.nextLong(), random.nextFloat() * 100, random.nextGaussian() * 1e6,
                    BigDecimal.valueOf(random.nextInt(1_000_000_000) - 500_000_000, 2),
                    BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000_000L, 4),
                    new BigDecimal(new java.math.BigInteger(90, random), 5).negate(),
                    19_000 + random.nextInt(2_000), 1_700_000_000_000L + random.nextInt(),
                    new ByteString(new byte[] {(byte) i, (byte) (i >> 8), 0, -1}),
                    categories[random.nextInt(categories.length)], "customer-\u00e9\u4e2d-" + random.nextInt(100_000),
                    "c" + random.nextInt(30)};
            if (nulls) {
                for (int c = 0; c < row.length; c++) {
                    if (c != 3 && random.nextBoolean()) {
                        row[c] = null;
                    }
                }
            }
            rows.add(row);
        }
        manyGroups = ParquetTestFiles.write(COLUMNS, rows,
                Map.of("write_compression", "SNAPPY", "parquet.block.size", "32768", "parquet.page.size", "4096"));
        onePagedGroup = ParquetTestFiles.write(COLUMNS, rows,
                Map.of("write_compression", "SNAPPY", "parquet.page.size", "2048"));
        assertThat(ParquetScanPruningTest.rowGroups(manyGroups)).isGreaterThan(3);
        assertThat(ParquetScanPruningTest.rowGroups(onePagedGroup)).isEqualTo(1);
    }

    static List<Integer> groupSizes(byte[] bytes) throws Exception {
        return ParquetRoundTripTest.footer(bytes).getBlocks().stream().map(b -> (int) b.getRowCount()).toList();
    }

    @Test
    void everyTypeWithNullsInBatchesOfAnySize() throws Exception {
        int firstGroup = groupSizes(manyGroups).get(0);
        for (int maxRows : new int[] {1, 7, firstGroup, firstGroup + 1, 4_096, 100_000}) {
            BatchReads.Result result = BatchReads.assertSameAsRows(manyGroups, COLUMNS, ParquetTestFiles.all(COLUMNS),
                    List.of(), maxRows);
            assertThat(result.rows()).hasSize(ROWS);
        }
        BatchReads.assertSameAsRows(onePagedGroup, COLUMNS, ParquetTestFiles.all(COLUMNS), List.of(), 1_000);
    }

    /**
     * Read into memory that held other bytes ({@link BatchReads} reads into such memory and checks every NULL's slot),
     * a batch's values are written over all of it: NULLs in plain and dictionary pages of each width, and strings as
     * dictionary ids.
     */
    @Test
    void everyNullsSlotIsZeroInMemoryThatHeldOtherBytes() throws Exception {
        int rows = 20_000;
        List<Column> columns = List.of(column("big", "bigint"), column("id", "int"), column("day", "date"),
                column("price", "decimal(9,2)"), column("tiny", "tinyint"), column("category", "string"));
        Random random = new Random(3);
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean nulls = random.nextInt(8) == 0;
            values.add(new Object[] {
                    nulls ? null : random.nextLong(), nulls ? null : random.nextInt(50),
                    nulls ? null : 19_000 + random.nextInt(2_000),
                    nulls ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                    nulls ? null : (byte) random.nextInt(), nulls ? null : "c" + random.nextInt(5)});
        }
        byte[] file = ParquetTestFiles.write(columns, values, Map.of("write_compression", "SNAPPY"));

        BatchReads.Result result = BatchReads.assertSameAsRows(file, columns, new int[] {0, 1, 2, 3, 4, 5}, List.of(),
                rows);

        assertThat(result.dictionaries()).allSatisfy(used -> assertThat(used[5]).isNotNull());
        assertThat(result.nullSlots()).isGreaterThan(6 * rows / 10);
    }

    @Test
    void batchesEndAtRowGroupBoundaries() throws Exception {
        List<Integer> groups = groupSizes(manyGroups);
        BatchReads.Result whole = BatchReads.assertSameAsRows(manyGroups, COLUMNS, new int[] {3}, List.of(), 1_000_000);
        assertThat(whole.batchSizes()).isEqualTo(groups);

        int maxRows = 7;
        List<Integer> expected = new ArrayList<>();
        for (int group : groups) {
            for (int left = group; left > 0; left -= maxRows) {
                expected.add(Math.min(left, maxRows));
            }
        }
        BatchReads.Result sevens = BatchReads.assertSameAsRows(manyGroups, COLUMNS, new int[] {3, 13}, List.of(),
                maxRows);
        assertThat(sevens.batchSizes()).isEqualTo(expected);
    }

    @Test
    void dictionaryStringsShareOneDictionaryPerChunk() throws Exception {
        BatchReads.Result result = BatchReads.assertSameAsRows(manyGroups, COLUMNS, new int[] {13, 3}, List.of(), 50);
        int groups = groupSizes(manyGroups).size();
        assertThat(result.batchesWithIds()).isEqualTo(result.batchSizes().size());
        assertThat(result.distinctDictionaries()).isEqualTo(groups);
        assertThat(result.dictionaries()).allSatisfy(d -> assertThat(d[1]).isNull());
    }

    @Test
    void projectionInAnotherOrderWithARepeatedColumn() throws Exception {
        int[] projection = {14, 3, 0, 9, 3, 13, 11, 13};
        for (int maxRows : new int[] {1, 333}) {
            BatchReads.assertSameAsRows(manyGroups, COLUMNS, projection, List.of(), maxRows);
        }
    }

    @Test
    void columnsTheFileLacksAreNull() throws Exception {
        List<Column> wider = new ArrayList<>(COLUMNS);
        wider.add(column("added", "string"));
        wider.add(column("added_total", "decimal(20,2)"));
        BatchReads.Result some = BatchReads.assertSameAsRows(manyGroups, wider, new int[] {16, 3, 17}, List.of(), 999);
        assertThat(some.rows()).hasSize(ROWS).allSatisfy(row -> assertThat(row[0]).isNull());

        BatchReads.Result none = BatchReads.assertSameAsRows(manyGroups, wider, new int[] {17, 16}, List.of(), 999);
        assertThat(none.rows()).hasSize(ROWS);
        assertThat(none.batchSizes().get(0)).isEqualTo(999);
    }

    @Test
    void noColumnsGiveRowCountsOnly() throws Exception {
        BatchReads.Result none = BatchReads.assertSameAsRows(manyGroups, COLUMNS, new int[0], List.of(), 2_000);
        assertThat(none.batchSizes()).containsExactly(2_000, 2_000, 1_000);
    }

    @Test
    void emptyFileGivesNoBatches() throws Exception {
        byte[] empty = ParquetTestFiles.write(COLUMNS, List.of(), Map.of());
        BatchReads.Result result = BatchReads.assertSameAsRows(empty, COLUMNS, ParquetTestFiles.all(COLUMNS),
                List.of(), 10);
        assertThat(result.batchSizes()).isEmpty();
    }

    @Test
    void prunesRowGroupsAndPagesAsTheRowPathDoes() throws Exception {
        List<List<ColumnPredicate>> cases = List.of(
                List.of(new ColumnPredicate(3, Op.GE, List.of(4_500))),
                List.of(new ColumnPredicate(3, Op.EQ, List.of(1_234))),
                List.of(new ColumnPredicate(3, Op.LT, List.of(100)), new ColumnPredicate(13, Op.EQ, List.of("toys"))),
                List.of(new ColumnPredicate(3, Op.IN, List.of(7, 2_000, 4_999))));
        for (List<ColumnPredicate> predicates : cases) {
            for (byte[] file : List.of(manyGroups, onePagedGroup)) {
                BatchReads.Result result = BatchReads.assertSameAsRows(file, COLUMNS, ParquetTestFiles.all(COLUMNS),
                        predicates, 64);
                assertThat(result.rows().size()).as(predicates.toString()).isLessThan(ROWS);
            }
        }
    }

    @Test
    void nestedColumnsAreDeclined() throws Exception {
        List<Column> columns = List.of(column("id", "int"), column("tags", "array<string>"));
        byte[] bytes = ParquetTestFiles.write(columns, List.<Object[]>of(new Object[] {1, List.of("a")}), Map.of());
        assertThat(BatchReads.read(bytes, columns, new int[] {0, 1}, List.of(), 10)).isEmpty();
        assertThat(BatchReads.read(bytes, columns, new int[] {0}, List.of(), 10)).isPresent();
    }
}
