package io.glaux.format.csv;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.ByteRange;
import io.glaux.format.ReadRequest;
import io.glaux.testing.BytesObjectSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LazySimpleSerDe object read in parts ({@link CsvFormatReader#splits}, each range opened on its own) gives the
 * rows of the object read whole, in order, whatever bytes the parts are cut at; objects whose records cannot be
 * found from the middle (gzip, header lines, an escape character, OpenCSVSerde) are read whole.
 */
class LazySimpleSplitsTest {

    private static final String LAZY = StorageDescriptor.LAZY_SIMPLE_SERDE;
    private static final List<Column> COLUMNS = columns("id", "bigint", "name", "string", "price", "decimal(12,2)",
            "day", "date");

    private final CsvFormatReader reader = new CsvFormatReader();
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private static String text(int rows, String newline) {
        Random random = new Random(rows);
        StringBuilder text = new StringBuilder();
        String[] names = {"é", "😀 wide", "", "\\N", "plain", "x,y"};
        for (int id = 0; id < rows; id++) {
            text.append(id).append(',').append(names[random.nextInt(names.length)]).append(',')
                    .append(random.nextInt(100_000) / 100.0).append(',').append(id % 9 == 0 ? "bad" : "1995-03-0"
                            + (1 + id % 9)).append(id % 5 == 0 ? "" : ",extra").append(newline);
        }
        return text.toString();
    }

    @Test
    void partsCutAnywhereTogetherReadEveryRecordOnceInOrder() {
        for (String newline : List.of("\n", "\r\n")) {
            byte[] bytes = text(5000, newline).getBytes(StandardCharsets.UTF_8);
            BytesObjectSource source = new BytesObjectSource("s3://bucket/t.csv", bytes);
            ReadRequest request = request(COLUMNS, new int[] {3, 0, 1}, Map.of("field.delim", ","), LAZY);
            List<List<Object>> whole = BatchReading.readBatches(reader, source, request, allocator, 256,
                    new ArrayList<>());
            assertThat(whole).hasSize(5000);
            for (long target : new long[] {97, 777, 10_000, bytes.length / 2}) {
                List<ByteRange> ranges = reader.splits(source, request, target);
                assertThat(ranges).hasSizeGreaterThan(1);
                assertThat(ranges.get(0).offset()).isZero();
                assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(bytes.length);
                List<List<Object>> parts = new ArrayList<>();
                for (ByteRange range : ranges) {
                    parts.addAll(BatchReading.readBatches(reader, source, range, request, allocator, 256,
                            new ArrayList<>()));
                }
                assertThat(parts).as("%s cut into %d parts", newline.length(), ranges.size()).isEqualTo(whole);
            }
        }
    }

    @Test
    void objectsWhoseRecordsCannotBeFoundFromTheMiddleAreReadWhole() {
        byte[] bytes = text(2000, "\n").getBytes(StandardCharsets.UTF_8);
        ByteRange whole = ByteRange.whole(bytes.length);
        BytesObjectSource plain = new BytesObjectSource("s3://bucket/t.csv", bytes);
        Map<String, String> comma = Map.of("field.delim", ",");
        assertThat(reader.splits(new BytesObjectSource("s3://bucket/t.csv.gz", bytes),
                request(COLUMNS, comma, LAZY), 100)).containsExactly(whole);
        assertThat(reader.splits(plain, request(COLUMNS, Map.of("field.delim", ",", "skip.header.line.count", "1"),
                LAZY), 100)).containsExactly(whole);
        assertThat(reader.splits(plain, request(COLUMNS, Map.of("field.delim", ",", "escape.delim", "\\"), LAZY),
                100)).containsExactly(whole);
        assertThat(reader.splits(plain, request(COLUMNS, Map.of(), StorageDescriptor.OPEN_CSV_SERDE), 100))
                .containsExactly(whole);
        assertThat(reader.splits(plain, request(COLUMNS, comma, LAZY), bytes.length)).containsExactly(whole);
        assertThat(reader.splits(plain, request(COLUMNS, comma, LAZY), 100)).hasSizeGreaterThan(1);
    }
}
