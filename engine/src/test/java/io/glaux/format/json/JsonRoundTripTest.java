package io.glaux.format.json;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.RowWriter;
import io.glaux.format.text.DeepValues;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.readAll;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;

class JsonRoundTripTest {

    private static final List<Column> COLUMNS = columns("bo", "boolean", "ti", "tinyint", "si", "smallint",
            "i", "int", "bi", "bigint", "f", "float", "d", "double", "de", "decimal(38,10)", "s", "string",
            "vc", "varchar(20)", "da", "date", "ts", "timestamp", "bin", "binary",
            "a", "array<struct<k:string,v:array<int>>>", "m", "map<int,map<string,double>>",
            "st", "struct<Name:string,inner:struct<x:bigint>>");

    private final JsonFormatWriter writer = new JsonFormatWriter();
    private final JsonFormatReader reader = new JsonFormatReader();

    private static List<Object[]> rows() {
        Map<Object, Object> innerMap = new LinkedHashMap<>();
        innerMap.put("x", 1.5);
        innerMap.put("nan", Double.NaN);
        innerMap.put("none", null);
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, innerMap);
        map.put(-2, Map.of());
        Object[] full = {true, (byte) -1, (short) 2, 3, Long.MIN_VALUE, Float.POSITIVE_INFINITY, 1e300,
            new BigDecimal("1234567890123456789012345678.0123456789"), "quote \" backslash \\ newline \n tab \t \u00e9",
            "v", 18276, -1L, new ByteString(new byte[] {0, -1}),
            Arrays.asList(new Object[] {"k", Arrays.asList(1, null)}, null), map,
            new Object[] {"n", new Object[] {42L}}};
        Object[] empty = new Object[COLUMNS.size()];
        return List.of(full, empty);
    }

    private byte[] write(List<Object[]> rows, Map<String, String> properties) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RowWriter rowWriter = writer.create(bytes, COLUMNS, properties)) {
            for (Object[] row : rows) {
                rowWriter.write(row);
            }
            assertThat(rowWriter.rowCount()).isEqualTo(rows.size());
        }
        return bytes.toByteArray();
    }

    @Test
    void writesOneObjectPerLineKeyedByColumnName() throws IOException {
        byte[] bytes = write(List.<Object[]>of(rows().get(1)), Map.of());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"bo\":null,\"ti\":null,").endsWith("\"st\":null}\n");
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void everyTypeRoundTripsThroughBothJsonSerDes() throws IOException {
        byte[] bytes = write(rows(), Map.of());
        for (String library : List.of(StorageDescriptor.HIVE_JSON_SERDE, StorageDescriptor.OPENX_JSON_SERDE)) {
            List<Object[]> read = readAll(reader, new BytesObjectSource("s3://b/out", bytes),
                    request(COLUMNS, Map.of(), library));
            assertThat(DeepValues.rows(read)).as(library).isEqualTo(DeepValues.rows(rows()));
        }
    }

    @Test
    void gzipRoundTrips() throws IOException {
        Map<String, String> properties = Map.of("write_compression", "gzip");
        byte[] bytes = write(rows(), properties);
        assertThat(writer.fileExtension(properties)).isEqualTo(".gz");
        assertThat(writer.fileExtension(Map.of())).isEmpty();
        List<Object[]> read = readAll(reader, new BytesObjectSource("s3://b/out.gz", bytes),
                request(COLUMNS, Map.of(), StorageDescriptor.HIVE_JSON_SERDE));
        assertThat(DeepValues.rows(read)).isEqualTo(DeepValues.rows(rows()));
    }
}
