package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.ByteRange;
import io.glaux.format.ColumnPredicate;
import io.glaux.format.ColumnPredicate.Op;
import io.glaux.format.ReadRequest;
import io.glaux.testing.BytesObjectSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Parquet object read in parts ({@link ParquetFormatReader#splits}, then each range opened on its own) gives the
 * rows of the object read whole, each row group once, in order; with predicates, the same row groups are skipped.
 */
class ParquetSplitsTest {

    private static final List<Column> COLUMNS = List.of(ParquetTestFiles.column("id", "bigint"),
            ParquetTestFiles.column("name", "string"), ParquetTestFiles.column("price", "decimal(12,2)"));
    private static final int ROWS = 60_000;

    private static byte[] file(long rowGroupBytes) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            rows.add(new Object[] {id, id % 7 == 0 ? null : "name-" + (id % 5000),
                    new java.math.BigDecimal(java.math.BigInteger.valueOf(id * 31 % 100_000), 2)});
        }
        return ParquetTestFiles.write(COLUMNS, rows, Map.of(ParquetFormatWriter.BLOCK_SIZE,
                String.valueOf(rowGroupBytes), ParquetFormatWriter.WRITE_COMPRESSION, "NONE"));
    }

    @Test
    void partsTogetherReadEveryRowGroupOnceInOrder() throws IOException {
        byte[] bytes = file(32 << 10);
        BytesObjectSource source = new BytesObjectSource("s3://bucket/t.parquet", bytes);
        int[] all = ParquetTestFiles.all(COLUMNS);
        int groups = OpenedParquet.footer(source).getBlocks().size();
        assertThat(groups).as("row groups").isGreaterThan(8);
        for (long target : new long[] {1, 100 << 10, bytes.length / 3}) {
            List<ByteRange> ranges = new ParquetFormatReader().splits(source,
                    new ReadRequest(COLUMNS, all, List.of(), Map.of(), null), target);
            assertThat(ranges).as("target %d", target).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(groups);
            assertThat(ranges.get(0).offset()).isZero();
            assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(bytes.length);
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i).offset()).as("contiguous").isEqualTo(ranges.get(i - 1).end());
            }
            for (List<ColumnPredicate> predicates : List.of(List.<ColumnPredicate>of(),
                    List.of(new ColumnPredicate(0, Op.GE, List.of(41_000L))))) {
                List<Object[]> parts = new ArrayList<>();
                for (ByteRange range : ranges) {
                    parts.addAll(BatchReads.read(bytes, range, COLUMNS, all, predicates, 1000).orElseThrow().rows());
                }
                List<Object[]> whole = BatchReads.read(bytes, COLUMNS, all, predicates, 1000).orElseThrow().rows();
                assertThat(Rows.comparableRows(parts)).as("target %d, %s", target, predicates)
                        .isEqualTo(Rows.comparableRows(whole));
            }
        }
    }

    @Test
    void smallObjectsAndNestedColumnsAreReadWhole() throws IOException {
        byte[] bytes = file(32 << 10);
        BytesObjectSource source = new BytesObjectSource("s3://bucket/t.parquet", bytes);
        ParquetFormatReader reader = new ParquetFormatReader();
        assertThat(reader.splits(source, new ReadRequest(COLUMNS, new int[] {0}, List.of(), Map.of(), null),
                bytes.length)).containsExactly(ByteRange.whole(bytes.length));
        List<Column> withArray = List.of(COLUMNS.get(0), ParquetTestFiles.column("tags", "array<string>"));
        assertThat(reader.splits(source, new ReadRequest(withArray, new int[] {0, 1}, List.of(), Map.of(), null),
                1)).containsExactly(ByteRange.whole(bytes.length));
    }
}
