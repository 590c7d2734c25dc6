package io.glaux.format.csv;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.GlauxException;
import io.glaux.format.RowWriter;
import io.glaux.format.text.DeepValues;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.readAll;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRoundTripTest {

    private static final List<Column> PRIMITIVES = columns("bo", "boolean", "ti", "tinyint", "si", "smallint",
            "i", "int", "bi", "bigint", "f", "float", "d", "double", "de", "decimal(12,3)", "s", "string",
            "vc", "varchar(20)", "da", "date", "ts", "timestamp", "bin", "binary");

    private final CsvFormatWriter writer = new CsvFormatWriter();
    private final CsvFormatReader reader = new CsvFormatReader();

    private static List<Object[]> primitiveRows(String awkwardText) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {true, (byte) -1, (short) 2, 3, 4L, 1.5f, -2.5e-7, new BigDecimal("-123456789.125"),
            awkwardText, "short", 18276, 1_579_059_880_123L, new ByteString(new byte[] {0, 1, -2})});
        rows.add(new Object[] {false, Byte.MAX_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Float.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("0.000"), "", "x", -1, -1L,
            new ByteString(new byte[0])});
        return rows;
    }

    private byte[] write(List<Column> columns, Map<String, String> properties, List<Object[]> rows)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowWriter rowWriter = writer.create(bytes, columns, properties)) {
            for (Object[] row : rows) {
                rowWriter.write(row);
            }
            assertThat(rowWriter.rowCount()).isEqualTo(rows.size());
        }
        return bytes.toByteArray();
    }

    private List<Object[]> readBack(String name, byte[] bytes, List<Column> columns, Map<String, String> properties) {
        Map<String, String> parameters = new HashMap<>(properties);
        String library = parameters.remove(CsvFormatWriter.SERIALIZATION_LIB);
        return readAll(reader, new BytesObjectSource(name, bytes), request(columns, parameters, library));
    }

    private void assertRoundTrip(List<Column> columns, Map<String, String> properties, List<Object[]> rows)
            throws IOException {
        byte[] bytes = write(columns, properties, rows);
        assertThat(DeepValues.rows(readBack("s3://b/out", bytes, columns, properties)))
                .isEqualTo(DeepValues.rows(rows));
    }

    @Test
    void lazySimpleDefaultsRoundTripEveryPrimitiveType() throws IOException {
        assertRoundTrip(PRIMITIVES, Map.of(), primitiveRows("plain, text with \"quotes\" and \\ backslash"));
    }

    @Test
    void lazySimpleWritesControlADelimitedLinesWithBackslashNForNull() throws IOException {
        byte[] bytes = write(columns("a", "int", "b", "string", "c", "array<int>"), Map.of(),
                List.<Object[]>of(new Object[] {1, null, List.of(1, 2)}));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("1\u0001\\N\u00011\u00022\n");
    }

    @Test
    void lazySimpleWithEscapeRoundTripsDelimitersBackslashesAndLineBreaks() throws IOException {
        Map<String, String> properties = Map.of("field.delim", ",", "escape.delim", "\\",
                "collection.delim", "|", "mapkey.delim", ":");
        assertRoundTrip(PRIMITIVES, properties, primitiveRows("a,b|c:d\\e\nnext line\r\nand CR\r"));
        byte[] bytes = write(columns("s", "string", "t", "string"), properties,
                List.<Object[]>of(new Object[] {"a,b", "c\\d"}));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("a\\,b,c\\\\d\n");
    }

    @Test
    void lazySimpleWithEscapeCrlfWritesLineBreaksAsLetters() throws IOException {
        Map<String, String> properties = Map.of("field.delim", "\t", "escape.delim", "\\",
                "serialization.escape.crlf", "true");
        List<Object[]> rows = List.<Object[]>of(new Object[] {"one\ntwo\r"});
        byte[] bytes = write(columns("s", "string"), properties, rows);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("one\\ntwo\\r\n");
        assertRoundTrip(columns("s", "string"), properties, rows);
    }

    @Test
    void lazySimpleRoundTripsNestedTypesAndNullsInside() throws IOException {
        List<Column> columns = columns("a", "array<string>", "m", "map<string,array<int>>",
                "st", "struct<name:string,tags:array<string>,m:map<int,string>>", "aa", "array<array<int>>",
                "empty", "array<int>", "nul", "map<string,int>");
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k1", List.of(1, 2));
        map.put("k2", Arrays.asList(3, null));
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(7, "seven");
        inner.put(8, null);
        List<Object[]> rows = List.<Object[]>of(new Object[] {Arrays.asList("x", null, ""), map,
            new Object[] {"n", List.of("t1", "t2"), inner}, List.of(List.of(1, 2), List.of(3)), List.of(), null});
        assertRoundTrip(columns, Map.of(), rows);
        assertRoundTrip(columns, Map.of("field.delim", ",", "escape.delim", "\\", "collection.delim", "|",
                "mapkey.delim", "="), rows);
    }

    @Test
    void customNullFormatIsWritten() throws IOException {
        Map<String, String> properties = Map.of("field.delim", ",", "serialization.null.format", "");
        byte[] bytes = write(columns("a", "int", "b", "string"), properties,
                List.<Object[]>of(new Object[] {null, null}));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(",\n");
        assertRoundTrip(columns("a", "int", "b", "string"), properties, List.<Object[]>of(new Object[] {null, null}));
    }

    @Test
    void openCsvQuotesEveryValueAndRoundTripsQuotesEscapesSeparatorsAndNewlines() throws IOException {
        Map<String, String> properties = Map.of("serialization.lib", StorageDescriptor.OPEN_CSV_SERDE);
        assertRoundTrip(PRIMITIVES, properties, primitiveRows("a,\"b\"\\c\nline\ttab"));
        byte[] bytes = write(columns("i", "int", "s", "string", "n", "int"), properties,
                List.<Object[]>of(new Object[] {1, "say \"hi\"", null}));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\"1\",\"say \\\"hi\\\"\",\n");
    }

    @Test
    void openCsvWithCustomCharactersRoundTrips() throws IOException {
        Map<String, String> properties = Map.of("serialization.lib", StorageDescriptor.OPEN_CSV_SERDE,
                "separatorChar", "|", "quoteChar", "'", "escapeChar", "'");
        assertRoundTrip(PRIMITIVES, properties, primitiveRows("it's | piped \"and\" \\ slashed"));
    }

    @Test
    void openCsvWritesNullStringsAsEmptyFieldsThatReadBackEmpty() throws IOException {
        Map<String, String> properties = Map.of("serialization.lib", StorageDescriptor.OPEN_CSV_SERDE);
        byte[] bytes = write(columns("s", "string", "i", "int"), properties,
                List.<Object[]>of(new Object[] {null, null}));
        assertThat(readBack("s3://b/o", bytes, columns("s", "string", "i", "int"), properties))
                .containsExactly(new Object[] {"", null});
    }

    @Test
    void openCsvRefusesComplexColumns() {
        Map<String, String> properties = Map.of("serialization.lib", StorageDescriptor.OPEN_CSV_SERDE);
        assertThatThrownBy(() -> writer.create(new ByteArrayOutputStream(), columns("a", "array<int>"), properties))
                .isInstanceOf(GlauxException.class).hasMessageContaining("array<int>");
    }

    @Test
    void gzipCompressionIsWrittenWithItsExtensionAndReadBackByName() throws IOException {
        Map<String, String> properties = Map.of("write_compression", "GZIP", "field.delim", ",");
        byte[] bytes = write(PRIMITIVES, properties, primitiveRows("zipped"));
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(writer.fileExtension(properties)).isEqualTo(".gz");
        assertThat(DeepValues.rows(readBack("s3://b/part-0.gz", bytes, PRIMITIVES, properties)))
                .isEqualTo(DeepValues.rows(primitiveRows("zipped")));
    }

    @Test
    void plainTextHasNoExtensionAndUnknownCompressionIsRefused() {
        assertThat(writer.fileExtension(Map.of())).isEmpty();
        assertThat(writer.fileExtension(Map.of("write_compression", "NONE"))).isEmpty();
        assertThatThrownBy(() -> writer.fileExtension(Map.of("write_compression", "LZ4")))
                .isInstanceOf(GlauxException.class).hasMessageContaining("LZ4");
    }
}
