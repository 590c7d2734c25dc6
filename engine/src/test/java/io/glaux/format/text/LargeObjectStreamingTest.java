package io.glaux.format.text;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.RowSource;
import io.glaux.format.csv.CsvFormatReader;
import io.glaux.format.json.JsonFormatReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads 50 MB objects whose bytes are generated as they are read, counting rows; the heap retained half way through
 * must stay far below the object's size, so the readers hold neither the bytes nor the rows.
 */
class LargeObjectStreamingTest {

    private static final long TARGET_BYTES = 50L * 1024 * 1024;
    private static final List<Column> COLUMNS = columns("id", "bigint", "name", "string", "amount", "double");

    private static void assertStreams(FormatReader reader, String library, Map<String, String> parameters,
                                      LongFunction<String> line) throws IOException {
        int lineBytes = line.apply(0).length() + 1;
        long lines = TARGET_BYTES / lineBytes;
        ObjectSource source = new GeneratedObjectSource("s3://b/big", lines,
                i -> line.apply(i).getBytes(StandardCharsets.UTF_8));
        long baseline = usedHeapAfterGc();
        long count = 0;
        long retainedHalfWay = -1;
        try (RowSource rows = reader.open(source, request(COLUMNS, new int[] {0}, parameters, library))) {
            Object[] row;
            while ((row = rows.next()) != null) {
                if (count == lines / 2) {
                    assertThat(row[0]).isEqualTo(count);
                    retainedHalfWay = usedHeapAfterGc() - baseline;
                }
                count++;
            }
        }
        assertThat(count).isEqualTo(lines);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Fixed-width lines, so the line count follows from the size. */
    private static String padded(long i) {
        return String.format("%012d", i);
    }

    @Test
    void lazySimpleSerDeStreamsALargeObject() throws IOException {
        assertStreams(new CsvFormatReader(), StorageDescriptor.LAZY_SIMPLE_SERDE, Map.of("field.delim", ","),
                i -> padded(i) + ",name number " + padded(i) + ",12345.678");
    }

    @Test
    void openCsvSerDeStreamsALargeObject() throws IOException {
        assertStreams(new CsvFormatReader(), StorageDescriptor.OPEN_CSV_SERDE, Map.of(),
                i -> "\"" + padded(i) + "\",\"name, number " + padded(i) + "\",\"12345.678\"");
    }

    @Test
    void jsonStreamsALargeObject() throws IOException {
        assertStreams(new JsonFormatReader(), StorageDescriptor.OPENX_JSON_SERDE, Map.of(),
                i -> "{\"id\":\"" + padded(i) + "\",\"name\":\"n " + padded(i) + "\",\"amount\":12345.678}");
    }
}
