package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import io.glaux.format.ColumnPredicate.Op;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;

/** Projection and predicate pushdown: fewer bytes read, the same rows after the engine re-applies the filter. */
class ParquetScanPruningTest {

    static final int ROWS = 40_000;
    static final long DAY_MILLIS = 86_400_000L;
    static final long BASE_TS = 1_700_000_000_000L;
    static final int BASE_DAY = 19_000;
    static final String[] CATEGORIES = {"books", "garden", "kitchen", "toys"};

    static final List<Column> COLUMNS = List.of(
            column("id", "bigint"),
            column("name", "string"),
            column("amount", "double"),
            column("day", "date"),
            column("ts", "timestamp"),
            column("category", "string"),
            column("price", "decimal(9,2)"),
            column("note", "string"));

    static List<Object[]> rows;
    static byte[] manyRowGroups;
    static byte[] onePagedRowGroup;

    @BeforeAll
    static void writeFiles() {
        rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            long id = i;
            rows.add(new Object[] {id, "customer-" + Long.toString(id * 2_654_435_761L % 1_000_003L, 36),
                    (id * 37 % 1000) / 10.0, BASE_DAY + i / 1000, BASE_TS + id * 1000,
                    CATEGORIES[i / 10_000], BigDecimal.valueOf(id % 10_000, 2), i % 7 == 0 ? null : "n" + i % 13});
        }
        manyRowGroups = ParquetTestFiles.write(COLUMNS, rows,
                Map.of("write_compression", "SNAPPY", "parquet.block.size", "65536"));
        onePagedRowGroup = ParquetTestFiles.write(COLUMNS, rows,
                Map.of("write_compression", "SNAPPY", "parquet.page.size", "2048"));
        assertThat(rowGroups(manyRowGroups)).isGreaterThan(8);
        assertThat(rowGroups(onePagedRowGroup)).isEqualTo(1);
    }

    static int rowGroups(byte[] bytes) {
        try {
            return ParquetRoundTripTest.footer(bytes).getBlocks().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Scan(List<Object[]> rows, long bytesRead) {
    }

    static Scan scan(byte[] bytes, int[] projection, List<ColumnPredicate> predicates) throws Exception {
        BytesObjectSource source = new BytesObjectSource("s3://bucket/orders/part-0.snappy.parquet", bytes);
        List<Object[]> read = ParquetTestFiles.read(source, COLUMNS, projection, predicates);
        return new Scan(read, source.bytesRead());
    }

    /** Re-applies a filter the way the engine does and compares with filtering the rows written. */
    static void assertSameRowsAfterFilter(List<Object[]> read, int[] projection, Predicate<Object[]> onWritten,
                                          Predicate<Object[]> onRead) {
        List<List<Object>> expected = rows.stream().filter(onWritten)
                .map(row -> Arrays.stream(projection).mapToObj(i -> row[i]).toList()).toList();
        List<List<Object>> actual = read.stream().filter(onRead).map(Arrays::asList).toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void readsOnlyTheProjectedColumns() throws Exception {
        Scan full = scan(manyRowGroups, ParquetTestFiles.all(COLUMNS), List.of());
        Scan two = scan(manyRowGroups, new int[] {5, 0}, List.of());

        assertThat(full.rows()).hasSize(ROWS);
        assertThat(two.rows()).hasSize(ROWS);
        assertThat(two.bytesRead()).isLessThan(full.bytesRead() / 3);
        assertSameRowsAfterFilter(two.rows(), new int[] {5, 0}, row -> true, row -> true);
    }

    @Test
    void projectionMayRepeatAColumnAndReadNone() throws Exception {
        Scan repeated = scan(manyRowGroups, new int[] {0, 0}, List.of());
        assertThat(repeated.rows().get(7)).containsExactly(7L, 7L);

        Scan none = scan(manyRowGroups, new int[0], List.of());
        assertThat(none.rows()).hasSize(ROWS).allSatisfy(row -> assertThat(row).isEmpty());
        assertThat(none.bytesRead()).isLessThan(manyRowGroups.length / 10);
    }

    @Test
    void skipsRowGroupsByStatistics() throws Exception {
        int[] projection = {0, 1, 2};
        List<ColumnPredicate> predicates = List.of(new ColumnPredicate(0, Op.GE, List.of(36_000L)));
        Scan full = scan(manyRowGroups, projection, List.of());
        Scan filtered = scan(manyRowGroups, projection, predicates);

        assertThat(filtered.rows().size()).isLessThan(ROWS / 5).isGreaterThanOrEqualTo(4_000);
        assertThat(filtered.bytesRead()).isLessThan(full.bytesRead() / 4);
        assertSameRowsAfterFilter(filtered.rows(), projection, row -> (Long) row[0] >= 36_000L,
                row -> (Long) row[0] >= 36_000L);
    }

    @Test
    void skipsPagesByColumnIndex() throws Exception {
        int[] projection = {0, 4};
        List<ColumnPredicate> predicates = List.of(new ColumnPredicate(0, Op.EQ, List.of(12_345L)));
        Scan full = scan(onePagedRowGroup, projection, List.of());
        Scan filtered = scan(onePagedRowGroup, projection, predicates);

        assertThat(filtered.rows().size()).isLessThan(ROWS / 10);
        assertThat(filtered.bytesRead()).isLessThan(full.bytesRead() / 4);
        assertSameRowsAfterFilter(filtered.rows(), projection, row -> row[0].equals(12_345L),
                row -> row[0].equals(12_345L));
    }

    @Test
    void pushesComparisonsOnEveryPrimitiveKind() throws Exception {
        int[] projection = ParquetTestFiles.all(COLUMNS);
        record Case(ColumnPredicate predicate, Predicate<Object[]> test) {
        }
        List<Case> cases = List.of(
                new Case(new ColumnPredicate(5, Op.IN, Arrays.asList("toys", null, "zzz")),
                        row -> row[5].equals("toys")),
                new Case(new ColumnPredicate(5, Op.EQ, List.of("books")), row -> row[5].equals("books")),
                new Case(new ColumnPredicate(3, Op.LT, List.of(BASE_DAY + 5)), row -> (Integer) row[3] < BASE_DAY + 5),
                new Case(new ColumnPredicate(4, Op.GT, List.of(BASE_TS + 39_000_000L)),
                        row -> (Long) row[4] > BASE_TS + 39_000_000L),
                new Case(new ColumnPredicate(4, Op.LE, List.of(BASE_TS + 999_000L)),
                        row -> (Long) row[4] <= BASE_TS + 999_000L),
                new Case(new ColumnPredicate(0, Op.IN, List.of(5L, 39_999L)),
                        row -> row[0].equals(5L) || row[0].equals(39_999L)),
                new Case(new ColumnPredicate(0, Op.LT, List.of(3_000L)), row -> (Long) row[0] < 3_000L));
        Scan full = scan(manyRowGroups, projection, List.of());
        for (Case c : cases) {
            Scan filtered = scan(manyRowGroups, projection, List.of(c.predicate()));
            assertThat(filtered.bytesRead()).as(c.predicate().toString()).isLessThan(full.bytesRead() / 2);
            assertSameRowsAfterFilter(filtered.rows(), projection, c.test(), c.test());
        }
    }

    /**
     * A value within a row group's min and max that its dictionary lacks: the group is skipped by its dictionary, for
     * an equality and for IN. Row groups of 2,000 rows alternate between holding "a" and "z", and holding "m".
     */
    @Test
    void skipsRowGroupsWhoseDictionaryLacksTheValue() throws Exception {
        List<Column> columns = List.of(column("id", "bigint"), column("code", "string"));
        MessageType schema = MessageTypeParser.parseMessageType(
                "message t { required int64 id; required binary code (STRING); }");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withRowGroupRowCountLimit(2_000)
                .build()) {
            for (int i = 0; i < 40_000; i++) {
                String code = i / 2_000 % 2 == 0 ? (i % 2 == 0 ? "a" : "z") : "m";
                writer.write(groups.newGroup().append("id", (long) i).append("code", code));
            }
        }
        byte[] file = out.toByteArray();
        assertThat(rowGroups(file)).isEqualTo(20);
        int[] projection = {0, 1};

        for (ColumnPredicate predicate : List.of(new ColumnPredicate(1, Op.EQ, List.of("m")),
                new ColumnPredicate(1, Op.IN, List.of("m", "q")))) {
            BytesObjectSource source = new BytesObjectSource("s3://bucket/codes/part-0.parquet", file);
            List<Object[]> read = ParquetTestFiles.read(source, columns, projection, List.of(predicate));

            // The reader hands over every row of a group it keeps (the engine filters them): only "m" groups were.
            assertThat(read).as(predicate.toString()).hasSize(20_000).allMatch(row -> row[1].equals("m"));
        }
    }

    @Test
    void keepsEveryMatchingRowForPredicatesItCannotUseFully() throws Exception {
        int[] projection = ParquetTestFiles.all(COLUMNS);
        record Case(ColumnPredicate predicate, Predicate<Object[]> test) {
        }
        List<Case> cases = List.of(
                new Case(new ColumnPredicate(7, Op.IS_NULL, List.of()), row -> row[7] == null),
                new Case(new ColumnPredicate(7, Op.IS_NOT_NULL, List.of()), row -> row[7] != null),
                new Case(new ColumnPredicate(7, Op.NE, List.of("n3")), row -> row[7] != null && !row[7].equals("n3")),
                new Case(new ColumnPredicate(6, Op.GE, List.of(new BigDecimal("99.50"))),
                        row -> ((BigDecimal) row[6]).compareTo(new BigDecimal("99.50")) >= 0),
                new Case(new ColumnPredicate(2, Op.LE, List.of(0.5)), row -> (Double) row[2] <= 0.5),
                new Case(new ColumnPredicate(0, Op.EQ, List.of(7)), row -> row[0].equals(7L)),
                new Case(new ColumnPredicate(5, Op.GT, List.of("\uFFFF")), row -> ((String) row[5]).compareTo("\uFFFF") > 0));
        for (Case c : cases) {
            Scan filtered = scan(manyRowGroups, projection, List.of(c.predicate()));
            assertSameRowsAfterFilter(filtered.rows(), projection, c.test(), c.test());
        }
    }

    @Test
    void ignoresPredicatesOnColumnsNotProjected() throws Exception {
        int[] projection = {1};
        Scan filtered = scan(manyRowGroups, projection, List.of(new ColumnPredicate(0, Op.EQ, List.of(3L))));
        assertThat(filtered.rows()).hasSize(ROWS);
        assertThat(filtered.rows().stream().map(row -> row[0]).filter(Objects::isNull)).isEmpty();
    }
}
