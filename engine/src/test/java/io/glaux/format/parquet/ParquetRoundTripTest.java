package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetRoundTripTest {

    static final List<Column> COLUMNS = List.of(
            column("b", "boolean"),
            column("ti", "tinyint"),
            column("si", "smallint"),
            column("i", "int"),
            column("bi", "bigint"),
            column("f", "float"),
            column("d", "double"),
            column("dec_small", "decimal(7,2)"),
            column("dec_mid", "decimal(15,3)"),
            column("dec_big", "decimal(30,5)"),
            column("s", "string"),
            column("vc", "varchar(10)"),
            column("c", "char(3)"),
            column("dt", "date"),
            column("ts", "timestamp"),
            column("bin", "binary"),
            column("arr", "array<int>"),
            column("m", "map<string,bigint>"),
            column("st", "struct<a:int,b:string,inner:struct<x:double>>"),
            column("nested", "array<struct<k:string,v:array<int>>>"),
            column("map_of_arr", "map<int,array<string>>"));

    static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    static long millis(String timestamp) {
        return LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object[]> sampleRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {true, (byte) -7, (short) 1234, 42, 9_000_000_000L, 1.5f, -2.25,
                new BigDecimal("12345.67"), new BigDecimal("-123456789012.345"),
                new BigDecimal("-1234567890123456789012345.67891"), "héllo, \"world\"", "varchar", "abc",
                days("2024-02-29"), millis("2024-03-01T12:34:56.789"), new ByteString(new byte[] {0, 1, (byte) 0xff}),
                List.of(1, 2, 3), map("a", 1L, "b", 2L),
                new Object[] {7, "seven", new Object[] {7.5}},
                List.of(new Object[] {"k1", List.of(1, 2)}, new Object[] {"k2", List.of()}),
                map(1, List.of("x", "y"), 2, List.of())});
        rows.add(new Object[COLUMNS.size()]);
        rows.add(new Object[] {false, (byte) 127, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, Float.NaN,
                Double.POSITIVE_INFINITY, new BigDecimal("-0.01"), new BigDecimal("0.000"),
                new BigDecimal("99999999999999999999999.99999"), "", "", "   ",
                days("1900-01-01"), millis("1969-12-31T23:59:59.999"), new ByteString(new byte[0]),
                Arrays.asList(null, 5, null), map("null value", null),
                new Object[] {null, null, null},
                Arrays.asList(null, new Object[] {null, Arrays.asList((Object) null)}),
                map(3, null)});
        rows.add(new Object[] {null, null, null, 0, null, null, null, null, null, null, "only some", null, null,
                null, null, null, List.of(), map(), new Object[] {1, null, new Object[] {null}}, List.of(), map()});
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SNAPPY", "GZIP", "ZSTD", "NONE", "uncompressed"})
    void everyTypeSurvivesARoundTrip(String compression) throws Exception {
        byte[] bytes = ParquetTestFiles.write(COLUMNS, sampleRows(), Map.of("write_compression", compression));

        List<Object[]> read = ParquetTestFiles.readAll(bytes, COLUMNS);

        // A char(3) value reads back as Trino holds it, without trailing spaces ("   " is "").
        List<Object[]> expectedRows = sampleRows();
        expectedRows.get(2)[12] = "";
        assertThat(Rows.comparableRows(read)).isEqualTo(Rows.comparableRows(expectedRows));
        ParquetMetadata footer = footer(bytes);
        CompressionCodecName expected = switch (compression.toUpperCase()) {
            case "NONE", "UNCOMPRESSED" -> CompressionCodecName.UNCOMPRESSED;
            default -> CompressionCodecName.valueOf(compression);
        };
        assertThat(footer.getBlocks().get(0).getColumns()).allSatisfy(chunk -> {
            assertThat(chunk.getCodec()).isEqualTo(expected);
            assertThat(chunk.getStatistics().isEmpty()).isFalse();
        });
    }

    @Test
    void writesTheSchemaAthenaWrites() throws Exception {
        byte[] bytes = ParquetTestFiles.write(COLUMNS, List.of(), Map.of());

        MessageType expected = MessageTypeParser.parseMessageType("""
                message hive_schema {
                  optional boolean b;
                  optional int32 ti (INTEGER(8,true));
                  optional int32 si (INTEGER(16,true));
                  optional int32 i;
                  optional int64 bi;
                  optional float f;
                  optional double d;
                  optional int32 dec_small (DECIMAL(7,2));
                  optional int64 dec_mid (DECIMAL(15,3));
                  optional fixed_len_byte_array(13) dec_big (DECIMAL(30,5));
                  optional binary s (STRING);
                  optional binary vc (STRING);
                  optional binary c (STRING);
                  optional int32 dt (DATE);
                  optional int64 ts (TIMESTAMP(MILLIS,false));
                  optional binary bin;
                  optional group arr (LIST) { repeated group list { optional int32 element; } }
                  optional group m (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }
                  optional group st { optional int32 a; optional binary b (STRING); optional group inner { optional double x; } }
                  optional group nested (LIST) { repeated group list { optional group element {
                      optional binary k (STRING);
                      optional group v (LIST) { repeated group list { optional int32 element; } } } } }
                  optional group map_of_arr (MAP) { repeated group key_value { required int32 key;
                      optional group value (LIST) { repeated group list { optional binary element (STRING); } } } }
                }
                """);
        assertThat(footer(bytes).getFileMetaData().getSchema()).isEqualTo(expected);
        assertThat(ParquetTestFiles.readAll(bytes, COLUMNS)).isEmpty();
    }

    @Test
    void defaultsToGzipAndNamesFilesByCodec() throws Exception {
        List<Column> columns = List.of(column("i", "int"));
        byte[] bytes = ParquetTestFiles.write(columns, List.<Object[]>of(new Object[] {1}), Map.of());
        assertThat(footer(bytes).getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.GZIP);

        ParquetFormatWriter writer = new ParquetFormatWriter();
        assertThat(writer.fileExtension(Map.of())).isEqualTo(".gz.parquet");
        assertThat(writer.fileExtension(Map.of("write_compression", "snappy"))).isEqualTo(".snappy.parquet");
        assertThat(writer.fileExtension(Map.of("WRITE_COMPRESSION", "Zstd"))).isEqualTo(".zstd.parquet");
        assertThat(writer.fileExtension(Map.of("write_compression", "NONE"))).isEqualTo(".parquet");
        assertThatThrownBy(() -> writer.fileExtension(Map.of("write_compression", "LZO")))
                .isInstanceOfSatisfying(GlauxException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_ARGUMENT));
    }

    @Test
    void sameRowsGiveTheSameBytes() {
        byte[] first = ParquetTestFiles.write(COLUMNS, sampleRows(), Map.of("write_compression", "GZIP"));
        byte[] second = ParquetTestFiles.write(COLUMNS, sampleRows(), Map.of("write_compression", "GZIP"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void countsRowsAndRoundsDecimalsToTheColumnScale() throws Exception {
        List<Column> columns = List.of(column("price", "decimal(5,2)"));
        var out = new java.io.ByteArrayOutputStream();
        try (var writer = new ParquetFormatWriter().create(out, columns, Map.of())) {
            writer.write(new Object[] {new BigDecimal("999.99")});
            writer.write(new Object[] {new BigDecimal("1.005")});
            assertThat(writer.rowCount()).isEqualTo(2);
        }
        assertThat(Rows.comparableRows(ParquetTestFiles.readAll(out.toByteArray(), columns)))
                .isEqualTo(List.of(List.of(new BigDecimal("999.99")), List.of(new BigDecimal("1.01"))));
    }

    @Test
    void rejectsDecimalsBeyondTheColumnPrecision() throws Exception {
        List<Column> columns = List.of(column("price", "decimal(5,2)"));
        try (var writer = new ParquetFormatWriter().create(new java.io.ByteArrayOutputStream(), columns, Map.of())) {
            assertThatThrownBy(() -> writer.write(new Object[] {new BigDecimal("1000.00")}))
                    .isInstanceOfSatisfying(GlauxException.class, e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR);
                        assertThat(e.getMessage()).contains("price", "decimal(5,2)");
                    });
        }
    }

    static ParquetMetadata footer(byte[] bytes) throws Exception {
        BytesObjectSource source = new BytesObjectSource("s3://bucket/footer.parquet", bytes);
        ObjectSourceInputFile file = new ObjectSourceInputFile(source);
        try (ParquetFileReader reader = new ParquetFileReader(file,
                new org.apache.parquet.ParquetReadOptions.Builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .withCodecFactory(CodecFactory.INSTANCE).build())) {
            return reader.getFooter();
        }
    }
}
