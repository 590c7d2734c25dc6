package io.glaux.format.csv;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.GlauxException;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.text.TestRows;
import io.glaux.testing.BytesObjectSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Differential tests: {@link CsvFormatReader#openBatches} against {@link CsvFormatReader#open}, the trusted row path,
 * on the same objects and requests.
 */
class LazySimpleBatchSourceTest {

    private static final String LAZY = StorageDescriptor.LAZY_SIMPLE_SERDE;
    private static final Map<String, String> COMMA = Map.of("field.delim", ",");

    /** One column of every type the batches hold. */
    private static final List<Column> EVERY_TYPE = columns("b", "boolean", "ti", "tinyint", "si", "smallint",
            "i", "int", "bi", "bigint", "f", "float", "d", "double", "dec", "decimal(15,2)",
            "wide", "decimal(25,3)", "dt", "date", "ts", "timestamp", "bin", "binary", "c", "char(3)",
            "vc", "varchar(4)", "s", "string");

    private final CsvFormatReader reader = new CsvFormatReader();
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private List<List<Object>> same(String text, List<Column> columns, Map<String, String> parameters, int maxRows) {
        return same(BytesObjectSource.of(text), request(columns, parameters, LAZY), maxRows);
    }

    private List<List<Object>> same(ObjectSource source, ReadRequest request, int maxRows) {
        return BatchReading.assertSameRows(reader, source, request, allocator, maxRows);
    }

    private static String line(String... fields) {
        return String.join(",", fields) + "\n";
    }

    @Test
    void everyTypeWithItsNullsReadsAsTheRowPathReadsIt() {
        String text = line("true", "1", "2", "3", "4", "1.5", "2.25", "12.34", "1234567890123456789012.5",
                "2020-02-29", "2020-01-02 03:04:05.678", "aGVsbG8=", "abcd", "héllo", "x")
                + line("", "", "", "", "", "", "", "", "", "", "", "", "", "", "")
                + line("\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N",
                "\\N", "\\N")
                + line("FALSE", "-128", "-32768", "-2147483648", "-9223372036854775808", "-0", "-0.0", "-0.01",
                "-0", "1970-01-01", "1970-01-01 00:00:00", "not base64!", "a  ", "日本語です", "");
        List<List<Object>> rows = same(text, EVERY_TYPE, COMMA, 1024);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).containsOnlyNulls();
        assertThat(rows.get(1).get(14)).as("an empty string field is an empty string").isEqualTo("");
    }

    @Test
    void customNullTextIsNullForEveryTypeAndTheDefaultIsThenAValue() {
        String text = line("NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                "NULL", "NULL", "NULL", "NULL") + line("\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N",
                "\\N", "\\N", "\\N", "\\N", "\\N", "\\N");
        List<List<Object>> rows = same(text, EVERY_TYPE, Map.of("field.delim", ",",
                "serialization.null.format", "NULL"), 1024);
        assertThat(rows.get(0)).containsOnlyNulls();
        assertThat(rows.get(1).get(14)).isEqualTo("\\N");
        List<List<Object>> emptyIsNull = same(",x\n", columns("a", "string", "b", "string"),
                Map.of("field.delim", ",", "serialization.null.format", ""), 3);
        assertThat(emptyIsNull).containsExactly(Arrays.asList(null, "x"));
    }

    @Test
    void numbersThatDoNotParseOrDoNotFitAreNullAsInTheRowPath() {
        List<Column> columns = columns("ti", "tinyint", "si", "smallint", "i", "int", "bi", "bigint",
                "d", "double", "f", "float", "dec", "decimal(4,1)", "wide", "decimal(20,2)");
        String[] values = {"abc", "128", "-129", "32768", "2147483648", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "00000000000000000000000042", "+7", "+", "-", " 1",
                "1 ", "1.5", "1e3", "1E-2", "0x10", "1d", "2f", "NaN", "Infinity", "-Infinity", "1e400", ".5", "5.",
                ".", "999.95", "999.94", "-999.95", "12.25", "12.35", "0.05", "1.23456789012345678901",
                "123456789012345678", "1234567890123456789", "0.1", "0.3", "3.141592653589793",
                "0.0000000000000000000000001", "1234567.25", "١٢", "1_000", "+.5", "-.5", "00.010", "1000", "-1000",
                "9999999999999999999", "99999999999999999999"};
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            text.append(String.join(",", value, value, value, value, value, value, value, value)).append('\n');
        }
        same(text.toString(), columns, COMMA, 10);
    }

    @Test
    void datesTimestampsBooleansAndBinaryInEveryAcceptedAndRejectedSpelling() {
        List<Column> columns = columns("dt", "date", "ts", "timestamp", "b", "boolean", "bin", "binary");
        String[] values = {"2020-01-02", "2020-1-2", "2020-02-30", "2021-02-29", "2000-02-29", "1900-02-29",
                "0000-01-01", "9999-12-31", "2020-04-31", "2020-06-31", "2020-09-31", "2020-11-31", "2020-12-31",
                "2020-00-10", "2020-01-00", "99999-01-01", "-2020-01-01", "2020-01-02 03:04:05", "2020-01-02 03:04",
                "2020-01-02T03:04:05", "2020-01-02 03:04:05.1", "2020-01-02 03:04:05.12345", "2020-01-02 03:04:05.9995",
                "2020-01-02 03:04:05.123456789", "2020-01-02 03:04:05.1234567890", "2020-01-02 03:04:05.",
                "2020-01-02 24:00:00", "2020-01-02 23:60:00", "2020-01-02 23:59:60", "2020-01-02 03:04:05Z",
                "2020-01-02 03:04:05+05:30", "2020-01-02 03:04:05-0800", "2020-01-02 03:04:05 ",
                "1969-12-31 23:59:59.999",
                "true", "TRUE", "False", "yes", "1", "falſe", "tru", "aGVsbG8=", "aGVsbG8", "YQ==\r\nYg==", ""};
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            text.append(line(value, value, value, value));
        }
        same(text.toString(), columns, COMMA, 5);
    }

    @Test
    void charAndVarcharAreCutToTheirLengthInCodePoints() {
        List<Column> columns = columns("c", "char(3)", "v", "varchar(3)", "c1", "char(1)", "s", "string");
        String text = line("ab ", "ab ", " ", "  ") + line("abcdef", "abcdef", "xy", "z")
                + line("日本語です", "日本語です", "語", "語") + line("a😀b😀", "a😀b😀", "😀😀", "😀")
                + line("a  b", "a  b", "   ", "é");
        List<List<Object>> rows = same(text, columns, COMMA, 2);
        assertThat(rows.get(0)).containsExactly("ab", "ab ", "", "  ");
    }

    @Test
    void missingTrailingFieldsAreNullAndExtraFieldsIgnored() {
        List<Column> columns = columns("a", "int", "b", "string", "c", "double", "d", "date");
        same("1\n1,x\n1,x,2.5,2020-01-01,extra,more\n\n,,\n", columns, COMMA, 2);
    }

    @Test
    void projectionsInAnotherOrderWithRepeatsAndSkippedColumns() {
        List<Column> columns = columns("a", "int", "b", "string", "c", "decimal(10,2)", "d", "array<int>",
                "e", "bigint");
        String text = "1,x,2.50,1\u00022,9\n2,y,3,,10\n3\n";
        for (int[] projection : new int[][] {{4, 0}, {2, 2, 1}, {4}, {1, 4, 0, 2}, {}}) {
            same(BytesObjectSource.of(text), TestRows.request(columns, projection, COMMA, LAZY), 2);
        }
    }

    @Test
    void noProjectedColumnsStillCountsRows() {
        List<List<Object>> rows = same(BytesObjectSource.of("a\nb\n\nc"),
                TestRows.request(columns("a", "string"), new int[0], COMMA, LAZY), 2);
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row).isEmpty());
    }

    @Test
    void headerLinesAreSkippedAndMayBeAllThereIs() {
        Map<String, String> parameters = Map.of("field.delim", ",", "skip.header.line.count", "2");
        List<Column> columns = columns("a", "int", "b", "string");
        assertThat(same("a,b\nint,string\n1,x\n2,y\n", columns, parameters, 1)).hasSize(2);
        assertThat(same("a,b\nint,string\n", columns, parameters, 1)).isEmpty();
        assertThat(same("a,b\n", columns, parameters, 1)).isEmpty();
    }

    @Test
    void lineEndsCrlfALastLineWithoutNewlineAndEmptyObjects() {
        List<Column> columns = columns("a", "int", "b", "string");
        assertThat(same("1,x\r\n2,y\r\n3,z", columns, COMMA, 7)).hasSize(3);
        assertThat(same("1,a\rb\r\n2,\r\r\n\r", columns, COMMA, 7)).hasSize(3);
        assertThat(same("", columns, COMMA, 7)).isEmpty();
        assertThat(same("\n", columns, COMMA, 7)).hasSize(1);
        assertThat(same("\n\n\n", columns, COMMA, 1)).hasSize(3);
    }

    @Test
    void batchesEndExactlyAtTheBatchSize() {
        List<Column> columns = columns("a", "int", "b", "string");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 42; i++) {
            text.append(i).append(",row ").append(i).append('\n');
        }
        for (int maxRows : new int[] {1, 7, 6, 14, 42, 41, 43, 5000}) {
            assertThat(same(text.toString(), columns, COMMA, maxRows)).hasSize(42);
        }
    }

    /**
     * Batches are decoded a chunk of records at a time: batches of several chunks, NULLs and values that do not read
     * across chunk boundaries, vectors that grow past the size of the batch before and strings long enough to
     * outgrow their first buffer.
     */
    @Test
    void batchesOfManyChunksReadAsTheRowPathReadsThem() {
        String[] pool = {"", "\\N", "7", "-12", "300", "99999999999", "1.25", "abc", "true", "2020-02-29",
                "2019-02-29", "2020-01-02 03:04:05", "aGk=", "é😀", "x".repeat(300), "long ".repeat(80)};
        Random random = new Random(19);
        StringBuilder text = new StringBuilder();
        for (int record = 0; record < 9000; record++) {
            for (int field = 0; field < EVERY_TYPE.size(); field++) {
                text.append(field == 0 ? "" : ",").append(pool[random.nextInt(pool.length)]);
            }
            text.append('\n');
        }
        for (int maxRows : new int[] {2047, 2048, 2049, 5000, 65_536}) {
            assertThat(same(text.toString(), EVERY_TYPE, COMMA, maxRows)).as("batches of %d", maxRows).hasSize(9000);
        }
    }

    /** A failure after whole chunks were decoded into a batch leaves nothing of the batch allocated. */
    @Test
    void aFailureInTheMiddleOfABatchFreesWhatItHeld() {
        byte[] object = bytes("1,x\n".repeat(5000), "bad ", 0xff, ",2\n");
        assertSameFailure(object, request(columns("a", "int", "b", "string"), COMMA, LAZY), 65_536);
    }

    @Test
    void escapedDelimitersNewlinesAndCarriageReturnsAsTheRowPathReadsThem() {
        Map<String, String> parameters = Map.of("field.delim", ",", "escape.delim", "\\");
        List<Column> columns = columns("a", "string", "b", "int", "c", "varchar(2)");
        String text = "x\\,y,1,ab\nmulti\\\nline,2,\\,\\,\\,\nends with cr\\\r,3,\\\n\\N,\\N,\\\\N\n"
                + "trailing\\,4\nnon-ascii \\é\\😀,5,\\é\\é\\é\nescaped cr last,6,\\\r\nlast\\";
        same(text, columns, parameters, 2);
        Map<String, String> crlf = Map.of("field.delim", ",", "escape.delim", "\\", "serialization.escape.crlf",
                "true");
        same("a\\rb\\nc,1\n\\r\\n,2\r\n", columns, crlf, 2);
    }

    @Test
    void delimitersFromEveryDialectSpelling() {
        List<Column> columns = columns("a", "int", "b", "string", "c", "decimal(5,2)");
        same("1|x|1.5\n2||\n", columns, Map.of("field.delim", "|"), 7);
        same("1\tx\t1.5\n", columns, Map.of("field.delim", "9"), 7);
        same("1\u0001x\u00011.5\n", columns, Map.of(), 7);
        same("1\u0001x\u00011.5\n", columns, Map.of("serialization.format", "1"), 7);
    }

    @Test
    void gzipObjectsAreDecompressed() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i).append('|').append(i * 0.25).append("|naïve ").append(i).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<Column> columns = columns("a", "int", "b", "decimal(10,2)", "c", "string");
        ReadRequest request = request(columns, Map.of("field.delim", "|"), LAZY);
        assertThat(same(new BytesObjectSource("s3://bucket/data/part-0.gz", bytes.toByteArray()), request, 1000))
                .hasSize(5000);
    }

    @Test
    void recordsLongerThanTheReadBufferAndManyBufferBoundaries() {
        List<Column> columns = columns("a", "string", "b", "int");
        String longField = "é".repeat(100_000) + "x".repeat(70_001);
        StringBuilder text = new StringBuilder(longField).append(",1\n");
        for (int i = 0; i < 30_000; i++) {
            text.append("ü").append(i).append(',').append(i).append('\n');
        }
        text.append(longField).append(",2");
        assertThat(same(text.toString(), columns, COMMA, 4096)).hasSize(30_002);
    }

    @Test
    void malformedUtf8FailsAsInTheRowPathNamingTheSameLineAndOffset() {
        List<Column> columns = columns("a", "string", "b", "int");
        byte[][] objects = {
            bytes("ok,1\nbad ", 0xff, ",2\n"),
            bytes("ok,1\nskipped column is checked too,", 0xc3, "\n"),
            bytes("ok,1\nsurrogate ", 0xed, 0xa0, 0x80, "\n"),
            bytes("overlong ", 0xe0, 0x80, 0x80, "\n"),
            bytes("above U+10FFFF ", 0xf4, 0x90, 0x80, 0x80, "\n"),
            bytes("truncated at the end ", 0xe6, 0x97),
            bytes("a,1\n", 0xc3, 0x28, "\n"),
        };
        Map<String, String> escaping = Map.of("field.delim", ",", "escape.delim", "\\");
        for (byte[] object : objects) {
            for (Map<String, String> parameters : List.of(COMMA, escaping)) {
                assertSameFailure(object, columns, parameters);
            }
        }
        assertSameFailure(bytes("a\\\nb\\\nc", 0xff, "\n"), columns, escaping);
        assertSameFailure(bytes("header ", 0xff, "\n1,2\n"), columns, Map.of("field.delim", ",",
                "skip.header.line.count", "1"));
    }

    private void assertSameFailure(byte[] object, List<Column> columns, Map<String, String> parameters) {
        assertSameFailure(object, request(columns, new int[] {1}, parameters, LAZY), 1);
    }

    /** Reading the object in batches of {@code maxRows} fails as reading its rows does, and frees what it held. */
    private void assertSameFailure(byte[] object, ReadRequest request, int maxRows) {
        BytesObjectSource source = new BytesObjectSource("s3://bucket/data/bad", object);
        Throwable expected = catchThrowable(() -> TestRows.readAll(reader, source, request));
        Throwable actual = catchThrowable(() -> BatchReading.readBatches(reader, source, request, allocator, maxRows,
                new ArrayList<>()));
        assertThat(expected).isInstanceOf(GlauxException.class);
        assertThat(actual).isInstanceOf(GlauxException.class).hasMessage(expected.getMessage());
        assertThat(((GlauxException) actual).type()).isEqualTo(((GlauxException) expected).type());
        assertThat(((GlauxException) actual).trinoCode()).isEqualTo(((GlauxException) expected).trinoCode());
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    @Test
    void truncatedGzipFailsAsInTheRowPath() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("1,x\n2,y\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        BytesObjectSource source = new BytesObjectSource("s3://bucket/data/part-0.gz", truncated);
        ReadRequest request = request(columns("a", "int", "b", "string"), COMMA, LAZY);
        Throwable expected = catchThrowable(() -> TestRows.readAll(reader, source, request));
        Throwable actual = catchThrowable(() -> BatchReading.readBatches(reader, source, request, allocator, 100,
                new ArrayList<>()));
        assertThat(expected).isInstanceOf(GlauxException.class);
        assertThat(actual).isInstanceOf(GlauxException.class).hasMessage(expected.getMessage())
                .hasMessageContaining("Error parsing CSV in s3://bucket/data/part-0.gz at line ");
    }

    @Test
    void declinesWhatItDoesNotDecode() throws IOException {
        BytesObjectSource source = BytesObjectSource.of("1,2\n");
        List<Column> columns = columns("a", "int", "b", "array<int>");
        assertThat(reader.openBatches(source, request(columns, COMMA, StorageDescriptor.OPEN_CSV_SERDE), allocator,
                10)).isEmpty();
        assertThat(reader.openBatches(source, request(columns, COMMA, LAZY), allocator, 10))
                .as("a projected array").isEmpty();
        assertThat(reader.openBatches(source, request(columns("a", "int"), Map.of("field.delim", "\u00fe"), LAZY),
                allocator, 10)).as("a delimiter that is not ASCII").isEmpty();
        assertThat(reader.openBatches(source, request(columns("a", "int"), Map.of("escape.delim", "\u00e9"), LAZY),
                allocator, 10)).as("an escape that is not ASCII").isEmpty();
        same(source, TestRows.request(columns, new int[] {0}, COMMA, LAZY), 10);
    }

    /**
     * Random records from a pool of good, bad and unusual field texts, over every type, several dialects and batch
     * sizes: the widest net for a difference between the two paths.
     */
    @Test
    void randomObjectsReadTheSameBothWays() {
        String[] pool = {"", "\\N", "NULL", "0", "-1", "+12", "127", "128", "-32769", "2147483647", "99999999999",
                "9223372036854775807", "-9223372036854775808", "1.5", "-0.25", "12.345", "1e3", "NaN", "abc", "true",
                "False", "2020-02-29", "2019-02-29", "2020-1-5", "2020-01-02 03:04:05", "2020-01-02 03:04:05.5678",
                "2020-01-02T03:04", "aGk=", "é", "日本語です", "😀x", "  padded  ", "a\\,b", "tail\\", "\\\\N",
                "x\r", "1234567890.125", "0.000001", ".5", "-", "9.99999999999999999"};
        List<Column> columns = EVERY_TYPE;
        Random random = new Random(15);
        List<Map<String, String>> dialects = List.of(COMMA, Map.of("field.delim", ",", "escape.delim", "\\"),
                Map.of("field.delim", ",", "serialization.null.format", "NULL", "skip.header.line.count", "1"),
                Map.of("field.delim", ",", "escape.delim", "\\", "serialization.escape.crlf", "true"));
        for (int round = 0; round < 12; round++) {
            StringBuilder text = new StringBuilder();
            int records = random.nextInt(300);
            for (int record = 0; record < records; record++) {
                int fields = random.nextInt(columns.size() + 3);
                for (int field = 0; field < fields; field++) {
                    if (field > 0) {
                        text.append(',');
                    }
                    text.append(pool[random.nextInt(pool.length)]);
                }
                text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean() && text.length() > 0) {
                text.setLength(text.length() - 1);
            }
            int[] projection = random.ints(random.nextInt(columns.size() + 1), 0, columns.size()).toArray();
            Map<String, String> parameters = dialects.get(round % dialects.size());
            same(BytesObjectSource.of(text.toString()), TestRows.request(columns, projection,
                    new HashMap<>(parameters), LAZY), 1 + random.nextInt(50));
        }
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
