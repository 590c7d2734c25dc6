package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.ValueRange;
import io.glaux.error.GlauxException;
import io.glaux.testing.BytesObjectSource;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Differential tests of the batch path against the row path on files written by parquet-hadoop's example writer,
 * read as the table types Athena allows for them: identical, widened and narrowed integers (out-of-range values are
 * NULL), floating point from integers and decimals, rescaled and overflowing decimals, INT96 and INT64 timestamps
 * before and after the epoch, strings cut to varchar(n)/char(n), malformed UTF-8, binary and strings read as each
 * other, all in dictionary-encoded and plain chunks.
 */
class ParquetBatchConversionTest {

    static final int ROWS = 3_000;

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message values {
              optional int32 i32;
              optional int64 i64;
              optional int32 u32 (INTEGER(32,false));
              optional float f;
              optional double d;
              optional int32 dec32 (DECIMAL(9,2));
              optional int64 dec64 (DECIMAL(18,3));
              optional fixed_len_byte_array(9) decfix (DECIMAL(20,2));
              optional binary decbin (DECIMAL(12,1));
              optional binary s (UTF8);
              optional binary b;
              optional int96 t96;
              optional int64 tmillis (TIMESTAMP(MILLIS,false));
              optional int64 tnanos (TIMESTAMP(NANOS,true));
              optional int32 d32 (DATE);
              optional boolean flag;
              required int32 seq;
            }
            """);

    static final int[] ALL = java.util.stream.IntStream.range(0, 17).toArray();

    /** The same names read as the types the file holds. */
    static final List<Column> SAME = List.of(column("i32", "int"), column("i64", "bigint"), column("u32", "bigint"),
            column("f", "float"), column("d", "double"), column("dec32", "decimal(9,2)"),
            column("dec64", "decimal(18,3)"), column("decfix", "decimal(20,2)"), column("decbin", "decimal(12,1)"),
            column("s", "string"), column("b", "binary"), column("t96", "timestamp"), column("tmillis", "timestamp"),
            column("tnanos", "timestamp"), column("d32", "date"), column("flag", "boolean"), column("seq", "int"));

    /** Widened, narrowed and rescaled. */
    static final List<Column> CONVERTED = List.of(column("i32", "bigint"), column("i64", "int"),
            column("u32", "int"), column("f", "double"), column("d", "double"), column("dec32", "decimal(12,4)"),
            column("dec64", "decimal(10,1)"), column("decfix", "decimal(38,2)"), column("decbin", "decimal(5,3)"),
            column("s", "varchar(3)"), column("b", "string"), column("t96", "timestamp"),
            column("tmillis", "timestamp"), column("tnanos", "timestamp"), column("d32", "date"),
            column("flag", "boolean"), column("seq", "bigint"));

    /** Narrowed further, to floating point and across text and binary. */
    static final List<Column> CROSSED = List.of(column("i32", "tinyint"), column("i64", "smallint"),
            column("u32", "double"), column("f", "float"), column("d", "double"), column("dec32", "double"),
            column("dec64", "float"), column("decfix", "decimal(20,1)"), column("decbin", "decimal(30,1)"),
            column("s", "char(4)"), column("b", "varchar(2)"), column("t96", "timestamp"),
            column("tmillis", "timestamp"), column("tnanos", "timestamp"), column("d32", "date"),
            column("flag", "boolean"), column("seq", "decimal(12,2)"));

    /** Strings read as binary, integers as decimals. */
    static final List<Column> AS_BINARY = List.of(column("i32", "decimal(10,0)"), column("i64", "decimal(25,2)"),
            column("u32", "smallint"), column("f", "double"), column("d", "double"), column("dec32", "float"),
            column("dec64", "decimal(30,3)"), column("decfix", "double"), column("decbin", "decimal(12,1)"),
            column("s", "binary"), column("b", "char(3)"), column("t96", "timestamp"), column("tmillis", "timestamp"),
            column("tnanos", "timestamp"), column("d32", "date"), column("flag", "boolean"), column("seq", "smallint"));

    static byte[] dictionaryEncoded;
    static byte[] plain;

    @BeforeAll
    static void writeFiles() throws Exception {
        dictionaryEncoded = write(true);
        plain = write(false);
    }

    static byte[] write(boolean dictionary) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        Random random = new Random(42);
        String[] texts = {"", "a", "abc", "abcd  ", "  x  ", "\u00e9t\u00e9 ", "\u4e2d\u6587\u5b57\u7b26",
                "\ud83d\ude00\ud83d\ude01xy", "pad   ", "plain ascii value"};
        byte[][] malformed = {{(byte) 0xc3}, {'a', (byte) 0xff, 'b'}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xe0, (byte) 0x80, (byte) 0x80, 'z'}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        long[] longs = {0, 1, -1, 127, -128, 128, 32_767, -32_769, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE, 123_456_789_012L};
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(dictionary)
                .withPageSize(4_096)
                .withRowGroupSize(48_000L)
                .build()) {
            for (int i = 0; i < ROWS; i++) {
                Group row = groups.newGroup();
                row.add("seq", i);
                if (random.nextInt(8) == 0) {
                    writer.write(row);
                    continue;
                }
                long picked = longs[random.nextInt(longs.length)];
                row.add("i32", random.nextBoolean() ? (int) picked : random.nextInt());
                row.add("i64", random.nextBoolean() ? picked : random.nextLong() >> random.nextInt(64));
                row.add("u32", random.nextBoolean() ? (int) picked : random.nextInt());
                row.add("f", random.nextBoolean() ? (float) picked : random.nextFloat() * 1e6f);
                row.add("d", random.nextInt(50) == 0 ? Double.NaN : random.nextGaussian() * 1e12);
                row.add("dec32", random.nextInt(1_000_000_000) - 500_000_000);
                row.add("dec64", random.nextLong() % 1_000_000_000_000_000_000L);
                byte[] fixed = new byte[9];
                random.nextBytes(fixed);
                row.add("decfix", Binary.fromConstantByteArray(fixed));
                row.add("decbin", Binary.fromConstantByteArray(
                        BigInteger.valueOf(random.nextLong() % 1_000_000_000_000L).toByteArray()));
                if (random.nextInt(40) == 0) {
                    row.add("s", Binary.fromConstantByteArray(malformed[random.nextInt(malformed.length)]));
                } else {
                    row.add("s", texts[random.nextInt(texts.length)]);
                }
                row.add("b", random.nextInt(30) == 0
                        ? Binary.fromConstantByteArray(malformed[random.nextInt(malformed.length)])
                        : Binary.fromString(texts[random.nextInt(texts.length)] + random.nextInt(5)));
                row.add("t96", new NanoTime(2_440_588 + random.nextInt(40_000) - 20_000,
                        random.nextLong(86_400_000_000_000L)));
                row.add("tmillis", random.nextLong() >> 20);
                row.add("tnanos", random.nextLong() >> random.nextInt(8));
                row.add("d32", random.nextInt(100_000) - 50_000);
                row.add("flag", random.nextBoolean());
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void filesHoldSeveralRowGroupsAndBothEncodings() throws Exception {
        assertThat(ParquetScanPruningTest.rowGroups(dictionaryEncoded)).isGreaterThan(1);
        assertThat(ParquetRoundTripTest.footer(dictionaryEncoded).getBlocks().get(0).getColumns().get(9)
                .getEncodingStats().hasDictionaryEncodedPages()).isTrue();
        assertThat(ParquetRoundTripTest.footer(plain).getBlocks().get(0).getColumns().get(9)
                .getEncodingStats().hasDictionaryEncodedPages()).isFalse();
    }

    @Test
    void sameTypes() throws Exception {
        for (byte[] file : List.of(dictionaryEncoded, plain)) {
            for (int maxRows : new int[] {3, 1_000}) {
                BatchReads.assertSameAsRows(file, SAME, ALL, List.of(), maxRows);
            }
        }
    }

    @Test
    void widenedNarrowedAndRescaled() throws Exception {
        for (byte[] file : List.of(dictionaryEncoded, plain)) {
            BatchReads.Result result = BatchReads.assertSameAsRows(file, CONVERTED, ALL, List.of(), 500);
            assertThat(result.rows()).anySatisfy(row -> assertThat(row[1]).isNull()).anySatisfy(
                    row -> assertThat(row[1]).isNotNull());
        }
    }

    /**
     * Pages without NULLs are decoded in one loop, every row marked valid first; a value out of the table type's range
     * (a bigint read as int) is still NULL there, as the row path reads it, in dictionary and plain pages.
     */
    @Test
    void pagesWithoutNullsKeepOutOfRangeValuesNull() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message t { required int64 wide; required int64 money (DECIMAL(12,2)); required int32 day (DATE); }");
        for (boolean dictionary : new boolean[] {true, false}) {
            byte[] file = smallPages(schema, dictionary, (row, i) -> {
                row.add("wide", i % 97 == 0 ? Integer.MAX_VALUE + 1L + i % 5 : i % 300 - 150L);
                row.add("money", i % 89 == 0 ? 123_456_789_012L : i % 500 * 7L);
                row.add("day", i % 400 - 200);
            });
            BatchReads.Result result = BatchReads.assertSameAsRows(file, List.of(column("wide", "int"),
                    column("money", "decimal(9,2)"), column("day", "date")), new int[] {0, 1, 2}, List.of(), 1_000);
            assertThat(result.rows()).as("dictionary %s", dictionary)
                    .anySatisfy(row -> assertThat(row[0]).isNull())
                    .anySatisfy(row -> assertThat(row[0]).isNotNull())
                    .anySatisfy(row -> assertThat(row[1]).isNull())
                    .allSatisfy(row -> assertThat(row[2]).isNotNull());
        }
    }

    /**
     * A batch of integer-like values without NULLs comes with the range its values lie in, so that the operators need
     * not scan it: a dictionary page's is the dictionary's (here the chunk's every day), a plain page's its own values'.
     * A page with NULLs, or with values the table type turns to NULL, gives its batch none. {@link BatchReads} checks
     * that every value lies in its batch's range.
     */
    @Test
    void batchesWithoutNullsComeWithTheRangeOfTheirValues() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 day (DATE); "
                + "required int64 money (DECIMAL(12,2)); required int64 id; optional int64 sparse; "
                + "required int64 wide; }");
        for (boolean dictionary : new boolean[] {true, false}) {
            byte[] file = smallPages(schema, dictionary, (row, i) -> {
                row.add("day", (i * 7919) % 400 - 200);
                row.add("money", i % 500 * 7L - 1_000);
                row.add("id", i * 3L - 1_000_000_000_000L);
                if (i % 50 != 0) {
                    row.add("sparse", (long) i);
                }
                row.add("wide", i % 97 == 0 ? Integer.MAX_VALUE + 1L : i);
            });
            List<Column> table = List.of(column("day", "date"), column("money", "decimal(12,2)"),
                    column("id", "bigint"), column("sparse", "bigint"), column("wide", "int"));
            BatchReads.Result result = BatchReads.assertSameAsRows(file, table, new int[] {0, 1, 2, 3, 4},
                    List.of(), 1_000);
            int row = 0;
            for (int batch = 0; batch < result.batchSizes().size(); batch++) {
                ValueRange[] ranges = result.ranges().get(batch);
                assertThat(ranges).as("dictionary %s, batch %d", dictionary, batch)
                        .satisfies(r -> assertThat(r[0]).isNotNull(), r -> assertThat(r[1]).isNotNull(),
                                r -> assertThat(r[2]).isNotNull(), r -> assertThat(r[3]).isNull(),
                                r -> assertThat(r[4]).isNull());
                List<Object[]> rows = result.rows().subList(row, row + result.batchSizes().get(batch));
                row += rows.size();
                long firstDay = rows.stream().mapToLong(r -> (Integer) r[0]).min().orElseThrow();
                long lastDay = rows.stream().mapToLong(r -> (Integer) r[0]).max().orElseThrow();
                assertThat(ranges[0]).isEqualTo(dictionary ? new ValueRange(-200, 199)
                        : new ValueRange(firstDay, lastDay));
                if (!dictionary) {
                    long lowest = rows.stream().mapToLong(r -> (Long) r[2]).min().orElseThrow();
                    long highest = rows.stream().mapToLong(r -> (Long) r[2]).max().orElseThrow();
                    assertThat(ranges[2]).isEqualTo(new ValueRange(lowest, highest));
                }
            }
        }
    }

    /** 20,000 rows, each filled by {@code fill} (the row, its number), uncompressed, in pages of about 4 KB. */
    private static byte[] smallPages(MessageType schema, boolean dictionary,
                                     java.util.function.ObjIntConsumer<Group> fill) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withDictionaryEncoding(dictionary)
                .withPageSize(4_096)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < 20_000; i++) {
                Group row = groups.newGroup();
                fill.accept(row, i);
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void crossedToFloatingPointTextAndBinary() throws Exception {
        for (byte[] file : List.of(dictionaryEncoded, plain)) {
            BatchReads.assertSameAsRows(file, CROSSED, ALL, List.of(), 777);
            BatchReads.assertSameAsRows(file, AS_BINARY, ALL, List.of(), 777);
        }
    }

    @Test
    void malformedUtf8IsReplacedAsTheRowPathDoes() throws Exception {
        BatchReads.Result result = BatchReads.assertSameAsRows(dictionaryEncoded, SAME, new int[] {9, 10}, List.of(),
                100);
        assertThat(result.rows()).anySatisfy(row -> assertThat((String) row[0]).contains("\ufffd"));
        assertThat(result.batchesWithIds()).isPositive();
    }

    @Test
    void failsAsTheRowPathDoesOnBadValues() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message bad { required int32 id; optional binary amount (DECIMAL(10,2)); }");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            writer.write(groups.newGroup().append("id", 1).append("amount", Binary.fromConstantByteArray(new byte[] {1})));
            writer.write(groups.newGroup().append("id", 2).append("amount", Binary.EMPTY));
        }
        List<Column> table = List.of(column("id", "int"), column("amount", "decimal(10,2)"));
        GlauxException rowFailure = catchThrowableOfType(GlauxException.class, () ->
                ParquetTestFiles.read(new BytesObjectSource("s3://bucket/batches.parquet", out.toByteArray()), table,
                        new int[] {0, 1}, List.of()));
        assertThat(rowFailure).isNotNull();
        assertThatThrownBy(() -> BatchReads.read(out.toByteArray(), table, new int[] {0, 1}, List.of(), 10))
                .isInstanceOf(GlauxException.class)
                .hasMessage(rowFailure.getMessage());
    }

    @Test
    void mismatchedTypesFailAtOpenAsTheRowPathDoes() throws Exception {
        List<Column> table = List.of(column("s", "int"));
        GlauxException rowFailure = catchThrowableOfType(GlauxException.class, () ->
                ParquetTestFiles.read(new BytesObjectSource("s3://bucket/batches.parquet", plain),
                        table, new int[] {0}, List.of()));
        assertThat(rowFailure).isNotNull();
        assertThatThrownBy(() -> BatchReads.read(plain, table, new int[] {0}, List.of(), 10))
                .isInstanceOf(GlauxException.class)
                .hasMessage(rowFailure.getMessage());
    }

    @Test
    void readsForeignLayoutsAndDeclinesNestedColumns() throws Exception {
        byte[] bytes = ForeignWriterCompatibilityTest.writeWithExampleWriter();
        List<Column> table = ForeignWriterCompatibilityTest.TABLE;
        BatchReads.assertSameAsRows(bytes, table, new int[] {15, 14, 13, 12, 11, 10, 9, 8, 7, 1, 0}, List.of(), 1);
        assertThat(BatchReads.read(bytes, table, new int[] {0, 2}, List.of(), 10)).isEmpty();
        assertThat(BatchReads.read(bytes, table, new int[] {16}, List.of(), 10)).isEmpty();
    }
}
