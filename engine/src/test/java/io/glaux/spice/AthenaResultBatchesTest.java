package io.glaux.spice;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnVectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Differential: an Athena result object read in columns gives exactly the rows, values, dropped rows and failures of
 * reading it row by row ({@link AthenaSource#resultRows}), for every type the result CSV carries, good and bad text,
 * NULLs, empty strings, quotes, separators and newlines inside values and malformed UTF-8, whatever the batch size
 * and however the bytes arrive.
 */
class AthenaResultBatchesTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("s", AthenaType.STRING),
            new Column("v", new AthenaType.Varchar(5)),
            new Column("c", new AthenaType.Char(4)),
            new Column("b", AthenaType.BOOLEAN),
            new Column("t8", AthenaType.TINYINT),
            new Column("t16", AthenaType.SMALLINT),
            new Column("i", AthenaType.INT),
            new Column("l", AthenaType.BIGINT),
            new Column("f", AthenaType.FLOAT),
            new Column("d", AthenaType.DOUBLE),
            new Column("m", new AthenaType.Decimal(6, 2)),
            new Column("w", new AthenaType.Decimal(30, 3)),
            new Column("day", AthenaType.DATE),
            new Column("ts", AthenaType.TIMESTAMP),
            new Column("bin", AthenaType.BINARY));

    /** Per column, texts of fields: good ones in the common spelling, other spellings, and bad ones. */
    private static final String[][] TEXTS = {
            {"plain", "", "with \"quotes\"", "a,b", "two\nlines", "cr\r\nlf", "café ünï", "😀 emoji", " spaced "},
            {"short", "", "exactly", "ab", "äöü€", "toolongvalue", "ñ😀ñ😀ñ😀"},
            {"ab", "ab  ", "abcd", "abcdef", "", "   ", "é é "},
            {"true", "false", "TRUE", "False", "yes", "1", ""},
            {"0", "-128", "127", "128", "-129", "+5", "007", "1.0", "x", "", "٣"},
            {"32767", "-32768", "32768", "12", "-0", "1e2"},
            {"2147483647", "-2147483648", "2147483648", "42", " 42", "0x10"},
            {"9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678",
                    "1234567890123456789", "-1", "1_000"},
            {"1.5", "-0.25", "3.4028235E38", "1.17549435E-38", "NaN", "Infinity", "-Infinity", "0.1", "16777217",
                    "1234567.891", "1.0f", "abc", "1e400", " 2.5"},
            {"0.1", "1.7976931348623157E308", "4.9E-324", "-0.0", "NaN", "123456789012345678", "1.5d",
                    "0x1p3", "1e-400", "2.5 "},
            {"12.34", "-0.07", "9999.99", "10000.00", "1.005", "1.5", ".5", "5.", "1e2", "12345678.9", "x", "-"},
            // (Wider than the column's precision, a value cannot be stored: both ways fail the import alike.)
            {"1.5", "123456789012345678901234567.891", "-0.001", "1.0001", "1e3", "-1e-3"},
            {"2024-02-29", "2023-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "2024-2-9", "20240101",
                    "2024-13-01", "+10000-01-01"},
            {"2024-01-02 03:04:05.678", "2024-01-02 03:04:05", "2024-01-02 03:04:05.123456",
                    "2024-01-02 03:04:05.9999", "2024-01-02T03:04:05", "2024-01-02", "2024-01-02 03:04",
                    "2024-01-02 03:04:05.678 UTC", "2024-01-02 03:04:05.000 Asia/Tokyo", "2024-02-30 00:00:00.000",
                    "2024-01-02 24:00:00.000", "nope"},
            {"", "00 ff 10", "ab", "0g", "01 2"},
    };

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        assertThat(allocator.getAllocatedMemory()).as("every batch closed").isZero();
        allocator.close();
    }

    @Test
    void everyTypeAndSpellingReadsAsRowByRowWhateverTheBatchSize() throws IOException {
        byte[] object = randomObject(new Random(15), 3000, 0);
        for (int maxRows : new int[] {1, 7, 64, 4096}) {
            Read rows = readRows(object);
            assertThat(rows.dropped).as("the object has bad rows").isPositive();
            assertThat(rows.rows.size()).as("and good ones").isGreaterThan(100);
            assertThat(readBatches(object, maxRows, new Random(maxRows))).as("batches of %d", maxRows)
                    .isEqualTo(rows);
        }
    }

    /**
     * Batches are decoded a chunk of rows at a time: batches of several chunks, a chunk's rows dropped, vectors that
     * grow past the size of the batch before and strings long enough to outgrow their first buffer.
     */
    @Test
    void batchesOfManyChunksReadAsRowByRow() throws IOException {
        byte[] object = randomObject(new Random(17), 12_000, 0.01, 0.05);
        Read rows = readRows(object);
        assertThat(rows.dropped).as("the object has bad rows").isPositive();
        for (int maxRows : new int[] {2047, 2048, 2049, 5000, 65_536}) {
            assertThat(readBatches(object, maxRows, null)).as("batches of %d", maxRows).isEqualTo(rows);
        }
    }

    /** A failure after whole chunks were decoded into a batch leaves nothing of the batch allocated. */
    @Test
    void aFailureInTheMiddleOfABatchFreesWhatItHeld() throws IOException {
        byte[] good = randomObject(new Random(18), 5000, 0, 0.05);
        String broken = "\"a\"b" + ",".repeat(COLUMNS.size() - 1) + "\n";
        byte[] object = Arrays.copyOf(good, good.length + broken.length());
        System.arraycopy(broken.getBytes(StandardCharsets.UTF_8), 0, object, good.length, broken.length());
        String expected = failure(() -> readRows(object));
        assertThat(expected).isNotNull();
        assertThat(failure(() -> readBatches(object, 65_536, null))).isEqualTo(expected);
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    @Test
    void malformedUtf8AndWrongFieldCountsReadAsRowByRow() throws IOException {
        byte[] object = randomObject(new Random(16), 2000, 0.05);
        Read rows = readRows(object);
        assertThat(readBatches(object, 100, new Random(3))).isEqualTo(rows);
        assertThat(readBatches(object, 100, null)).isEqualTo(rows);
    }

    @Test
    void emptyStringsNullsAndQuotesAreToldApart() throws IOException {
        String object = header() + "\"\"," + ",".repeat(COLUMNS.size() - 2) + "\n"
                + ",".repeat(COLUMNS.size() - 1) + "\n"
                + "\"a\"\"\"\"b\"" + ",".repeat(COLUMNS.size() - 1) + "\n";
        byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
        Read batches = readBatches(bytes, 10, null);
        assertThat(batches).isEqualTo(readRows(bytes));
        assertThat(batches.rows).extracting(row -> row.get(0)).containsExactly("", null, "a\"\"b");
    }

    @Test
    void aRowWithAFieldThatDoesNotReadIsDroppedAndCounted() throws IOException {
        String good = "\"x\"" + ",".repeat(COLUMNS.size() - 1) + "\n";
        String bad = "\"x\",,,\"yes\"" + ",".repeat(COLUMNS.size() - 4) + "\n";
        byte[] bytes = (header() + good + bad + good + "\"short\",\"row\"\n").getBytes(StandardCharsets.UTF_8);
        Read batches = readBatches(bytes, 2, null);
        assertThat(batches).isEqualTo(readRows(bytes));
        assertThat(batches.rows).hasSize(2);
        assertThat(batches.dropped).isEqualTo(2);
    }

    @Test
    void textThatIsNotAResultCsvFailsAsRowByRow() throws IOException {
        String row = ",".repeat(COLUMNS.size() - 1);
        for (String broken : new String[] {"\"a\"b" + row + "\n", "x" + row + "\n", "\"open" + row + "\n",
                "\"a\"\r\n", "\"é\"é" + row + "\n"}) {
            byte[] bytes = (header() + broken).getBytes(StandardCharsets.UTF_8);
            String expected = failure(() -> readRows(bytes));
            assertThat(expected).as(broken).isNotNull();
            assertThat(failure(() -> readBatches(bytes, 10, null))).as(broken).isEqualTo(expected);
        }
    }

    /** The rows an object gives, less the unreadable ones, and how many those were. */
    private record Read(List<List<Object>> rows, long dropped) {
    }

    private Read readRows(byte[] object) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        long dropped = 0;
        try (IngestionSource.SourceRows source = AthenaSource.resultRows("result", new ByteArrayInputStream(object),
                COLUMNS, false, n -> {
                    throw new AssertionError("the row path counts no dropped rows itself");
                })) {
            assertThat(source.batches(allocator, 10)).isEmpty();
            for (Object[] row = source.next(); row != null; row = source.next()) {
                if (row == IngestionSource.SourceRows.UNREADABLE) {
                    dropped++;
                } else {
                    rows.add(Arrays.asList(row));
                }
            }
        }
        return new Read(rows, dropped);
    }

    /** Reads in columns; {@code trickle}, when given, hands the bytes over a few at a time. */
    private Read readBatches(byte[] object, int maxRows, Random trickle) throws IOException {
        InputStream in = new ByteArrayInputStream(object);
        if (trickle != null) {
            in = new Trickle(in, trickle);
        }
        List<List<Object>> rows = new ArrayList<>();
        AtomicLong dropped = new AtomicLong();
        try (IngestionSource.SourceRows source = AthenaSource.resultRows("result", in, COLUMNS, true,
                dropped::addAndGet)) {
            Optional<IngestionSource.ColumnBatches> columnar = source.batches(allocator, maxRows);
            assertThat(columnar).isPresent();
            try (IngestionSource.ColumnBatches batches = columnar.get()) {
                for (ColumnBatch batch = batches.next(); batch != null; batch = batches.next()) {
                    try (ColumnBatch open = batch) {
                        assertThat(open.rowCount()).isBetween(1, maxRows);
                        for (int row = 0; row < open.rowCount(); row++) {
                            List<Object> values = new ArrayList<>();
                            for (int column = 0; column < COLUMNS.size(); column++) {
                                values.add(ColumnVectors.get(open.vector(column), row,
                                        COLUMNS.get(column).type()));
                                if (open.vector(column) instanceof VarCharVector strings && !strings.isNull(row)) {
                                    // Malformed bytes are replaced as the row path's decoder replaces them, not
                                    // kept (reading them back as a String would hide that).
                                    byte[] stored = strings.get(row);
                                    assertThat(stored).as("well-formed UTF-8")
                                            .isEqualTo(new String(stored, StandardCharsets.UTF_8)
                                                    .getBytes(StandardCharsets.UTF_8));
                                }
                            }
                            rows.add(values);
                        }
                    }
                }
            }
        }
        return new Read(rows, dropped.get());
    }

    /** The message of the ingestion failure the action ends with, or null. */
    private static String failure(ThrowingAction action) {
        try {
            action.run();
            return null;
        } catch (IngestionFailure e) {
            return String.valueOf(e.errorInfo());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws IOException;
    }

    private static String header() {
        return String.join(",", COLUMNS.stream().map(c -> "\"" + c.name() + "\"").toList()) + "\n";
    }

    /**
     * A result object of {@code rows} rows whose fields are drawn from {@link #TEXTS} (one in ten NULL); with
     * {@code damage} > 0, that share of rows gets a field of malformed UTF-8 or one field too few or too many.
     */
    private static byte[] randomObject(Random random, int rows, double damage) throws IOException {
        return randomObject(random, rows, damage, 0);
    }

    /** As above, with {@code longShare} of the rows' first field a string of hundreds of bytes. */
    private static byte[] randomObject(Random random, int rows, double damage, double longShare)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header().getBytes(StandardCharsets.UTF_8));
        byte[][] malformed = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xe0, (byte) 0x80},
                {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0x80}};
        for (int row = 0; row < rows; row++) {
            int fields = COLUMNS.size();
            boolean damaged = random.nextDouble() < damage;
            int broken = -1;
            if (damaged) {
                switch (random.nextInt(3)) {
                    case 0 -> fields--;
                    case 1 -> fields++;
                    default -> broken = random.nextInt(fields);
                }
            }
            for (int field = 0; field < fields; field++) {
                if (field > 0) {
                    out.write(',');
                }
                String[] texts = TEXTS[Math.min(field, TEXTS.length - 1)];
                if (field != broken && random.nextInt(10) == 0) {
                    continue;
                }
                // Mostly the first (common, good) spellings, so that most rows read.
                String text = texts[random.nextInt(4) == 0 ? random.nextInt(texts.length) : random.nextInt(2)];
                if (field == 0 && random.nextBoolean()) {
                    text += row;
                }
                if (field == 0 && longShare > 0 && random.nextDouble() < longShare) {
                    text = "long ".repeat(20 + random.nextInt(100)) + row;
                }
                out.write('"');
                out.write(text.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
                if (field == broken) {
                    out.write(malformed[random.nextInt(malformed.length)]);
                    if (random.nextBoolean()) {
                        out.write("z".getBytes(StandardCharsets.UTF_8));
                    }
                }
                out.write('"');
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Hands the bytes over 1 to 9 at a time, so that fields, quotes and rows are cut at every place. */
    private static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(InputStream in, Random random) {
            super(in);
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(9)));
        }

        /** Nothing is ever ready, so that buffering streams above pass the short reads on. */
        @Override
        public int available() {
            return 0;
        }
    }
}
