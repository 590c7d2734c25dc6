package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
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
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by parquet-hadoop's example writer in layouts other tools produce: INT96 timestamps, legacy 2-level
 * lists (parquet-avro's {@code array}, Hive's {@code bag}, Thrift's {@code _tuple}), bare repeated fields,
 * unannotated binary, micro/nanosecond timestamps, fixed and binary decimals, unsigned ints, MAP_KEY_VALUE maps and
 * upper-case column names.
 */
class ForeignWriterCompatibilityTest {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message spark_schema {
              required int32 ID;
              optional int96 Created;
              optional group tags (LIST) { repeated binary array (UTF8); }
              optional group points (LIST) { repeated group bag { optional int32 array_element; } }
              optional group pairs (LIST) { repeated group array { optional binary k (UTF8); optional int32 v; } }
              optional group nums (LIST) { repeated group nums_tuple { required int64 n; } }
              repeated int32 bare;
              optional binary raw;
              optional int64 ts_micros (TIMESTAMP(MICROS,true));
              optional int64 ts_nanos (TIMESTAMP(NANOS,false));
              optional fixed_len_byte_array(5) fixed_dec (DECIMAL(10,2));
              optional binary bin_dec (DECIMAL(24,4));
              optional int32 small (INT_8);
              optional int32 u32 (INTEGER(32,false));
              optional binary mood (ENUM);
              optional binary doc (JSON);
              optional group props (MAP_KEY_VALUE) {
                repeated group map { required binary key (UTF8); optional binary value (UTF8); }
              }
            }
            """);

    static final List<Column> TABLE = List.of(
            column("id", "int"),
            column("created", "timestamp"),
            column("tags", "array<string>"),
            column("points", "array<int>"),
            column("pairs", "array<struct<k:string,v:int>>"),
            column("nums", "array<struct<n:bigint>>"),
            column("bare", "array<int>"),
            column("raw", "string"),
            column("ts_micros", "timestamp"),
            column("ts_nanos", "timestamp"),
            column("fixed_dec", "decimal(10,2)"),
            column("bin_dec", "decimal(24,4)"),
            column("small", "tinyint"),
            column("u32", "bigint"),
            column("mood", "string"),
            column("doc", "string"),
            column("props", "map<string,string>"));

    static byte[] writeWithExampleWriter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            Group full = groups.newGroup();
            full.add("ID", 1);
            full.add("Created", new NanoTime(2_440_588 + 19_000, 3_723_004_000_000L));
            Group tags = full.addGroup("tags");
            tags.add("array", "red");
            tags.add("array", "blue");
            Group points = full.addGroup("points");
            points.addGroup("bag").add("array_element", 10);
            points.addGroup("bag");
            points.addGroup("bag").add("array_element", 30);
            Group pairs = full.addGroup("pairs");
            pairs.addGroup("array").append("k", "a").append("v", 1);
            pairs.addGroup("array").append("k", "b");
            full.addGroup("nums").addGroup("nums_tuple").add("n", 99L);
            full.add("bare", 4);
            full.add("bare", 5);
            full.add("raw", Binary.fromString("plain bytes"));
            full.add("ts_micros", 1_700_000_000_123_456L);
            full.add("ts_nanos", 1_700_000_000_123_456_789L);
            full.add("fixed_dec", Binary.fromConstantByteArray(new byte[] {-1, -1, -1, (byte) 0xcf, (byte) 0xc7}));
            full.add("bin_dec", Binary.fromConstantByteArray(
                    new BigInteger("123456789012345678901234").toByteArray()));
            full.add("small", -5);
            full.add("u32", -1);
            full.add("mood", "happy");
            full.add("doc", "{\"a\":1}");
            Group props = full.addGroup("props");
            props.addGroup("map").append("key", "a").append("value", "1");
            props.addGroup("map").append("key", "b");
            writer.write(full);

            Group sparse = groups.newGroup();
            sparse.add("ID", 2);
            sparse.add("Created", new NanoTime(2_440_587, 86_399_999_000_000L));
            sparse.addGroup("tags");
            sparse.add("ts_micros", -1L);
            writer.write(sparse);
        }
        return out.toByteArray();
    }

    @Test
    void readsLegacyLayoutsAndTypes() throws Exception {
        List<Object[]> rows = ParquetTestFiles.readAll(writeWithExampleWriter(), TABLE);

        Map<Object, Object> props = new LinkedHashMap<>();
        props.put("a", "1");
        props.put("b", null);
        List<Object> first = Arrays.asList(1, 19_000L * 86_400_000L + 3_723_004L, List.of("red", "blue"),
                Arrays.asList(10, null, 30), List.of(List.of("a", 1), Arrays.asList("b", null)), List.of(List.of(99L)),
                List.of(4, 5), "plain bytes", 1_700_000_000_123L, 1_700_000_000_123L, new BigDecimal("-123.45"),
                new BigDecimal("12345678901234567890.1234"), (byte) -5, 4_294_967_295L, "happy", "{\"a\":1}", props);
        List<Object> second = Arrays.asList(2, -1L, List.of(), null, null, null, List.of(), null, -1L, null, null,
                null, null, null, null, null, null);
        assertThat(Rows.comparableRows(rows)).isEqualTo(List.of(first, second));
    }

    @Test
    void pushesPredicatesOnUpperCaseColumnsAndReadsSubsets() throws Exception {
        byte[] bytes = writeWithExampleWriter();
        List<Object[]> rows = ParquetTestFiles.read(new BytesObjectSource("s3://b/foreign.parquet", bytes), TABLE,
                new int[] {16, 0}, List.of(new io.glaux.format.ColumnPredicate(0, io.glaux.format.ColumnPredicate.Op.GT,
                        List.of(5))));
        assertThat(rows).isEmpty();

        rows = ParquetTestFiles.read(new BytesObjectSource("s3://b/foreign.parquet", bytes), TABLE,
                new int[] {6, 0}, List.of(new io.glaux.format.ColumnPredicate(0, io.glaux.format.ColumnPredicate.Op.EQ,
                        List.of(2))));
        assertThat(Rows.comparableRows(rows)).isEqualTo(List.of(List.of(List.of(4, 5), 1), List.of(List.of(), 2)));
    }
}
